// Waits until a lab host is usable: sshd answers, its host key is known, init has finished
// booting (systemd kinds), and a real login with the lab key works.
import { HaRunError } from '../errors.js';
import { docker } from './docker.js';
import { hostKeyFromPub } from './keys.js';
import { checkSshLogin, waitForSshBanner } from './ssh-probe.js';
import type { LabHostState, LabPaths } from './state.js';

const READY_TIMEOUT_MS = { plain: 60_000, systemd: 120_000, docker: 180_000 } as const;

/** Returns the host's ed25519 key once sshd answers (the login check needs known_hosts written first). */
export async function waitForHost(host: LabHostState): Promise<string> {
  const timeout = READY_TIMEOUT_MS[host.kind];
  await waitForSshBanner(host.port, timeout);
  const key = await readHostKey(host);
  if (host.kind !== 'plain') await waitForSystemd(host, timeout);
  return key;
}

export async function readHostKey(host: LabHostState): Promise<string> {
  const result = await docker(['exec', host.container, 'cat', '/etc/ssh/ssh_host_ed25519_key.pub']);
  const key = result.exitCode === 0 ? hostKeyFromPub(result.stdout) : undefined;
  if (!key) throw new HaRunError('lab-host-key-missing', `${host.name} has no ed25519 host key: ${result.stderr.trim()}`);
  return key;
}

/** `degraded` still boots every service a test needs; anything else is a broken host. */
async function waitForSystemd(host: LabHostState, timeoutMs: number): Promise<void> {
  const result = await docker(['exec', host.container, 'systemctl', 'is-system-running', '--wait'], { timeoutMs });
  const state = result.stdout.trim();
  if (state !== 'running' && state !== 'degraded') {
    throw new HaRunError('lab-systemd-failed', `systemd on ${host.name} did not finish booting (state: ${state || result.stderr.trim() || 'timeout'})`, {
      hint: `look with: docker exec ${host.container} systemctl --failed`,
    });
  }
}

export async function checkLogin(paths: LabPaths, host: LabHostState): Promise<void> {
  await checkSshLogin(paths, host.name, host.port);
}
