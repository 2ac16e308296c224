// The run's open connections, one per endpoint: every task whose connection variables resolve to the same
// place and identity for a host shares it (and its persistent shell); a task that asks for another (a
// local connection, another port or user, a delegate's own variables) gets its own.
import type { ConnectOptions } from './settings.js';
import { openTarget, resolveTarget, targetKey, type ConnectionTarget } from './target.js';
import { FactCache, withFactCache } from './fact-cache.js';
import type { Connection } from './types.js';

export class ConnectionPool {
  private readonly connections = new Map<string, { host: string; conn: Promise<Connection> }>();
  /** The fact reads every connection of the run shares, and the round trips each host took. */
  readonly facts = new FactCache();

  constructor(private readonly options: ConnectOptions = {}) {}

  /** The last resolution of each host's variables, and the fact generation it was made in. */
  private readonly resolved = new Map<string, { vars: string; generation: number; target: ConnectionTarget }>();

  /** Resolves and checks a host's rendered connection variables with the run's options; throws
   *  BadConnectionVarsError for values that cannot work. Every task asks (twice with look-ahead), and the
   *  answer reads the ssh config files: it is reused for the same variables until a command or a file
   *  write anywhere in the run (a task on the controller may have edited ~/.ssh/config) starts a new
   *  fact generation. */
  resolve(host: string, vars: Record<string, unknown>): ConnectionTarget {
    const key = jsonOrUndefined(vars);
    if (key === undefined) return resolveTarget(vars, { ...this.options, host });
    const last = this.resolved.get(host);
    if (last && last.vars === key && last.generation === this.facts.now()) return last.target;
    const target = resolveTarget(vars, { ...this.options, host });
    this.resolved.set(host, { vars: key, generation: this.facts.now(), target });
    return target;
  }

  /** The connection to `target`, opened on first use. An endpoint that failed to connect keeps failing for
   *  this run until `forget` (the executor drops an unreachable host from the play, as Ansible does). */
  open(target: ConnectionTarget): Promise<Connection> {
    const key = targetKey(target);
    let entry = this.connections.get(key);
    if (!entry) {
      const conn = openTarget(target).then((c) => withFactCache(c, this.facts, key));
      conn.catch(() => undefined); // the caller sees the rejection; keep it from counting as unhandled
      entry = { host: target.host, conn };
      this.connections.set(key, entry);
    }
    return entry.conn;
  }

  /** `resolve` then `open`, with bad variables as a rejection. */
  get(host: string, vars: Record<string, unknown>): Promise<Connection> {
    try {
      return this.open(this.resolve(host, vars));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** Drops every connection opened for a host (closing them) so the next use connects again. */
  async forget(host: string): Promise<void> {
    const dropped: Promise<Connection>[] = [];
    for (const [key, entry] of this.connections) {
      if (entry.host !== host) continue;
      this.connections.delete(key);
      dropped.push(entry.conn);
    }
    await closeEach(dropped);
  }

  async closeAll(): Promise<void> {
    const all = [...this.connections.values()].map((e) => e.conn);
    this.connections.clear();
    await closeEach(all);
  }
}

function jsonOrUndefined(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined; // a value JSON cannot hold: resolved every time
  }
}

async function closeEach(conns: Promise<Connection>[]): Promise<void> {
  await Promise.all(conns.map(async (p) => (await p.catch(() => undefined))?.close()));
}
