// The entry point: a host's variables -> a Connection (ssh or local), and a pool that keeps one per host.
import { hostName, connectionKind, resolveSshSettings, type ConnectOptions } from './settings.js';
import { connectLocal } from './local.js';
import { connectSsh } from './ssh.js';
import type { Connection } from './types.js';

export type { ConnectOptions } from './settings.js';

export async function connect(vars: Record<string, unknown>, options: ConnectOptions = {}): Promise<Connection> {
  const host = hostName(vars, options);
  if (connectionKind(vars, host) === 'local') return connectLocal(host, options.commandTimeoutMs);
  return connectSsh(resolveSshSettings(vars, { ...options, host }));
}
