// command, shell, raw and script on a real lab host: Ansible's result keys, creates/removes, chdir,
// stdin, check mode (skipped, saying what would run), and clear failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleRunner, type ModuleRunner } from './module-context.js';

let r: ModuleRunner;
beforeAll(async () => {
  r = await moduleRunner('node2');
});
afterAll(async () => {
  await r?.close();
});

describe('command', () => {
  it('runs without a shell (only $VARS and ~ expanded, as Ansible) and registers Ansible\'s keys', async () => {
    const res = await r.run('command', { _raw_params: 'echo "$HOME" \'a  b\' >x |' });
    expect(res).toMatchObject({ changed: true, rc: 0, stdout: '/root a  b >x |', stderr: '', stdout_lines: ['/root a  b >x |'], cmd: ['echo', '$HOME', 'a  b', '>x', '|'], msg: '' });
    expect(res.start).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
    expect(res.delta).toMatch(/^0:00:\d\d\.\d{6}$/);
  });

  it('takes argv, chdir and stdin', async () => {
    const res = await r.run('command', { argv: ['sh', '-c', 'pwd; cat'], chdir: r.dir, stdin: 'fed' });
    expect(res).toMatchObject({ rc: 0, stdout_lines: [r.dir, 'fed'] });
  });

  it('fails with rc and output on a non-zero exit', async () => {
    const res = await r.run('command', { cmd: 'ls /no/such/dir' });
    expect(res).toMatchObject({ failed: true, changed: true, rc: 2, msg: 'non-zero return code', stdout: '' });
    expect(String(res.stderr)).toContain('/no/such/dir');
  });

  it('skips with creates / removes, the second run of a creating command changes nothing', async () => {
    const marker = `${r.dir}/created`;
    const args = { _raw_params: `touch ${marker}`, creates: `${r.dir}/cre*` };
    expect(await r.run('command', args)).toMatchObject({ changed: true, rc: 0 });
    expect(await r.run('command', args)).toMatchObject({ changed: false, rc: 0, stdout: `skipped, since ${r.dir}/cre* exists`, msg: `Did not run command since '${r.dir}/cre*' exists` });
    expect(await r.run('command', { _raw_params: 'false', removes: `${r.dir}/gone` })).toMatchObject({ changed: false, msg: `Did not run command since '${r.dir}/gone' does not exist` });
  });

  it('check mode runs nothing: skipped as in Ansible unless creates/removes decide, saying what would run', async () => {
    const marker = `${r.dir}/never`;
    const res = await r.run('command', { _raw_params: `touch ${marker}` }, { check: true });
    expect(res).toMatchObject({ changed: false, skipped: true, msg: 'Command would have run if not in check mode', reasons: [`would run: touch ${marker}`] });
    expect(await r.run('command', { _raw_params: `touch ${marker}`, creates: marker }, { check: true })).toMatchObject({ changed: true, msg: 'Command would have run if not in check mode' });
    expect(await r.sh(`test -e ${marker} && echo yes || echo no`)).toBe('no\n');
    expect(await r.run('command', { _raw_params: `touch ${marker}`, creates: '/etc' }, { check: true })).toMatchObject({ changed: false });
    expect(await r.run('script', { _raw_params: '/bin/true' }, { check: true })).toMatchObject({ changed: false, skipped: true, msg: 'Check mode is not supported for this task.' });
  });

  it('fails clearly when chdir does not exist', async () => {
    expect(await r.run('command', { _raw_params: 'pwd', chdir: '/no/such' })).toMatchObject({ failed: true, msg: expect.stringContaining('Unable to change directory') });
  });
});

describe('shell, raw, script', () => {
  it('shell has pipes, variables and stderr', async () => {
    const res = await r.run('shell', { _raw_params: 'echo one two | wc -w; echo "warn" >&2; X=5; echo $((X+1))' });
    expect(res).toMatchObject({ rc: 0, stdout_lines: ['2', '6'], stderr: 'warn', cmd: 'echo one two | wc -w; echo "warn" >&2; X=5; echo $((X+1))' });
  });

  it('shell with executable and exit status', async () => {
    const res = await r.run('shell', { cmd: 'exit 7', executable: '/bin/sh' });
    expect(res).toMatchObject({ failed: true, rc: 7 });
  });

  it('raw sends the text as is', async () => {
    const res = await r.run('raw', { _raw_params: 'uname -s' });
    expect(res).toMatchObject({ changed: true, rc: 0, stdout: 'Linux' });
    expect(res.cmd).toBeUndefined();
  });

  it('script uploads, runs with arguments and cleans up', async () => {
    const res = await r.run('script', { _raw_params: 'hello.sh one "two words"', chdir: r.dir });
    expect(res).toMatchObject({ rc: 0, stdout_lines: ['script ran with 2 args: one two words', r.dir] });
    expect(await r.sh('ls /tmp | grep -c ha-run-script || true')).toBe('0\n');
    expect(await r.run('script', { _raw_params: 'missing.sh' })).toMatchObject({ failed: true, msg: expect.stringContaining('could not find or read the script missing.sh') });
  });
});
