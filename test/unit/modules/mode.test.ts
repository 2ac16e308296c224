// Mode parsing: integers, octal strings and symbolic modes. The symbolic expectations were recorded
// by running GNU chmod on real files and directories with the same starting modes.
import { describe, expect, it } from 'vitest';
import { formatMode, isValidMode, resolveMode } from '../../../src/modules/files/mode.js';

const chmodRecorded: [string, number, boolean, number][] = [
  ['u+x', 0o644, false, 0o744],
  ['u+x', 0o644, true, 0o744],
  ['u+x', 0o755, false, 0o755],
  ['u+x', 0o755, true, 0o755],
  ['u+x', 0o600, false, 0o700],
  ['u+x', 0o600, true, 0o700],
  ['u=rw,g=r,o=', 0o644, false, 0o640],
  ['u=rw,g=r,o=', 0o644, true, 0o640],
  ['u=rw,g=r,o=', 0o755, false, 0o640],
  ['u=rw,g=r,o=', 0o755, true, 0o640],
  ['u=rw,g=r,o=', 0o600, false, 0o640],
  ['u=rw,g=r,o=', 0o600, true, 0o640],
  ['a+X', 0o644, false, 0o644],
  ['a+X', 0o644, true, 0o755],
  ['a+X', 0o755, false, 0o755],
  ['a+X', 0o755, true, 0o755],
  ['a+X', 0o600, false, 0o600],
  ['a+X', 0o600, true, 0o711],
  ['go-w', 0o644, false, 0o644],
  ['go-w', 0o644, true, 0o644],
  ['go-w', 0o755, false, 0o755],
  ['go-w', 0o755, true, 0o755],
  ['go-w', 0o600, false, 0o600],
  ['go-w', 0o600, true, 0o600],
  ['u+s', 0o644, false, 0o4644],
  ['u+s', 0o644, true, 0o4644],
  ['u+s', 0o755, false, 0o4755],
  ['u+s', 0o755, true, 0o4755],
  ['u+s', 0o600, false, 0o4600],
  ['u+s', 0o600, true, 0o4600],
  ['g+s', 0o644, false, 0o2644],
  ['g+s', 0o644, true, 0o2644],
  ['g+s', 0o755, false, 0o2755],
  ['g+s', 0o755, true, 0o2755],
  ['g+s', 0o600, false, 0o2600],
  ['g+s', 0o600, true, 0o2600],
  ['+t', 0o644, false, 0o1644],
  ['+t', 0o644, true, 0o1644],
  ['+t', 0o755, false, 0o1755],
  ['+t', 0o755, true, 0o1755],
  ['+t', 0o600, false, 0o1600],
  ['+t', 0o600, true, 0o1600],
  ['o=u', 0o644, false, 0o646],
  ['o=u', 0o644, true, 0o646],
  ['o=u', 0o755, false, 0o757],
  ['o=u', 0o755, true, 0o757],
  ['o=u', 0o600, false, 0o606],
  ['o=u', 0o600, true, 0o606],
  ['a=rwx', 0o644, false, 0o777],
  ['a=rwx', 0o644, true, 0o777],
  ['a=rwx', 0o755, false, 0o777],
  ['a=rwx', 0o755, true, 0o777],
  ['a=rwx', 0o600, false, 0o777],
  ['a=rwx', 0o600, true, 0o777],
  ['u-x,g+w,o-r', 0o644, false, 0o660],
  ['u-x,g+w,o-r', 0o644, true, 0o660],
  ['u-x,g+w,o-r', 0o755, false, 0o671],
  ['u-x,g+w,o-r', 0o755, true, 0o671],
  ['u-x,g+w,o-r', 0o600, false, 0o620],
  ['u-x,g+w,o-r', 0o600, true, 0o620],
  ['ug=rwX', 0o644, false, 0o664],
  ['ug=rwX', 0o644, true, 0o774],
  ['ug=rwX', 0o755, false, 0o775],
  ['ug=rwX', 0o755, true, 0o775],
  ['ug=rwX', 0o600, false, 0o660],
  ['ug=rwX', 0o600, true, 0o770],
  ['a+r,u+w', 0o644, false, 0o644],
  ['a+r,u+w', 0o644, true, 0o644],
  ['a+r,u+w', 0o755, false, 0o755],
  ['a+r,u+w', 0o755, true, 0o755],
  ['a+r,u+w', 0o600, false, 0o644],
  ['a+r,u+w', 0o600, true, 0o644],
];

describe('resolveMode', () => {
  it.each(chmodRecorded)('%s on %o (directory: %s) gives %o like chmod', (spec, current, isDirectory, expected) => {
    expect(resolveMode(spec, current, isDirectory)).toBe(expected);
  });

  it('takes integers from YAML as the permission bits (YAML 1.1 0644 is 420)', () => {
    expect(resolveMode(420, 0o600, false)).toBe(0o644);
    expect(resolveMode(0o2775, undefined, true)).toBe(0o2775);
  });

  it('reads strings as octal, with or without the leading zero', () => {
    expect(resolveMode('0644', 0o600, false)).toBe(0o644);
    expect(resolveMode('644', 0o600, false)).toBe(0o644);
    expect(resolveMode('1777', 0o755, true)).toBe(0o1777);
    expect(resolveMode('0755', undefined, true)).toBe(0o755);
  });

  it('starts symbolic modes of new paths from 0644 / 0755', () => {
    expect(resolveMode('u+x', undefined, false)).toBe(0o744);
    expect(resolveMode('g+w', undefined, true)).toBe(0o775);
  });

  it('rejects what is neither octal nor symbolic, with a stable code', () => {
    for (const bad of ['rwxr-xr-x', '0999', 'u+q', 'x+r', '', 70000]) {
      expect(isValidMode(bad)).toBe(false);
      expect(() => resolveMode(bad, 0o644, false)).toThrow(expect.objectContaining({ code: 'bad-mode' }));
    }
  });

  it('formats like Ansible reports modes', () => {
    expect(formatMode(0o644)).toBe('0644');
    expect(formatMode(0o4755)).toBe('4755');
    expect(formatMode(0)).toBe('0000');
  });
});
