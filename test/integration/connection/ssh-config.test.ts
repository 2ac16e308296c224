// The OpenSSH client configuration against the lab's real sshd: an alias to a published port with the lab
// key as IdentityFile, a ProxyJump through one lab host to another on the lab network (both hops named in
// the config, or the hop written as user@host:port), and an authentication failure that says which key was offered and what the server takes.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/connection/connect.js';
import { ConnectionError } from '../../../src/connection/errors.js';
import { fingerprintSha256 } from '../../../src/connection/known-hosts.js';
import { labHostInfo, testLab } from '../support/lab.js';

let dir: string;
let sshConfig: string;
let known: string;
const saved = { home: process.env.HOME, agent: process.env.SSH_AUTH_SOCK };

/** An alias for victim, on the lab network only, reached through a jump host. */
function victimBehind(alias: string, proxyJump: string): string[] {
  const lines = [`HostName ${labHostInfo('victim').address}`, `ProxyJump ${proxyJump}`, 'User root', `IdentityFile ${testLab().privateKey}`];
  return [`Host ${alias}`, ...[...lines, `UserKnownHostsFile ${known}`, 'StrictHostKeyChecking accept-new'].map((l) => `  ${l}`)];
}

/** What `hostname` says on the host an alias leads to. */
async function hostnameVia(alias: string): Promise<string> {
  const conn = await connect({ inventory_hostname: alias, ...args() });
  try {
    return (await conn.exec('hostname')).stdout;
  } finally {
    await conn.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-run-ssh-config-'));
  known = join(dir, 'known_hosts');
  copyFileSync(testLab().knownHosts, known);
  // A throwaway key the lab hosts do not authorize.
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'stranger')]);
  const lab = testLab();
  sshConfig = join(dir, 'ssh_config');
  writeFileSync(
    sshConfig,
    [
      '# aliases for the lab, as a user would keep them',
      'Host web-alias',
      '  HostName 127.0.0.1',
      `  Port ${labHostInfo('node1').port}`,
      '  User root',
      `  IdentityFile ${lab.privateKey}`,
      `  UserKnownHostsFile ${known}`,
      'Host bastion',
      '  HostName 127.0.0.1',
      `  Port ${labHostInfo('node4').port}`,
      '  User root',
      `  IdentityFile ${lab.privateKey}`,
      ...victimBehind('inner', 'bastion'),
      // The hop's user written in ProxyJump: `Host *` below would otherwise make it nobody-by-default.
      ...victimBehind('inner-via-written-hop', `root@127.0.0.1:${labHostInfo('node4').port}`),
      'Host stranger',
      '  HostName 127.0.0.1',
      `  Port ${labHostInfo('node1').port}`,
      '  User root',
      `  IdentityFile ${join(dir, 'stranger')}`,
      `  IdentityFile ${join(dir, 'missing-key')}`,
      `  UserKnownHostsFile ${known}`,
      'Host *',
      '  User nobody-by-default',
      '  ConnectTimeout 5',
    ].join('\n'),
  );
  // No agent and no ~/.ssh keys: what is offered is exactly what the config names.
  process.env.HOME = dir;
  delete process.env.SSH_AUTH_SOCK;
});

afterAll(() => {
  process.env.HOME = saved.home;
  if (saved.agent !== undefined) process.env.SSH_AUTH_SOCK = saved.agent;
});

const args = () => ({ ansible_ssh_common_args: `-F ${sshConfig}` });

describe('ssh client configuration', () => {
  it('reaches a host known only by its alias (HostName, Port, User, IdentityFile, UserKnownHostsFile)', async () => {
    expect(await hostnameVia('web-alias')).toBe('node1\n');
  });

  it('goes through a jump host named in the config to a host on the lab network', async () => {
    expect(await hostnameVia('inner')).toBe('victim\n');
    expect(readFileSync(known, 'utf8')).toContain(`\n${labHostInfo('victim').address} ssh-ed25519 `);
  });

  it('logs into a hop written as user@host:port as that user, whatever the config says for the hop', async () => {
    expect(await hostnameVia('inner-via-written-hop')).toBe('victim\n');
  });

  it('lets the inventory win: ansible_user overrides the config User (a refused login proves it was used)', async () => {
    const err = await connect({ inventory_hostname: 'web-alias', ansible_user: 'no-such-user', ...args() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).message).toContain('no-such-user@127.0.0.1');
  });

  it('says which keys were offered and skipped, and which methods the server accepts', async () => {
    const err = await connect({ inventory_hostname: 'stranger', ...args() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectionError);
    const e = err as ConnectionError;
    expect(e.code).toBe('auth-failed');
    expect(e.message).toMatch(
      new RegExp(
        `^stranger \\(root@127\\.0\\.0\\.1:\\d+\\) refused authentication: none of the offered credentials were accepted: offered ${join(dir, 'stranger')} \\(ssh-ed25519 SHA256:[A-Za-z0-9+/]+\\); ${join(dir, 'missing-key')} \\(skipped: [^)]+\\); the server accepts: publickey`,
      ),
    );
    const publicKey = readFileSync(join(dir, 'stranger.pub'), 'utf8').split(' ')[1]!;
    expect(e.message).toContain(fingerprintSha256(Buffer.from(publicKey, 'base64')));
  });
});
