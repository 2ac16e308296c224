// hostname: the plan per strategy as a table, and the fact's answers recorded on node3 (no systemd)
// and sys1 (systemd), as ansible-playbook behaves on the same hosts.
import { describe, expect, it } from 'vitest';
import { hostnameModule } from '../../../../src/modules/system/hostname/module.js';
import { hostnameFact, type HostnameFacts } from '../../../../src/modules/system/hostname/facts.js';
import { describeFact } from '../../../kit/fact-cases.js';
import { describePlan } from '../../../kit/plan-cases.js';

const plain = (name: string): HostnameFacts => ({ systemd: false, file: `${name}\n`, fqdn: name });
const systemd = (transient: string, stat = transient): HostnameFacts => ({ systemd: true, file: `${stat}\n`, transient: { rc: 0, out: `${transient}\n` }, static: { rc: 0, out: `${stat}\n` }, fqdn: transient });

describePlan<Record<string, unknown>, HostnameFacts>(hostnameModule, [
  { name: 'no systemd, the file says it: converged', args: { name: 'web1' }, facts: plain('web1'), expect: 'ok' },
  { name: 'no systemd: only /etc/hostname is written', args: { name: 'web1' }, facts: plain('node3'), expect: ["host name 'node3' → 'web1' in /etc/hostname"] },
  { name: 'no file yet', args: { name: 'web1' }, facts: { systemd: false, fqdn: 'x' }, expect: ["host name '' → 'web1'"] },
  { name: 'systemd: converged', args: { name: 'web1' }, facts: systemd('web1'), expect: 'ok' },
  { name: 'systemd: static then running name', args: { name: 'web1' }, facts: systemd('sys1'), expect: ["static host name 'sys1' → 'web1' (hostnamectl)", "running host name 'sys1' → 'web1' (hostnamectl)"] },
  { name: 'systemd: only the running name differs', args: { name: 'web1' }, facts: systemd('tmp', 'web1'), expect: ["running host name 'tmp' → 'web1'"] },
  { name: 'use: debian means hostnamectl, as in Ansible', args: { name: 'web1', use: 'debian' }, facts: { ...systemd('sys1'), systemd: false }, expect: [/static host name/, /running host name/] },
  { name: 'hostnamectl missing', args: { name: 'web1', use: 'systemd' }, facts: { systemd: false, hostnamectlMissing: true, fqdn: '' }, expect: { error: /hostnamectl is missing/ } },
  { name: 'hostnamectl fails', args: { name: 'web1' }, facts: { systemd: true, transient: { rc: 1, out: 'boom' }, static: { rc: 0, out: 'x' }, fqdn: '' }, expect: { error: /Command failed rc=1, out=, err=boom/ } },
  { name: 'too long for systemd', args: { name: 'a'.repeat(65) }, facts: systemd('sys1'), expect: { error: /longer than 64/ } },
  { name: 'alpine: file, then hostname -F', args: { name: 'web1', use: 'alpine' }, facts: plain('old'), expect: ["host name 'old' → 'web1' in /etc/hostname"] },
  { name: 'redhat: the HOSTNAME line says it: converged', args: { name: 'web1', use: 'redhat' }, facts: { systemd: false, file: 'NETWORKING=yes\nHOSTNAME=web1\n', fqdn: '' }, expect: 'ok' },
  { name: 'redhat: another name', args: { name: 'web1', use: 'redhat' }, facts: { systemd: false, file: 'HOSTNAME = old\n', fqdn: '' }, expect: ["host name 'old' → 'web1' in /etc/sysconfig/network"] },
  { name: 'redhat: no HOSTNAME line', args: { name: 'web1', use: 'redhat' }, facts: { systemd: false, file: 'NETWORKING=yes\n', fqdn: '' }, expect: { error: /Unable to locate HOSTNAME entry in \/etc\/sysconfig\/network/ } },
  { name: 'redhat: no file', args: { name: 'web1', use: 'redhat' }, facts: { systemd: false, fqdn: '' }, expect: { error: /failed to read hostname: \[Errno 2\]/ } },
  { name: 'openrc: converged', args: { name: 'web1', use: 'openrc' }, facts: { systemd: false, file: '# set by hand\nhostname="web1"\n', fqdn: '' }, expect: 'ok' },
  { name: 'openrc: another name', args: { name: 'web1', use: 'openrc' }, facts: { systemd: false, file: 'hostname="old"\n', fqdn: '' }, expect: ["host name 'old' → 'web1' in /etc/conf.d/hostname"] },
]);

describe('hostname', () => {
  it('writes the file in place (a bind mount in containers), the name quoted', () => {
    const [change] = hostnameModule.plan({ name: "we'b" }, plain('node3'));
    expect(change.ops).toEqual([{ kind: 'exec', command: "printf '%s\\n' 'we'\\''b' > /etc/hostname" }]);
    expect(change.diff).toEqual({ before: 'hostname = node3\n', after: "hostname = we'b\n" });
  });
  it('registers the name and Ansible\'s facts', () => {
    expect(hostnameModule.result!({ name: 'web1.example.test' }, { ...plain('web1'), fqdn: 'web1.example.test' }, [])).toMatchObject({
      name: 'web1.example.test',
      ansible_facts: { ansible_hostname: 'web1', ansible_nodename: 'web1.example.test', ansible_fqdn: 'web1.example.test', ansible_domain: 'example.test' },
    });
  });
  it('refuses strategies of other systems', () => {
    expect(() => hostnameModule.gather({ conn: {} } as never, { name: 'x', use: 'freebsd' })).toThrow(/use=freebsd is not supported by ha-run \(supported: systemd, debian, alpine, sles, openbsd, redhat, openrc\)/);
  });

  it('rewrites the settings file with the name in its line, the rest kept as Ansible keeps it', () => {
    const text = (ops: { kind: string; command?: string }[]) => Buffer.from(/printf %s '?([A-Za-z0-9+/=]+)'? \| base64 -d/.exec(ops[0].command!)![1], 'base64').toString();
    const [rh] = hostnameModule.plan({ name: 'web1', use: 'redhat' }, { systemd: false, file: 'NETWORKING=yes\nHOSTNAME=old\nGATEWAY=10.0.0.1', fqdn: '' });
    expect(text(rh.ops)).toBe('NETWORKING=yes\nHOSTNAME=web1\nGATEWAY=10.0.0.1');
    const [rc] = hostnameModule.plan({ name: 'web1', use: 'openrc' }, { systemd: false, file: '  # note\nhostname="old"\n', fqdn: '' });
    expect(text(rc.ops)).toBe('# note\nhostname="web1"\n');
    expect(rc.ops[0].kind === 'exec' && rc.ops[0].command).toMatch(/> \/etc\/conf\.d\/hostname$/);
  });
});

describeFact(hostnameFact, [
  { name: 'node3 (no systemd)', args: { hostnamectl: 'auto', file: '/etc/hostname' }, stdout: 'systemd=no\nfile=bm9kZTMK\nfqdn=0:bm9kZTM=\n', expect: { systemd: false, file: 'node3\n', fqdn: 'node3' } },
  {
    name: 'sys1 (systemd)',
    args: { hostnamectl: 'auto', file: '/etc/hostname' },
    stdout: 'systemd=yes\nfile=c3lzMQo=\ntransient=0:c3lzMQ==\nstatic=0:c3lzMQ==\nfqdn=0:c3lzMQ==\n',
    expect: { systemd: true, file: 'sys1\n', transient: { rc: 0, out: 'sys1' }, static: { rc: 0, out: 'sys1' }, fqdn: 'sys1' },
  },
  { name: 'no hostnamectl', args: { hostnamectl: 'yes', file: '/etc/hostname' }, stdout: 'systemd=no\nhostnamectl=missing\nfqdn=0:\n', expect: { systemd: false, hostnamectlMissing: true, fqdn: '' } },
]);
