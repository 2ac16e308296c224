// Where a connection goes, resolved once from a host's (already rendered) connection variables and checked
// before anything connects; and the key that says which tasks may share one open connection.
import { createHash } from 'node:crypto';
import { connectLocal } from './local.js';
import { connectionKind, hostName, portSetting, resolveSshSettings, type ConnectOptions, type SshSettings } from './settings.js';
import type { Connection } from './types.js';

export type ConnectionTarget =
  | { kind: 'local'; host: string; commandTimeoutMs?: number }
  | { kind: 'ssh'; host: string; ssh: SshSettings };

/** Throws BadConnectionVarsError (a task failure, nothing was tried) for variables that cannot work. */
export function resolveTarget(vars: Record<string, unknown>, options: ConnectOptions = {}): ConnectionTarget {
  const host = hostName(vars, options);
  if (connectionKind(vars, host) === 'local') {
    portSetting(vars, host); // Ansible refuses a bad port whatever the connection
    return { kind: 'local', host, commandTimeoutMs: options.commandTimeoutMs };
  }
  return { kind: 'ssh', host, ssh: resolveSshSettings(vars, { ...options, host }) };
}

export async function openTarget(target: ConnectionTarget): Promise<Connection> {
  if (target.kind === 'local') return connectLocal(target.host, target.commandTimeoutMs);
  // ssh2 (and its WebAssembly) loads only when a host is reached over SSH: validate and local runs never pay for it.
  const { connectSsh } = await import('./ssh.js');
  return connectSsh(target.ssh);
}

/**
 * Two tasks share a connection only when they would open the same one: the same inventory host (its name is
 * in every message the connection gives), kind, user@address:port, credentials, jump hosts and host-key
 * trust. Timeouts are left out: they shape an attempt, not what it reaches. Secrets enter as digests only.
 */
export function targetKey(target: ConnectionTarget): string {
  if (target.kind === 'local') return JSON.stringify(['local', target.host]);
  const s = target.ssh;
  return JSON.stringify([
    'ssh',
    s.host,
    `${s.user}@${s.address}:${s.port}`,
    s.keyFiles,
    s.configKeyFiles ?? [],
    s.defaultKeyFiles,
    s.agent ?? null,
    digest(s.password),
    digest(s.passphrase),
    s.jumps.map((j) => [`${j.user ?? ''}@${j.address}:${j.port}`, j.keyFiles ?? []]),
    s.knownHostsFile,
    s.globalKnownHostsFiles,
    s.trustOnFirstUse,
  ]);
}

function digest(secret: string | undefined): string | undefined {
  return secret === undefined ? undefined : createHash('sha256').update(secret).digest('hex');
}
