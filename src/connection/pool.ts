// One connection per host for the whole run: every task on a host shares it (and its persistent shell).
import { connect, type ConnectOptions } from './connect.js';
import type { Connection } from './types.js';

export class ConnectionPool {
  private readonly connections = new Map<string, Promise<Connection>>();

  constructor(private readonly options: ConnectOptions = {}) {}

  /** The host's connection, opened on first use. A host that failed to connect keeps failing for this
   *  run (Ansible drops unreachable hosts from the play) until `forget` is called. */
  get(host: string, vars: Record<string, unknown>): Promise<Connection> {
    let conn = this.connections.get(host);
    if (!conn) {
      conn = connect(vars, { ...this.options, host });
      conn.catch(() => undefined); // the caller sees the rejection; keep it from counting as unhandled
      this.connections.set(host, conn);
    }
    return conn;
  }

  /** Drops a host's connection (closing it) so the next `get` connects again. */
  async forget(host: string): Promise<void> {
    const conn = this.connections.get(host);
    this.connections.delete(host);
    await (await conn?.catch(() => undefined))?.close();
  }

  async closeAll(): Promise<void> {
    const all = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(all.map(async (p) => (await p.catch(() => undefined))?.close()));
  }
}
