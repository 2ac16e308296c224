// The lab's login key pair (made once per lab with ssh-keygen) and its known_hosts file, which
// holds each host's real key as read from inside the container, never trusted on first use.
import { existsSync, readFileSync } from 'node:fs';
import { HaRunError } from '../errors.js';
import { lastLines, runProgram } from './docker.js';
import type { LabPaths, LabState } from './state.js';
import { writeFileAtomic } from './state.js';

/** Makes the key pair unless it exists; returns the public key line. */
export async function ensureLabKey(paths: LabPaths, lab: string): Promise<string> {
  if (!existsSync(paths.privateKey) || !existsSync(paths.publicKey)) {
    const made = await runProgram('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `ha-run-lab-${lab}`, '-f', paths.privateKey], {
      input: 'y\n',
    });
    if (made.exitCode !== 0) {
      throw new HaRunError('lab-keygen-failed', `ssh-keygen failed: ${lastLines(made.stderr, 3)}`, {
        hint: 'install the OpenSSH client: apt-get install -y openssh-client',
      });
    }
  }
  return readFileSync(paths.publicKey, 'utf8').trim();
}

/** `[127.0.0.1]:PORT ssh-ed25519 AAAA...` for every host whose key is known. */
export function knownHostsText(state: LabState): string {
  return Object.values(state.hosts)
    .filter((h) => h.hostKey)
    .map((h) => `[127.0.0.1]:${h.port} ${h.hostKey}\n`)
    .join('');
}

export function writeKnownHosts(state: LabState, paths: LabPaths): void {
  writeFileAtomic(paths.knownHosts, knownHostsText(state));
}

/** Keeps `type base64` from a `.pub` line, dropping the comment. */
export function hostKeyFromPub(pub: string): string | undefined {
  const [type, key] = pub.trim().split(/\s+/);
  return type && key && type.startsWith('ssh-') ? `${type} ${key}` : undefined;
}
