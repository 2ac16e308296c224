// attributes (alias attr): lsattr's flags compared as sets, chattr only when it would change something,
// as plan tables (file, copy) with the converged cases, and the probe's flag lines.
import { describe, expect, it } from 'vitest';
import { fileModule, type FileFacts } from '../../../../src/modules/files/file.js';
import { copyModule, type CopyFacts } from '../../../../src/modules/files/copy.js';
import { flagsAfter, parseFlagLine, wantedFlags } from '../../../../src/modules/files/file-flags.js';
import { parseProbe } from '../../../../src/modules/files/file-probe.js';
import { describePlan } from '../../../kit/plan-cases.js';
import { absent, commands, dir, file } from '../states.js';

const flagged = (flags: string, extra: Partial<FileFacts['target']['flags']> = {}) => ({ target: file('/srv/f', 'x', { flags: { flags, ...extra } }) });

describePlan<Record<string, unknown>, FileFacts>(fileModule, [
  { name: 'exactly these flags: converged', args: { path: '/srv/f', attributes: 'Ae' }, facts: flagged('Ae'), expect: 'ok' },
  { name: 'extents (e) cannot be cleared: =A on an ext4 file is converged', args: { path: '/srv/f', attributes: 'A' }, facts: flagged('Ae'), expect: 'ok' },
  { name: '+A present already: converged', args: { path: '/srv/f', attr: '+A' }, facts: flagged('Ae'), expect: 'ok' },
  { name: '-A absent already: converged', args: { path: '/srv/f', attributes: '-A' }, facts: flagged('e'), expect: 'ok' },
  { name: '=A on a file without it', args: { path: '/srv/f', attributes: 'A' }, facts: flagged('e'), expect: ["attributes 'e' → '=A'"] },
  { name: '+i adds', args: { path: '/srv/f', attributes: '+i' }, facts: flagged('e'), expect: ["attributes 'e' → '+i'"] },
  { name: '-A removes', args: { path: '/srv/f', attributes: '-A' }, facts: flagged('Ae'), expect: ["attributes 'Ae' → '-A'"] },
  { name: 'mode and attributes: each its own reason, attributes last', args: { path: '/srv/f', mode: '0600', attributes: 'A' }, facts: flagged('e'), expect: ['mode 0644 → 0600', /attributes/] },
  { name: 'lsattr failed (no flags on this file system): tried, as Ansible does', args: { path: '/srv/f', attributes: 'A' }, facts: flagged('', { error: 'Inappropriate ioctl for device' }), expect: [/attributes '' → '=A' \(lsattr: Inappropriate ioctl/] },
  { name: 'lsattr missing: a clear failure naming it', args: { path: '/srv/f', attributes: 'A' }, facts: flagged('', { missing: true }), expect: { error: /lsattr is missing on this host/ } },
  { name: 'a new directory gets its attributes in the same change', args: { path: '/srv/d', state: 'directory', attributes: 'A' }, facts: { target: absent('/srv/d') }, expect: ["create directory, attributes '=A'"] },
  { name: 'an existing directory', args: { path: '/srv/d', state: 'directory', attributes: 'A' }, facts: { target: dir('/srv/d', { flags: { flags: 'e' } }) }, expect: [/attributes 'e' → '=A'/] },
  { name: 'absent ignores attributes', args: { path: '/srv/f', state: 'absent', attributes: 'A' }, facts: { target: absent('/srv/f') }, expect: 'ok' },
]);

const copyFacts = (state: ReturnType<typeof file>, content = 'x'): CopyFacts => ({ dest: state, parent: dir('/srv'), content: Buffer.from(content) });

describePlan<Record<string, unknown>, CopyFacts>(copyModule, [
  { name: 'same content and flags: converged', args: { dest: '/srv/f', content: 'x', attributes: 'A' }, facts: copyFacts(file('/srv/f', 'x', { flags: { flags: 'Ae' } })), expect: 'ok' },
  { name: 'same content, flags differ', args: { dest: '/srv/f', content: 'x', attributes: 'A' }, facts: copyFacts(file('/srv/f', 'x', { flags: { flags: 'e' } })), expect: [/attributes 'e' → '=A'/] },
  { name: 'new file: written, then its attributes', args: { dest: '/srv/f', content: 'x', attributes: 'A' }, facts: copyFacts(absent('/srv/f')), expect: ["create file (1 bytes), attributes '=A'"] },
  { name: 'content differs, flags already right: the flags are set again on the new file', args: { dest: '/srv/f', content: 'y', attributes: 'A' }, facts: copyFacts(file('/srv/f', 'x', { flags: { flags: 'Ae' } }), 'y'), expect: [/^content differs \(sha1 [0-9a-f]+ → [0-9a-f]+\)$/] },
]);

describe('attributes', () => {
  it('reads chattr operators as Ansible does (= by default)', () => {
    expect(wantedFlags({ attributes: 'i' })).toEqual({ operator: '=', flags: 'i' });
    expect(wantedFlags({ attr: '+iA' })).toEqual({ operator: '+', flags: 'iA' });
    expect(wantedFlags({ attributes: '-i' })).toEqual({ operator: '-', flags: 'i' });
    expect(wantedFlags({ attributes: '=i' })).toEqual({ operator: '=', flags: 'i' });
    expect(wantedFlags({})).toBeUndefined();
  });

  it('keeps the flags chattr cannot change', () => {
    expect([...flagsAfter('e', { operator: '=', flags: '' })]).toEqual(['e']);
    expect([...flagsAfter('Ae', { operator: '-', flags: 'Ae' })]).toEqual(['e']);
  });

  it('sets the flags with chattr after writing, and names chattr when it is missing', () => {
    const [change] = copyModule.plan({ dest: '/srv/f', content: 'y', attributes: 'A' }, copyFacts(file('/srv/f', 'x', { flags: { flags: 'Ae' } }), 'y'));
    expect(change.ops.map((o) => o.kind)).toEqual(['put', 'exec']);
    expect(commands([change]).at(-1)).toMatch(/command -v chattr .*chattr is missing on this host.*; chattr '=A' \/srv\/f$/);
  });

  it('keeps a path that starts like a chattr operator from being read as one', () => {
    const changes = fileModule.plan({ path: '-x', attributes: 'A' }, { target: file('-x', '', { flags: { flags: '' } }) });
    expect(commands(changes)[0]).toMatch(/chattr '=A' \.\/-x$/);
  });

  it('parses the probe lines', () => {
    expect(parseFlagLine('flags', '-------A------e-------')).toEqual({ flags: 'Ae' });
    expect(parseFlagLine('flagserr', Buffer.from('lsattr: Operation not supported While reading flags on /x\n').toString('base64'))).toEqual({ flags: '', error: 'lsattr: Operation not supported While reading flags on /x' });
    expect(parseFlagLine('flagsmissing', '1')).toEqual({ flags: '', missing: true });
    expect(parseProbe('/x', 'type=file\nstat=644|0|0|root|root|1|0|0|0|1|1|1|regular file\nflags=--------------e-------\n').flags).toEqual({ flags: 'e' });
  });
});
