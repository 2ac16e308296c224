// sysctl: the plan as a table (changed decided as ansible.posix decides it), the file rewrite, and
// `sysctl -e -n` answers recorded on a lab host.
import { describe, expect, it } from 'vitest';
import { sysctlModule } from '../../../../src/modules/system/sysctl/module.js';
import { sysctlValue } from '../../../../src/modules/system/sysctl/facts.js';
import { readSysctlFile, renderSysctlFile } from '../../../../src/modules/system/sysctl/sysctl-file.js';
import type { SysctlFacts } from '../../../../src/modules/system/sysctl/plan.js';
import { describeFact } from '../../../kit/fact-cases.js';
import { describePlan } from '../../../kit/plan-cases.js';

const conf = (content: string | undefined, running?: string): SysctlFacts => ({
  running,
  file: content === undefined ? { path: '/etc/sysctl.conf', type: 'absent', exists: false } : { path: '/etc/sysctl.conf', type: 'file', exists: true, content: Buffer.from(content) },
});

describePlan<Record<string, unknown>, SysctlFacts>(sysctlModule, [
  { name: 'in the file and running: converged', args: { name: 'vm.swappiness', value: 10 }, facts: conf('vm.swappiness=10\n', '10\n'), expect: 'ok' },
  { name: 'in the file, reload: no, running differs: converged', args: { name: 'vm.swappiness', value: 10, reload: false }, facts: conf('vm.swappiness=10\n', '60\n'), expect: 'ok' },
  { name: 'new in the file: written, then reloaded', args: { name: 'vm.swappiness', value: 10 }, facts: conf('# c\n', '60\n'), expect: ['vm.swappiness=10 in /etc/sysctl.conf'] },
  { name: 'another value in the file', args: { key: 'vm.swappiness', val: 10, reload: false }, facts: conf('vm.swappiness = 60\n', '60\n'), expect: ['vm.swappiness=10 in /etc/sysctl.conf (was 60)'] },
  { name: 'right in the file, not running: reload', args: { name: 'vm.swappiness', value: 10 }, facts: conf('vm.swappiness=10\n', '60\n'), expect: ['vm.swappiness is 60 in the running kernel: reload /etc/sysctl.conf (sysctl -p)'] },
  { name: 'sysctl_set: set, written, reloaded', args: { name: 'vm.swappiness', value: 10, sysctl_set: true }, facts: conf(undefined, '60\n'), expect: ['set vm.swappiness: 60 → 10 (sysctl -w)', 'vm.swappiness=10 in /etc/sysctl.conf'] },
  { name: 'booleans are 1/0; vectors compare word by word', args: { name: 'net.ipv4.ip_forward', value: 'yes', sysctl_set: true }, facts: conf('net.ipv4.ip_forward=1\n', '1\n'), expect: 'ok' },
  { name: 'a vector with tabs', args: { name: 'net.ipv4.ip_local_port_range', value: '32768 60999', sysctl_set: true }, facts: conf('net.ipv4.ip_local_port_range=32768 60999\n', '32768\t60999\n'), expect: 'ok' },
  { name: 'unreadable with sysctl_set: a change without a command (as in Ansible)', args: { name: 'vm.nosuch', value: 1, sysctl_set: true, reload: false }, facts: conf('vm.nosuch=1\n'), expect: ['vm.nosuch cannot be read'] },
  { name: 'absent', args: { name: 'vm.swappiness', state: 'absent', reload: false }, facts: conf('vm.swappiness=10\nkernel.x=1\n'), expect: ['remove vm.swappiness from /etc/sysctl.conf'] },
  { name: 'absent: not there', args: { name: 'vm.swappiness', state: 'absent' }, facts: conf('kernel.x=1\n', '60\n'), expect: 'ok' },
  { name: 'present without a value', args: { name: 'vm.swappiness' }, facts: conf(''), expect: { error: /value cannot be None/ } },
]);

describe('sysctl files as Ansible writes them', () => {
  it('trims every line, writes key=value, drops later duplicates (the last one is what it reads)', () => {
    const file = readSysctlFile('# c\n  vm.swappiness = 60\n; x\nnet.core.somaxconn=4096\nvm.swappiness=61\n');
    expect(file.values.get('vm.swappiness')).toBe('61');
    expect(renderSysctlFile(file, 'vm.overcommit_memory', '1')).toBe('# c\nvm.swappiness=60\n; x\nnet.core.somaxconn=4096\nvm.overcommit_memory=1\n');
    expect(renderSysctlFile(file, 'vm.swappiness', undefined)).toBe('# c\n; x\nnet.core.somaxconn=4096\n');
  });

  it('sets and reloads through sysctl, failing on what sysctl says on stderr; the new file is 0644', () => {
    const ops = sysctlModule.plan({ name: 'vm.swappiness', value: '10', sysctl_set: true, ignoreerrors: true }, conf(undefined, '60\n')).flatMap((c) => c.ops);
    const commands = ops.map((o) => (o.kind === 'exec' ? o.command : ''));
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^o=\$\(LC_ALL=C sysctl -e -w 'vm.swappiness=10' 2>&1\)/);
    expect(commands[0]).toContain('Read-only file system');
    // The file and its reload are one step: a failed reload is no change, as Ansible reports it.
    expect(commands[1]).toMatch(/^\( .*chmod 0644 .*mv -f -- "\$tmp" \/etc\/sysctl.conf.* \) && \{\no=\$\(LC_ALL=C sysctl -e -p \/etc\/sysctl.conf 2>&1\)/s);
    expect(ops[1]).toMatchObject({ stdin: 'vm.swappiness=10\n' });
  });
});

describeFact(sysctlValue, [
  { name: 'a number', args: 'kernel.shmmax', stdout: '18446744073692774399\n', expect: '18446744073692774399\n' },
  { name: 'a vector', args: 'net.ipv4.ip_local_port_range', stdout: '32768\t60999\n', expect: '32768\t60999\n' },
  { name: 'unknown, ignored by -e', args: 'vm.hasys_nosuch', stdout: '', expect: '' },
  { name: 'failed', args: 'vm.x', stdout: '', rc: 255, expect: undefined },
]);
