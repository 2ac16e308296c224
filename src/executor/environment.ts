// `environment:` applies to every command a task runs: a Connection decorator adds the variables to
// each exec, so modules need not know about it.
import type { Connection, ExecOptions } from '../connection/types.js';
import { HaRunError } from '../errors.js';
import { isPlainMapping } from '../util/merge-hash.js';

export function withEnvironment(conn: Connection, env: Record<string, string>): Connection {
  if (Object.keys(env).length === 0) return conn;
  return {
    get host() {
      return conn.host;
    },
    exec: (command: string, options: ExecOptions = {}) => conn.exec(command, { ...options, env: { ...env, ...options.env } }),
    put: (path, data, options) => conn.put(path, data, options),
    get: (path, options) => conn.get(path, options),
    close: () => conn.close(),
  };
}

/**
 * The `environment:` of a task and its enclosing scopes, outermost first, rendered and merged as Ansible
 * does: each value (or each entry of a list) must render to a mapping; later ones win; empty ones are skipped.
 */
export function mergedEnvironment(written: readonly unknown[], render: (value: unknown) => unknown): Record<string, unknown> {
  const env: Record<string, unknown> = {};
  for (const entry of written.flatMap((value) => (Array.isArray(value) ? value : [value]))) {
    if (entry === null || entry === undefined || entry === '') continue;
    const rendered = render(entry);
    if (rendered === null || rendered === undefined || rendered === '') continue;
    if (!isPlainMapping(rendered)) {
      throw new HaRunError('invalid-environment', `environment must be a mapping, but it rendered to ${Array.isArray(rendered) ? 'a list' : `${typeof rendered} ${JSON.stringify(rendered)}`}`);
    }
    Object.assign(env, rendered);
  }
  return env;
}

/** Environment values rendered to strings; null/undefined entries dropped. */
export function environmentStrings(env: unknown): Record<string, string> {
  if (!env || typeof env !== 'object' || Array.isArray(env)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

/** Connects only when a module first uses the connection (debug and set_fact never do). */
export function lazyConnection(host: string, open: () => Promise<Connection>): Connection {
  let conn: Promise<Connection> | undefined;
  const get = () => (conn ??= open());
  return {
    host,
    exec: async (command, options) => (await get()).exec(command, options),
    put: async (path, data, options) => (await get()).put(path, data, options),
    get: async (path, options) => (await get()).get(path, options),
    // The pool owns the real connection and closes it at the end of the run.
    close: async () => {},
  };
}
