// Out-of-band control of one lab host (for tests and people): exec, stop, start, restart, new host
// keys. Whatever changes the host's key is written back to the lab's state and known_hosts.
import { HaRunError } from '../errors.js';
import { docker, dockerOk, type CommandResult } from './docker.js';
import { checkLogin, readHostKey, waitForHost } from './host-ready.js';
import { writeKnownHosts } from './keys.js';
import { writeLabDescription } from './lab-description.js';
import { withDirLock } from './lock.js';
import { labPaths, readLabState, writeLabState, type LabHostState, type LabState } from './state.js';

export function labHost(lab: string, host: string, cwd = process.cwd()): { state: LabState; host: LabHostState } {
  const state = readLabState(lab, cwd);
  if (!state) throw new HaRunError('lab-not-up', `lab '${lab}' is not up`, { hint: 'start it with: ha-run lab up LAB.yml' });
  const found = state.hosts[host];
  if (!found) {
    throw new HaRunError('lab-unknown-host', `lab '${lab}' has no host '${host}' (it has: ${Object.keys(state.hosts).join(', ')})`);
  }
  return { state, host: found };
}

/** Runs a shell command inside the host as root, outside SSH. Never throws on a non-zero exit. */
export async function execInHost(lab: string, host: string, command: string): Promise<CommandResult> {
  return docker(['exec', labHost(lab, host).host.container, 'sh', '-c', command]);
}

export async function stopHost(lab: string, host: string): Promise<void> {
  const found = labHost(lab, host).host;
  await dockerOk(['stop', '--time', '5', found.container], `stopping ${host}`);
}

/** Starts a stopped host and waits until it is usable again (same port: it is pinned). */
export async function startHost(lab: string, host: string): Promise<void> {
  const found = labHost(lab, host).host;
  await dockerOk(['start', found.container], `starting ${host}`);
  await refreshHost(lab, host);
}

export async function restartHost(lab: string, host: string): Promise<void> {
  const found = labHost(lab, host).host;
  await dockerOk(['restart', '--time', '5', found.container], `restarting ${host}`);
  await refreshHost(lab, host);
}

/** Gives the host a brand-new ed25519 key and makes sshd use it; known_hosts learns the new key. */
export async function regenerateHostKeys(lab: string, host: string): Promise<string> {
  const found = labHost(lab, host).host;
  const key = '/etc/ssh/ssh_host_ed25519_key';
  // SIGHUP makes the listening sshd re-exec itself and read its keys again; systemd hosts reload ssh.
  const reload = found.kind === 'plain' ? 'kill -HUP "$(cat /run/sshd.pid)"' : 'systemctl reload-or-restart ssh';
  await dockerOk(
    ['exec', found.container, 'sh', '-c', `rm -f ${key} ${key}.pub && ssh-keygen -q -t ed25519 -N '' -C "$(hostname)" -f ${key} && ${reload}`],
    `regenerating ${host}'s host key`,
  );
  return refreshHost(lab, host);
}

/** Re-reads the host's key after a change, records it, and proves a login works. */
async function refreshHost(lab: string, host: string): Promise<string> {
  const paths = labPaths(lab);
  return withDirLock(paths.dir, async () => {
    const state = labHost(lab, host).state;
    const found = state.hosts[host]!;
    await waitForHost(found);
    // The old sshd may still greet for a moment after SIGHUP; the key on disk is the truth.
    found.hostKey = await readHostKey(found);
    writeLabState(state);
    writeKnownHosts(state, paths);
    writeLabDescription(state, paths);
    await checkLogin(paths, found);
    return found.hostKey;
  });
}
