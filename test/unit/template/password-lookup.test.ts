// lookup('password'): generated once into a 0600 file under the playbook directory and read back
// after; seeded passwords are the ones ansible-playbook 2.14 printed for the same terms.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderValue, withoutUnsafe } from '../../../src/template/index.js';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-password-'));
  const render = (template: string, vars: Record<string, unknown> = {}) => withoutUnsafe(renderValue(template, { vars: { playbook_dir: dir, ...vars } }));
  return { dir, render };
}

describe('the password lookup', () => {
  it('generates a seeded password as Ansible does, keeps it in a 0600 file (0700 directory) and reads it back', () => {
    const { dir, render } = setup();
    expect(render("{{ lookup('password', 'creds/db length=12 chars=ascii_letters,digits seed=abc') }}")).toBe('XJDT6w90X6w8');
    expect(readFileSync(join(dir, 'creds/db'), 'utf8')).toBe('XJDT6w90X6w8\n');
    expect(statSync(join(dir, 'creds/db')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'creds')).mode & 0o777).toBe(0o700);
    // Stored: other parameters no longer matter.
    expect(render("{{ lookup('password', 'creds/db length=40') }}")).toBe('XJDT6w90X6w8');
  });

  it('takes chars with a literal comma (,,), keyword arguments, and /dev/null (never stored)', () => {
    const { render } = setup();
    expect(render("{{ lookup('password', 'creds/other chars=digits,,, length=8 seed=' + host) }}", { host: 'localhost' })).toBe('96548558');
    expect(render("{{ lookup('password', 'creds/kw', length=6, seed='s', chars=['digits']) }}")).toBe('775001');
    expect(render("{{ lookup('password', '/dev/null seed=x') }}")).toBe('O9iX65WvW9::bS:gx:86');
  });

  it('without a seed: 20 characters from letters, digits and .,:-_ by default', () => {
    const { render } = setup();
    expect(render("{{ lookup('password', 'p') }}")).toMatch(/^[A-Za-z0-9.,:\-_]{20}$/);
  });

  it('reads the password out of a file Ansible stored with a salt', () => {
    const { dir, render } = setup();
    writeFileSync(join(dir, 'salted'), 'secret123 salt=abcdefgh\n');
    expect(render("{{ lookup('password', 'salted') }}")).toBe('secret123');
  });

  it('refuses unknown parameters and encrypt', () => {
    const { render } = setup();
    expect(() => render("{{ lookup('password', 'creds/bad nope=1') }}")).toThrow('Unrecognized parameter(s) given to password lookup: nope');
    expect(() => render("{{ lookup('password', 'creds/bad encrypt=sha512_crypt') }}")).toThrow('encrypt is not supported');
  });
});
