// Modules through become (user ha, sudo to root): probes, writes and commands all run as root.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleRunner, type ModuleRunner } from './module-context.js';

let r: ModuleRunner;
beforeAll(async () => {
  r = await moduleRunner('node2', 'ha', true);
});
afterAll(async () => {
  await r?.close();
});

describe('modules with become', () => {
  it('write root-owned files and read them back as root', async () => {
    const dest = `${r.dir}/secret.conf`;
    const args = { dest, content: 'token=1\n', mode: '0600', owner: 'root' };
    expect(await r.run('copy', args)).toMatchObject({ changed: true, owner: 'root', mode: '0600' });
    expect(await r.run('copy', args)).toMatchObject({ changed: false });
    expect(await r.run('lineinfile', { path: dest, line: 'extra=2' })).toMatchObject({ changed: true, msg: 'line added' });
    expect(await r.run('stat', { path: dest })).toMatchObject({ stat: { pw_name: 'root', readable: true, size: 16 } });
    expect(await r.run('command', { _raw_params: 'id -un' })).toMatchObject({ stdout: 'root' });
    expect(await r.run('setup', { filter: 'ansible_user_id' })).toMatchObject({ ansible_facts: { ansible_user_id: 'root' } });
  });
});
