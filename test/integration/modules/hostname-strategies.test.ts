// hostname's file strategies for other systems (use: redhat, openrc) on a lab host, each run twice
// (the second changes nothing): the name lands in its line, the rest of the file kept (compared with
// ansible-playbook by hand on twin hosts: same statuses, same files). The files are removed after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleRunner, type ModuleRunner } from './module-context.js';

let r: ModuleRunner;
beforeAll(async () => {
  r = await moduleRunner('node2');
  // Directories the host lacks are made and marked, so that only what this test made is removed.
  await r.sh('for d in /etc/sysconfig /etc/conf.d; do [ -d $d ] || { mkdir $d && touch $d/.ha-run-test-made; }; done');
  await r.sh(`[ ! -e /etc/sysconfig/network ] && [ ! -e /etc/conf.d/hostname ] && printf 'NETWORKING=yes\\nHOSTNAME=old\\n' > /etc/sysconfig/network && printf '# openrc\\nhostname="old"\\n' > /etc/conf.d/hostname`);
});
afterAll(async () => {
  await r?.sh('rm -f /etc/sysconfig/network /etc/conf.d/hostname; for d in /etc/sysconfig /etc/conf.d; do [ -e $d/.ha-run-test-made ] && rm -rf $d; done; true');
  await r?.close();
});

describe('hostname strategies of other systems', () => {
  it('redhat and openrc: written once, then converged; /etc/hostname untouched', async () => {
    const before = await r.sh('cat /etc/hostname');
    for (const use of ['redhat', 'openrc']) {
      const first = await r.run('hostname', { name: `hn-${use}`, use });
      expect(first, String(first.msg)).toMatchObject({ changed: true, name: `hn-${use}` });
      expect(await r.run('hostname', { name: `hn-${use}`, use })).toMatchObject({ changed: false });
    }
    expect(await r.sh('cat /etc/sysconfig/network /etc/conf.d/hostname')).toBe('NETWORKING=yes\nHOSTNAME=hn-redhat\n# openrc\nhostname="hn-openrc"\n');
    expect(await r.sh('cat /etc/hostname')).toBe(before);
  });

  it('generic fails clearly (Ansible 2.14 fails with NotImplementedError)', async () => {
    const result = await r.run('hostname', { name: 'x', use: 'generic' });
    expect(result.failed).toBe(true);
    expect(String(result.msg)).toMatch(/use=generic is not supported by ha-run/);
  });
});
