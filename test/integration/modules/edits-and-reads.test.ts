// lineinfile, blockinfile, replace (twice each, check mode, diff), and the read-only modules stat,
// slurp, fetch, wait_for and setup on a real lab host.
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleRunner, type ModuleRunner } from './module-context.js';
import { labHostInfo } from '../support/lab.js';

let r: ModuleRunner;
let local: string;
beforeAll(async () => {
  r = await moduleRunner('node1');
  local = mkdtempSync(join(tmpdir(), 'ha-run-fetch-'));
});
afterAll(async () => {
  await r?.close();
  rmSync(local, { recursive: true, force: true });
});

describe('text edits', () => {
  it('lineinfile replaces a line once; check mode and diff leave the file alone', async () => {
    const path = `${r.dir}/sshd_config`;
    await r.sh(`printf 'Port 22\\n#PermitRootLogin yes\\n' > ${path}`);
    const args = { path, regexp: '^#?PermitRootLogin', line: 'PermitRootLogin no' };
    const check = await r.run('lineinfile', args, { check: true, diff: true });
    expect(check).toMatchObject({ changed: true, msg: 'line replaced', diff: [{ before: 'Port 22\n#PermitRootLogin yes\n', after: 'Port 22\nPermitRootLogin no\n' }] });
    expect(await r.sh(`cat ${path}`)).toBe('Port 22\n#PermitRootLogin yes\n');
    expect(await r.run('lineinfile', args)).toMatchObject({ changed: true, msg: 'line replaced' });
    expect(await r.sh(`cat ${path}`)).toBe('Port 22\nPermitRootLogin no\n');
    expect(await r.run('lineinfile', args)).toMatchObject({ changed: false, msg: '' });
  });

  it('lineinfile fails clearly on a missing file, creates it when asked', async () => {
    const path = `${r.dir}/new/hosts.allow`;
    expect(await r.run('lineinfile', { path, line: 'sshd: ALL' })).toMatchObject({ failed: true, rc: 257, msg: `Destination ${path} does not exist !` });
    expect(await r.run('lineinfile', { path, line: 'sshd: ALL', create: true, mode: '0600' })).toMatchObject({ changed: true });
    expect(await r.sh(`cat ${path}; stat -c %a ${path}`)).toBe('sshd: ALL\n600\n');
    expect(await r.run('lineinfile', { path, line: 'sshd: ALL', create: true, mode: '0600' })).toMatchObject({ changed: false });
  });

  it('blockinfile inserts, converges, removes', async () => {
    const path = `${r.dir}/hosts`;
    await r.sh(`printf '127.0.0.1 localhost\\n' > ${path}`);
    const args = { path, block: '10.0.0.1 lb\n10.0.0.2 db' };
    expect(await r.run('blockinfile', args)).toMatchObject({ changed: true, msg: 'Block inserted' });
    expect(await r.sh(`cat ${path}`)).toBe('127.0.0.1 localhost\n# BEGIN ANSIBLE MANAGED BLOCK\n10.0.0.1 lb\n10.0.0.2 db\n# END ANSIBLE MANAGED BLOCK\n');
    expect(await r.run('blockinfile', args)).toMatchObject({ changed: false });
    expect(await r.run('blockinfile', { path, state: 'absent' })).toMatchObject({ changed: true, msg: 'Block removed' });
    expect(await r.sh(`cat ${path}`)).toBe('127.0.0.1 localhost\n');
  });

  it('replace substitutes every match once, with groups', async () => {
    const path = `${r.dir}/my.cnf`;
    await r.sh(`printf 'bind-address = 127.0.0.1\\nport = 3306\\n' > ${path}`);
    const args = { path, regexp: '^bind-address\\s*=\\s*(.*)$', replace: 'bind-address = 0.0.0.0 # was \\1', backup: true };
    const res = await r.run('replace', args);
    expect(res).toMatchObject({ changed: true, msg: '1 replacements made' });
    expect(res.backup_file).toMatch(/my\.cnf\..*~$/);
    expect(await r.sh(`head -1 ${path}`)).toBe('bind-address = 0.0.0.0 # was 127.0.0.1\n');
    expect(await r.run('replace', { ...args, regexp: '^bind-address\\s*=\\s*127.*$' })).toMatchObject({ changed: false });
  });
});

describe('read-only modules', () => {
  it('stat reports what a path is, in Ansible\'s keys', async () => {
    await r.sh(`printf abc > ${r.dir}/s && chmod 0640 ${r.dir}/s && ln -s s ${r.dir}/l`);
    const res = await r.run('stat', { path: `${r.dir}/s` });
    expect(res).toMatchObject({ changed: false, stat: { exists: true, isreg: true, mode: '0640', pw_name: 'root', size: 3, checksum: 'a9993e364706816aba3e25717850c26c9cd0d89d' } });
    expect(await r.run('stat', { path: `${r.dir}/s`, checksum_algorithm: 'sha256' })).toMatchObject({
      stat: { checksum: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
    });
    expect(await r.run('stat', { path: `${r.dir}/l` })).toMatchObject({ stat: { islnk: true, lnk_source: `${r.dir}/s`, lnk_target: 's' } });
    expect(await r.run('stat', { path: `${r.dir}/l`, follow: true })).toMatchObject({ stat: { islnk: false, isreg: true } });
    expect(await r.run('stat', { path: `${r.dir}/none` })).toEqual({ changed: false, stat: { exists: false } });
  });

  it('slurp returns base64 content, and fails clearly', async () => {
    await r.sh(`printf 'line1\\nline2\\n' > ${r.dir}/slurp`);
    const res = await r.run('slurp', { src: `${r.dir}/slurp` });
    expect(res).toMatchObject({ changed: false, encoding: 'base64', source: `${r.dir}/slurp` });
    expect(Buffer.from(String(res.content), 'base64').toString()).toBe('line1\nline2\n');
    expect(await r.run('slurp', { src: `${r.dir}/missing` })).toMatchObject({ failed: true, msg: `file not found: ${r.dir}/missing` });
  });

  it('fetch copies to dest/host/path once', async () => {
    await r.sh(`printf 'fetched\\n' > ${r.dir}/f`);
    const res = await r.run('fetch', { src: `${r.dir}/f`, dest: local });
    const expected = join(local, 'node1', r.dir.slice(1), 'f');
    expect(res).toMatchObject({ changed: true, dest: expected });
    expect(readFileSync(expected, 'utf8')).toBe('fetched\n');
    expect(await r.run('fetch', { src: `${r.dir}/f`, dest: local })).toMatchObject({ changed: false });
    expect(await r.run('fetch', { src: `${r.dir}/nope`, dest: local, flat: true })).toMatchObject({ failed: true });
    expect(existsSync(join(local, 'nope'))).toBe(false);
  });

  it('fetch writes through a fresh temp file: a symlink planted at a predictable temp name is never followed', async () => {
    await r.sh(`printf 'from target\\n' > ${r.dir}/planted`);
    const dest = join(local, 'flat-planted');
    const bystander = join(local, 'bystander');
    writeFileSync(bystander, 'mine\n');
    for (const name of [`${dest}.ha-run-tmp`, `${dest}.tmp`, `${dest}.part`]) symlinkSync(bystander, name);
    expect(await r.run('fetch', { src: `${r.dir}/planted`, dest, flat: true })).toMatchObject({ changed: true, dest });
    expect(readFileSync(dest, 'utf8')).toBe('from target\n');
    expect(lstatSync(dest).isSymbolicLink()).toBe(false);
    expect(readFileSync(bystander, 'utf8')).toBe('mine\n');
    // Nothing left behind but what was there.
    expect(readdirSync(local).filter((f) => f.includes('flat-planted')).sort()).toEqual(['flat-planted', 'flat-planted.ha-run-tmp', 'flat-planted.part', 'flat-planted.tmp']);
  });

  it('fetch compares what arrived with the checksum the target computed (validate_checksum)', async () => {
    // /proc/self/stat reads differently for every process: the target's sha1sum and base64 see other bytes.
    const dest = join(local, 'self-stat');
    const res = await r.run('fetch', { src: '/proc/self/stat', dest, flat: true });
    expect(res).toMatchObject({ failed: true, msg: 'checksum mismatch', file: '/proc/self/stat' });
    expect(res.checksum).not.toBe(res.remote_checksum);
    expect(existsSync(dest)).toBe(false);
    expect(await r.run('fetch', { src: '/proc/self/stat', dest, flat: true, validate_checksum: false })).toMatchObject({ changed: true });
    expect(readFileSync(dest, 'utf8')).toMatch(/^\d+ \(\w+\) /);
  });

  it('wait_for sees sshd listening, a file appearing, and times out clearly', async () => {
    // elapsed is whole seconds by the target's clock: a check that straddles a second says 1.
    const listening = await r.run('wait_for', { port: 22, timeout: 5 });
    expect(listening).toMatchObject({ changed: false });
    expect(listening.failed).toBeUndefined();
    expect(listening.elapsed).toBeLessThanOrEqual(1);
    const path = `${r.dir}/ready`;
    await r.sh(`(sleep 1; echo service ready > ${path}) >/dev/null 2>&1 &`);
    const appeared = await r.run('wait_for', { path, search_regex: 'ready$', timeout: 10 });
    expect(appeared.failed).toBeUndefined();
    expect(appeared.elapsed).toBeGreaterThanOrEqual(0);
    expect(await r.run('wait_for', { port: 1, timeout: 1 })).toMatchObject({ failed: true, msg: 'Timeout when waiting for 127.0.0.1:1' });
    expect(await r.run('wait_for', { port: 1, state: 'stopped', timeout: 2 })).toMatchObject({ changed: false });
  });

  it('wait_for reaches a port on another host over the lab network (no nc there: bash /dev/tcp)', async () => {
    const reached = await r.run('wait_for', { host: 'node2', port: 22, timeout: 5 });
    expect(reached).toMatchObject({ changed: false });
    expect(reached.failed).toBeUndefined();
    expect(reached.elapsed).toBeLessThanOrEqual(1);
    expect(await r.run('wait_for', { host: 'node2', port: 1, timeout: 1, connect_timeout: 1 })).toMatchObject({ failed: true, msg: 'Timeout when waiting for node2:1' });
    expect(await r.run('wait_for', { host: 'node2', port: 1, state: 'stopped', timeout: 2 })).toMatchObject({ changed: false });
  });

  it('setup gathers facts in one round trip', async () => {
    const res = await r.run('setup', {});
    // Registered, the facts carry the ansible_ prefix (as Ansible's); the host keeps them unprefixed.
    const facts = res.ansible_facts as Record<string, unknown>;
    expect(facts).toMatchObject({ ansible_hostname: 'node1', ansible_os_family: 'Debian', ansible_distribution: 'Debian', ansible_system: 'Linux', ansible_pkg_mgr: 'apt', ansible_user_id: 'root' });
    expect(res.facts).toMatchObject({ hostname: 'node1', os_family: 'Debian' });
    expect((facts.ansible_default_ipv4 as { address: string }).address).toBe(labHostInfo('node1').address);
    const filtered = await r.run('setup', { filter: 'ansible_distribution*' });
    expect(Object.keys(filtered.ansible_facts as object).every((k) => k.startsWith('ansible_distribution'))).toBe(true);
  });
});

describe('controller-side modules', () => {
  it('include_vars, set_fact, debug, assert, fail, meta', async () => {
    expect(await r.run('include_vars', { file: 'extra.yml', name: 'extra' })).toMatchObject({ facts: { extra: { db_port: 3306, replicas: ['node2', 'node3'] } } });
    expect(await r.run('include_vars', { file: 'nope.yml' })).toMatchObject({ failed: true });
    // notes.txt has another extension: it fails the task unless ignore_unknown_extensions skips it.
    expect(await r.run('include_vars', { dir: 'conf' })).toMatchObject({ failed: true, msg: expect.stringContaining('notes.txt does not have a valid extension: yaml, yml, json') });
    const dir = await r.run('include_vars', { dir: 'conf', ignore_unknown_extensions: true });
    expect(dir.facts).toEqual({ a: 1, b: 2, shared: 'from-b' });
    expect((dir.ansible_included_var_files as string[]).map((f) => f.split('/').pop())).toEqual(['10-a.yml', '20-b.json']);
    const broken = await r.run('include_vars', { file: 'broken.yml' });
    expect(broken).toMatchObject({ failed: true });
    expect(String(broken.msg)).toMatch(/broken\.yml:\d+:\d+: /);
    expect(await r.run('set_fact', { a: 1, b: [2] })).toEqual({ changed: false, ansible_facts: { a: 1, b: [2] } });
    expect(await r.run('debug', { msg: 'hi' })).toEqual({ changed: false, msg: 'hi' });
    expect(await r.run('debug', { var: 'who' }, { vars: { who: 'me' } })).toMatchObject({ who: 'me' });
    expect(await r.run('debug', { var: 'out.lines' }, { vars: { out: { lines: ['a', 'b'], n: 2 } } })).toMatchObject({ 'out.lines': ['a', 'b'] });
    expect(await r.run('debug', { var: 'nothing_here' })).toMatchObject({ nothing_here: 'VARIABLE IS NOT DEFINED!' });
    expect(await r.run('assert', { that: ['n > 1', 'name == "x"'] }, { vars: { n: 2, name: 'x' } })).toEqual({ changed: false, msg: 'All assertions passed' });
    expect(await r.run('assert', { that: 'n > 5', fail_msg: 'too small' }, { vars: { n: 2 } })).toMatchObject({ failed: true, msg: 'too small', assertion: 'n > 5' });
    expect(await r.run('fail', {})).toMatchObject({ failed: true, msg: 'Failed as requested from task' });
    expect(await r.run('meta', { _raw_params: 'flush_handlers' })).toEqual({ changed: false, meta: 'flush_handlers' });
  });
});
