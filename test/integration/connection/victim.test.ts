// Destructive connection tests on the lab host `victim` (ours alone): credentials, sudo passwords, a jump
// host, a killed session, a stopped host, unknown and changed host keys. Sequential, in this order.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/connection/connect.js';
import { ConnectionError } from '../../../src/connection/errors.js';
import { fingerprintSha256 } from '../../../src/connection/known-hosts.js';
import { ConnectionPool } from '../../../src/connection/pool.js';
import type { Connection } from '../../../src/connection/types.js';
import { labExec, labHostInfo, regenerateHostKeys, startHost, stopHost, testLab } from '../support/lab.js';
import { labVars } from './lab-vars.js';
import { runCli } from '../executor/cli.js';

describe.sequential('victim', () => {
  let tmp: string;
  const opened: Connection[] = [];
  const open = async (vars: Record<string, unknown>, options = {}) => {
    const c = await connect(vars, options);
    opened.push(c);
    return c;
  };
  const failure = async (promise: Promise<unknown>): Promise<ConnectionError> => {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectionError);
    return err as ConnectionError;
  };

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'ha-run-victim-'));
    delete process.env.SSH_AUTH_SOCK; // credentials below must be the ones the test gives
  });
  afterAll(async () => {
    await Promise.all(opened.map((c) => c.close()));
    await labExec('victim', 'rm -f /etc/sudoers.d/ha-run-test-app; sed -i "/ha-run-test-key/d" /root/.ssh/authorized_keys');
    rmSync(tmp, { recursive: true, force: true });
  });

  describe('authentication', () => {
    it('refuses a key the host does not know, naming host and address', async () => {
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(tmp, 'stranger')]);
      const err = await failure(connect(labVars('victim', 'root', { ansible_ssh_private_key_file: join(tmp, 'stranger') })));
      expect(err.code).toBe('auth-failed');
      expect(err.unreachable).toBe(true);
      expect(err.message).toContain(`victim (root@127.0.0.1:${labHostInfo('victim').port})`);
    });

    it('uses an encrypted key with its passphrase, and says what to do without one', async () => {
      const key = join(tmp, 'locked');
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'open sesame', '-C', 'ha-run-test-key', '-f', key]);
      await labExec('victim', `echo '${readFileSync(`${key}.pub`, 'utf8').trim()}' >> /root/.ssh/authorized_keys`);
      const conn = await open(labVars('victim', 'root', { ansible_ssh_private_key_file: key, ansible_ssh_private_key_passphrase: 'open sesame' }));
      expect((await conn.exec('id -un')).stdout).toBe('root\n');
      const err = await failure(connect(labVars('victim', 'root', { ansible_ssh_private_key_file: key })));
      expect(err.code).toBe('bad-connection-vars');
      expect(err.hint).toMatch(/ansible_ssh_private_key_passphrase/);
    });

    it('reports a missing key file as a variables problem, not a host problem', async () => {
      const err = await failure(connect(labVars('victim', 'root', { ansible_ssh_private_key_file: join(tmp, 'nope') })));
      expect(err.code).toBe('bad-connection-vars');
      expect(err.message).toContain(join(tmp, 'nope'));
    });
  });

  describe('login shell', () => {
    it('keeps what the login shell\'s rc files print out of the first command\'s output', async () => {
      await labExec('victim', `sed -i '1i echo rc-noise; echo rc-noise-err >&2 # ha-run-test' /root/.bashrc`);
      try {
        const conn = await open(labVars('victim'));
        expect(await conn.exec('echo first')).toMatchObject({ rc: 0, stdout: 'first\n', stderr: '' });
      } finally {
        await labExec('victim', `sed -i '/# ha-run-test$/d' /root/.bashrc`);
      }
    });
  });

  describe('become with a sudo password', () => {
    const password = "s3cret 'pw' $(x)";
    beforeAll(async () => {
      const setup = await labExec(
        'victim',
        `printf '%s\\n' 'app:${password.replace(/'/g, `'\\''`)}' | chpasswd && echo 'app ALL=(ALL) ALL' > /etc/sudoers.d/ha-run-test-app && chmod 0440 /etc/sudoers.d/ha-run-test-app`,
      );
      expect(setup.exitCode).toBe(0);
    });

    it('feeds the password to sudo without it or the prompt reaching the output', async () => {
      const conn = await open(labVars('victim', 'app'));
      const r = await conn.exec('id -un; cat', { become: { password }, stdin: 'payload' });
      expect(r).toMatchObject({ rc: 0, stdout: 'root\npayload', stderr: '' });
      const again = await conn.exec('id -un', { become: { user: 'ha', password } });
      expect(again.stdout).toBe('ha\n');
      await conn.put('/root/by-app-via-sudo', 'secret', { become: { password }, mode: '0600' });
      expect((await labExec('victim', 'stat -c %U:%a /root/by-app-via-sudo; rm -f /root/by-app-via-sudo')).stdout).toBe('root:600\n');
      // A big controller file streams from disk after the password line, and is checked before the rename.
      const big = join(tmp, 'big.bin');
      const data = Buffer.alloc(3 * 1024 * 1024, 'big file via sudo\n');
      writeFileSync(big, data);
      const sha1 = createHash('sha1').update(data).digest('hex');
      await conn.put('/root/big-via-sudo', { localPath: big, size: data.length, sha1 }, { become: { password } });
      expect((await labExec('victim', 'sha1sum < /root/big-via-sudo | cut -c1-40; rm -f /root/big-via-sudo')).stdout).toBe(`${sha1}\n`);
    });

    it('fails a wrong password once, clearly, without hanging or echoing it', async () => {
      const conn = await open(labVars('victim', 'app'));
      const err = await conn.exec('id -un', { become: { password: 'wrong-pw' }, timeoutMs: 20_000 }).catch((e: Error) => e);
      expect(err).toMatchObject({ code: 'become-failed' });
      expect((err as Error).message).toMatch(/^sudo on victim .* refused to run commands as root: .*incorrect password/);
      expect((err as Error).message).not.toMatch(/wrong-pw|\[ha-run sudo/);
      // Known bad now: the put fails at once, and its data is never offered to sudo as a password.
      const started = Date.now();
      await expect(conn.put('/root/never', 'x', { become: { password: 'wrong-pw' } })).rejects.toMatchObject({ code: 'become-failed' });
      expect(Date.now() - started).toBeLessThan(1000);
      expect((await labExec('victim', 'test -e /root/never; echo $?')).stdout).toBe('1\n');
      // The right password on the same connection still works.
      expect((await conn.exec('id -un', { become: { password } })).stdout).toBe('root\n');
    });

    it('does not pass the password into stdin when sudo needs none (NOPASSWD)', async () => {
      const conn = await open(labVars('victim', 'ha'));
      const r = await conn.exec('cat', { become: { password: 'unused' }, stdin: 'only this' });
      expect(r).toMatchObject({ rc: 0, stdout: 'only this' });
    });
  });

  describe('jump host', () => {
    it('reaches victim on the lab network through node4 (ProxyJump), recording its key on first use', async () => {
      const known = join(tmp, 'known_hosts_jump');
      copyFileSync(testLab().knownHosts, known);
      const node4 = labHostInfo('node4');
      const victim = labHostInfo('victim');
      const vars = labVars('victim', 'root', {
        ansible_host: victim.address,
        ansible_port: 22,
        ansible_ssh_common_args: `-o ProxyJump=root@127.0.0.1:${node4.port} -o UserKnownHostsFile=${known}`,
      });
      const err = await failure(connect(vars));
      expect(err.code).toBe('host-key-unknown');
      const conn = await open(vars, { trustOnFirstUse: true });
      expect((await conn.exec('hostname -I')).stdout).toContain(victim.address);
      expect(readFileSync(known, 'utf8')).toContain(`\n${victim.address} ssh-ed25519 `);

      // hostkeys scan goes through the jump host too.
      const inventory = join(tmp, 'jump-inventory.yml');
      writeFileSync(
        inventory,
        `all:\n  hosts:\n    victim:\n      ansible_host: ${victim.address}\n      ansible_user: root\n      ansible_ssh_private_key_file: ${testLab().privateKey}\n      ansible_ssh_common_args: "${vars.ansible_ssh_common_args}"\n`,
      );
      const fingerprint = fingerprintSha256(Buffer.from(victim.hostKey.split(' ')[1]!, 'base64'));
      const scan = await runCli(['hostkeys', 'scan', '-i', inventory]);
      expect(scan.stdout, scan.stderr).toMatch(new RegExp(`^victim  ${victim.address.replace(/\./g, '\\.')}  ssh-ed25519  ${fingerprint.replace(/[+/]/g, '\\$&')}  known \\(${known}:\\d+\\)\n$`));
    });
  });

  describe('pool', () => {
    it('hands out one connection per host for the run and closes them all', async () => {
      const pool = new ConnectionPool();
      const [a, b] = await Promise.all([pool.get('victim', labVars('victim')), pool.get('victim', labVars('victim'))]);
      expect(a).toBe(b);
      expect((await a.exec('echo pooled')).stdout).toBe('pooled\n');
      await pool.closeAll();
      expect((await failure(a.exec('true'))).code).toBe('connection-dropped');
      const fresh = await pool.get('victim', labVars('victim'));
      expect(fresh).not.toBe(a);
      await pool.closeAll();
    });
  });

  describe('lost connections', () => {
    it('reports a connection killed mid-command as connection-dropped', async () => {
      const conn = await open(labVars('victim'));
      const running = failure(conn.exec('sleep 30; echo never')); // handled from the start: it fails mid-way
      await new Promise((r) => setTimeout(r, 500));
      await labExec('victim', `pkill -9 -f 'sshd: root@notty'`);
      const started = Date.now();
      const err = await running;
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(err.code).toBe('connection-dropped');
      expect(err.message).toContain('victim');
      expect((await failure(conn.exec('true'))).code).toBe('connection-dropped');
    });

    it('reports a stopped host as unreachable within the connect timeout', async () => {
      await stopHost('victim');
      try {
        const started = Date.now();
        const err = await failure(connect(labVars('victim'), { connectTimeoutMs: 3000 }));
        expect(Date.now() - started).toBeLessThan(4500);
        expect(err.code).toBe('unreachable');
        expect(err.unreachable).toBe(true);
        expect(err.message).toMatch(/^victim \(root@127\.0\.0\.1:\d+\) is unreachable/);
      } finally {
        await startHost('victim');
      }
      const conn = await open(labVars('victim'));
      expect((await conn.exec('echo back')).stdout).toBe('back\n');
    }, 120_000);
  });

  describe('host keys', () => {
    it('refuses an unknown key with its fingerprint and how to trust it, then records it on first use', async () => {
      const known = join(tmp, 'known_hosts_empty');
      writeFileSync(known, '');
      const expected = fingerprintSha256(Buffer.from(labHostInfo('victim').hostKey.split(' ')[1]!, 'base64'));
      const err = await failure(connect(labVars('victim'), { knownHostsFile: known }));
      expect(err.code).toBe('host-key-unknown');
      expect(err.message).toContain(expected);
      expect(err.hint).toMatch(/ssh-keyscan -p \d+ -t ssh-ed25519 127\.0\.0\.1 >> /);
      expect(readFileSync(known, 'utf8')).toBe('');

      const conn = await open(labVars('victim'), { knownHostsFile: known, trustOnFirstUse: true });
      expect((await conn.exec('echo trusted')).stdout).toBe('trusted\n');
      expect(readFileSync(known, 'utf8')).toBe(`[127.0.0.1]:${labHostInfo('victim').port} ${labHostInfo('victim').hostKey}\n`);
      // Now known: accepted without trust-on-first-use.
      await open(labVars('victim'), { knownHostsFile: known });
    });

    it('refuses a changed key, even with trust-on-first-use', async () => {
      const old = join(tmp, 'known_hosts_old');
      copyFileSync(testLab().knownHosts, old);
      const newKey = await regenerateHostKeys('victim');
      const fingerprint = fingerprintSha256(Buffer.from(newKey.trim().split(/\s+/)[1]!, 'base64'));
      for (const trustOnFirstUse of [false, true]) {
        const err = await failure(connect(labVars('victim'), { knownHostsFile: old, trustOnFirstUse }));
        expect(err.code).toBe('host-key-changed');
        expect(err.message).toContain(fingerprint);
        expect(err.hint).toContain('ssh-keygen -R');
      }
      // The lab's own known_hosts learned the new key: connecting with it works.
      const conn = await open(labVars('victim'));
      expect((await conn.exec('echo rekeyed')).stdout).toBe('rekeyed\n');
    });

    it('hostkeys trust refuses the re-keyed host, and replaces its old line only with --replace-changed', async () => {
      const known = join(tmp, 'known_hosts_pinned');
      const inventory = join(tmp, 'victim-inventory.yml');
      const victim = labHostInfo('victim');
      writeFileSync(
        inventory,
        `all:\n  hosts:\n    victim:\n      ansible_host: 127.0.0.1\n      ansible_port: ${victim.port}\n      ansible_user: root\n      ansible_ssh_private_key_file: ${testLab().privateKey}\n      ansible_ssh_common_args: "-o UserKnownHostsFile=${known}"\n`,
      );
      expect((await runCli(['hostkeys', 'trust', '-i', inventory])).code).toBe(0);
      const before = readFileSync(known, 'utf8');
      const newKey = await regenerateHostKeys('victim');
      const fingerprint = fingerprintSha256(Buffer.from(newKey.trim().split(/\s+/)[1]!, 'base64'));
      const name = `[127.0.0.1]:${victim.port}`;

      const scan = await runCli(['hostkeys', 'scan', '-i', inventory]);
      expect(scan.stdout).toBe(`victim  ${name}  ssh-ed25519  ${fingerprint}  CHANGED: ${known}:1 holds another ssh-ed25519 key for this host\n`);
      const refused = await runCli(['hostkeys', 'trust', '-i', inventory]);
      expect(refused.code).toBe(3);
      expect(refused.stdout).toContain(`REFUSED, KEY CHANGED: victim  ${name}  ssh-ed25519  ${fingerprint}`);
      expect(readFileSync(known, 'utf8')).toBe(before);
      // A run refuses it too, trust-on-first-use or not.
      const run = await runCli(['adhoc', 'victim', '-i', inventory, '-m', 'command', '-a', 'true', '--trust-new-host-keys']);
      expect(run.code).toBe(3);
      expect(run.stdout).toContain('DIFFERENT host key');

      const replaced = await runCli(['hostkeys', 'trust', '-i', inventory, '--replace-changed']);
      expect(replaced.code, replaced.stderr).toBe(0);
      expect(replaced.stdout).toMatch(new RegExp(`^REPLACED: victim  \\S+  ssh-ed25519  ${fingerprint.replace(/[+/]/g, '\\$&')} in ${known} \\(removed line 1: ssh-ed25519 SHA256:`));
      expect(readFileSync(known, 'utf8')).toBe(`${name} ${newKey.trim().split(/\s+/).slice(0, 2).join(' ')}\n`);
      const conn = await open(labVars('victim', 'root', { ansible_ssh_common_args: `-o UserKnownHostsFile=${known}` }));
      expect((await conn.exec('echo pinned')).stdout).toBe('pinned\n');
    });
  });
});
