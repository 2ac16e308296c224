// Readiness checks: an sshd banner on the published port, then a real login with the lab's key.
import { connect } from 'node:net';
import { HaRunError } from '../errors.js';
import { lastLines, runProgram } from './docker.js';
import type { LabPaths } from './state.js';

/** Resolves once something on 127.0.0.1:port greets with `SSH-2.0-`; docker-proxy alone accepts and closes. */
export async function waitForSshBanner(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await bannerOnce(port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new HaRunError('lab-ssh-timeout', `no sshd answered on 127.0.0.1:${port} within ${Math.round(timeoutMs / 1000)} s`);
}

function bannerOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let data = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      if (data.includes('\n')) done(data.startsWith('SSH-2.0-'));
    });
    socket.on('error', () => done(false));
    socket.on('close', () => done(data.startsWith('SSH-2.0-')));
  });
}

/** Arguments that make the OpenSSH client use the lab's key and known_hosts, and nothing of the user's. */
export function sshClientArgs(paths: LabPaths, port: number): string[] {
  return [
    '-F', '/dev/null',
    '-i', paths.privateKey,
    '-p', String(port),
    '-o', 'IdentitiesOnly=yes',
    '-o', `UserKnownHostsFile=${paths.knownHosts}`,
    '-o', 'GlobalKnownHostsFile=/dev/null',
    '-o', 'StrictHostKeyChecking=yes',
    '-o', 'LogLevel=ERROR',
  ];
}

/** Logs in as `user` with the real ssh client and runs `true`: proves key, known_hosts and sshd agree. */
export async function checkSshLogin(paths: LabPaths, host: string, port: number, user = 'root'): Promise<void> {
  const result = await runProgram(
    'ssh',
    [...sshClientArgs(paths, port), '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', `${user}@127.0.0.1`, 'true'],
    { timeoutMs: 30_000 },
  );
  if (result.exitCode !== 0) {
    throw new HaRunError('lab-ssh-login-failed', `logging in to ${host} (127.0.0.1:${port}) as ${user} failed: ${lastLines(result.stderr, 3)}`);
  }
}
