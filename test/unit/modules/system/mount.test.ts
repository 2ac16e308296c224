// mount: the plan per state as a table, fstab lines as ansible.posix writes them (checked with
// ansible-playbook on sys1, where tmpfs mounts work), and the mount facts from mountinfo.
import { describe, expect, it } from 'vitest';
import { mountModule } from '../../../../src/modules/system/mount/module.js';
import { mountStatus } from '../../../../src/modules/system/mount/facts.js';
import { setMount, unsetMount } from '../../../../src/modules/system/mount/fstab.js';
import type { MountFacts } from '../../../../src/modules/system/mount/plan.js';
import { describeFact } from '../../../kit/fact-cases.js';
import { describePlan } from '../../../kit/plan-cases.js';

const FSTAB = '# /etc/fstab\nUUID=abc / ext4 errors=remount-ro 0 1\nhasysfs /mnt/a tmpfs size=1m 0 0\n';
const facts = (fstab: string | undefined, status?: MountFacts['status']): MountFacts => ({
  fstab: fstab === undefined ? { path: '/etc/fstab', type: 'absent', exists: false } : { path: '/etc/fstab', type: 'file', exists: true, content: Buffer.from(fstab) },
  status,
});
const tmpfs = (state: string, extra: Record<string, unknown> = {}) => ({ path: '/mnt/a', src: 'hasysfs', fstype: 'tmpfs', opts: 'size=1m', state, ...extra });
const mounted = { mounted: true, exists: true, source: 'hasysfs' };
const unmounted = { mounted: false, exists: true };

describePlan<Record<string, unknown>, MountFacts>(mountModule, [
  { name: 'present: the line is there', args: tmpfs('present'), facts: facts(FSTAB), expect: 'ok' },
  { name: 'present: other options', args: tmpfs('present', { opts: 'size=2m' }), facts: facts(FSTAB), expect: ['fstab line for /mnt/a in /etc/fstab'] },
  { name: 'mounted: converged', args: tmpfs('mounted'), facts: facts(FSTAB, mounted), expect: 'ok' },
  { name: 'mounted: in fstab, not mounted', args: tmpfs('mounted'), facts: facts(FSTAB, unmounted), expect: ['mount /mnt/a'] },
  { name: 'mounted: new line, no mount point yet', args: tmpfs('mounted', { path: '/mnt/b' }), facts: facts(FSTAB, { mounted: false, exists: false }), expect: ['fstab line for /mnt/b in /etc/fstab, mount /mnt/b (mount point created)'] },
  { name: 'mounted: options changed while mounted', args: tmpfs('mounted', { opts: 'size=2m' }), facts: facts(FSTAB, mounted), expect: ['fstab line for /mnt/a in /etc/fstab, remount /mnt/a (its fstab line changed)'] },
  { name: 'unmounted: not mounted', args: { path: '/mnt/a', state: 'unmounted' }, facts: facts(FSTAB, unmounted), expect: 'ok' },
  { name: 'unmounted', args: { path: '/mnt/a', state: 'unmounted' }, facts: facts(FSTAB, mounted), expect: ['unmount /mnt/a'] },
  { name: 'absent: line, mount and directory go', args: { path: '/mnt/a', state: 'absent' }, facts: facts(FSTAB, mounted), expect: [/remove from fstab/, 'unmount /mnt/a', 'remove the mount point /mnt/a'] },
  { name: 'absent: not in fstab, so nothing (even if mounted), as in Ansible', args: { path: '/mnt/z', state: 'absent' }, facts: facts(FSTAB, mounted), expect: 'ok' },
  { name: 'absent_from_fstab', args: { name: '/mnt/a', state: 'absent_from_fstab' }, facts: facts(FSTAB), expect: ['remove from fstab: /mnt/a'] },
  { name: 'remounted is always a change', args: { path: '/mnt/a', state: 'remounted' }, facts: facts(FSTAB, mounted), expect: ['remount /mnt/a'] },
  { name: 'ephemeral: mounted with the same source', args: tmpfs('ephemeral'), facts: facts(FSTAB, mounted), expect: ['remount /mnt/a'] },
  { name: 'ephemeral: another source is refused', args: tmpfs('ephemeral', { src: 'other' }), facts: facts(FSTAB, mounted), expect: { error: /different source/ } },
  { name: 'present: a new fstab', args: tmpfs('present'), facts: facts(undefined), expect: [/fstab line/] },
]);

describe('fstab as Ansible writes it', () => {
  const e = { src: 'hasysfs', name: '/mnt/my disk', fstype: 'tmpfs', opts: 'size=1m', dump: '0', passno: '0' };
  it('escapes spaces, & and backslashes; appends a new line', () => {
    expect(setMount('', e, true).after).toBe('hasysfs /mnt/my\\040disk tmpfs size=1m 0 0\n');
    expect(setMount('hasysfs /mnt/my\\040disk tmpfs size=1m 0 0\n', e, true).changed).toBe(false);
  });
  it('rewrites lines without dump and passno in full; adds a missing final newline to what it keeps', () => {
    expect(setMount('/dev/sdb1 /data xfs defaults', { ...e, src: '/dev/sdb1', name: '/data', fstype: 'xfs', opts: 'defaults' }, true)).toEqual({ after: '/dev/sdb1 /data xfs defaults 0 0\n', changed: true, old: '/dev/sdb1 /data xfs defaults\n' });
  });
  it('swap lines are told apart by their source', () => {
    const swaps = '/swap1 none swap sw 0 0\n/swap2 none swap sw 0 0\n';
    expect(unsetMount(swaps, 'none', '/swap2').after).toBe('/swap1 none swap sw 0 0\n');
  });
  it('mounts with -T for another fstab, and undoes the fstab line and the directories it made when the mount fails', () => {
    // One step: a failed mount is no change, as Ansible reports it.
    const [change] = mountModule.plan({ path: '/mnt/b', src: 'x', fstype: 'tmpfs', state: 'mounted', fstab: '/srv/fstab' }, facts('', { mounted: false, exists: false }));
    expect(change.ops).toHaveLength(1);
    const script = change.ops[0];
    expect(script).toMatchObject({ kind: 'exec', stdin: 'x /mnt/b tmpfs defaults 0 0\n' });
    const command = script.kind === 'exec' ? script.command : '';
    expect(command).toContain("o=$(mount -T /srv/fstab /mnt/b 2>&1) || fail 'Error mounting'");
    expect(command).toContain('cat -- "$old" > /srv/fstab; rm -f -- "$old"; [ -z "$c1" ] || rmdir -- /mnt/b 2>/dev/null; [ -z "$c0" ] || rmdir -- /mnt 2>/dev/null');
  });
  it('boot: false adds noauto unless the options say defaults', () => {
    expect(mountModule.result!({ path: '/x', src: 'a', fstype: 'ext4', opts: 'rw', boot: false, state: 'present' }, facts(''), [])).toMatchObject({ opts: 'rw,noauto', boot: 'no' });
    expect(mountModule.result!({ path: '/x', src: 'a', fstype: 'ext4', boot: false, state: 'present' }, facts(''), [])).toMatchObject({ opts: 'defaults', warnings: ["Ignore the 'boot' due to 'opts' contains 'defaults'."] });
  });
});

describeFact(mountStatus, [
  { name: 'a tmpfs mounted (sys1)', args: '/tmp/hasys-mnt', stdout: 'exists\nismount\ninfo tmpfs hasysfs rw,size=1024k\n', expect: { exists: true, mounted: true, source: 'hasysfs' } },
  { name: 'a plain directory', args: '/tmp/x y', stdout: 'exists\n', expect: { exists: true, mounted: false } },
  { name: 'nothing there', args: '/tmp/none', stdout: '', expect: { exists: false, mounted: false } },
]);
