// ansible_ssh_retries on a real sshd (lab host node1, read-only): in front of it, a TCP relay that hangs
// up on the first connections before sshd says a word, as sshd itself does past MaxStartups. Without
// retries the host is unreachable; with enough of them ha-run gets through; a login that is refused is
// not tried again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/connection/connect.js';
import { labHostInfo } from '../support/lab.js';
import { labVars } from './lab-vars.js';

/** Hangs up on the next `drops` connections, forwards the others to `port`; counts every connection. */
class DroppingRelay {
  drops = 0;
  connections = 0;
  private readonly sockets = new Set<Socket>();
  readonly server: Server;

  constructor(port: number) {
    this.server = createServer((client) => {
      this.connections++;
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => undefined);
      if (this.drops > 0) {
        this.drops--;
        client.destroy();
        return;
      }
      const upstream = tcpConnect(port, '127.0.0.1');
      this.sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
  }

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((done) => this.server.close(() => done()));
  }
}

let relay: DroppingRelay;
let dir: string;
let vars: (extra: Record<string, unknown>) => Record<string, unknown>;

beforeAll(async () => {
  const host = labHostInfo('node1');
  relay = new DroppingRelay(host.port);
  await new Promise<void>((listening) => relay.server.listen(0, '127.0.0.1', listening));
  dir = mkdtempSync(join(tmpdir(), 'ha-run-retries-'));
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${relay.port} ${host.hostKey}\n`);
  vars = (extra) => labVars('node1', 'root', { ansible_port: relay.port, ansible_ssh_common_args: `-o UserKnownHostsFile=${knownHosts}`, ...extra });
});

afterAll(async () => {
  await relay?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('ansible_ssh_retries', () => {
  it('without retries, a connection the server hangs up on is the host unreachable', async () => {
    relay.drops = 1;
    relay.connections = 0;
    await expect(connect(vars({}))).rejects.toMatchObject({ code: 'unreachable' });
    expect(relay.connections).toBe(1);
  });

  it('tries again as often as asked, then works as usual', async () => {
    relay.drops = 2;
    relay.connections = 0;
    const conn = await connect(vars({ ansible_ssh_retries: 2 }));
    try {
      expect((await conn.exec('echo through')).stdout).toBe('through\n');
    } finally {
      await conn.close();
    }
    expect(relay.connections).toBe(3);
    relay.drops = 3;
    relay.connections = 0;
    await expect(connect(vars({ ansible_ssh_retries: '2' }))).rejects.toMatchObject({ code: 'unreachable' });
    expect(relay.connections).toBe(3);
  }, 30_000);

  it('never tries a refused login again', async () => {
    relay.drops = 0;
    relay.connections = 0;
    await expect(connect(vars({ ansible_ssh_retries: 3, ansible_user: 'nobody-here' }))).rejects.toMatchObject({ code: 'auth-failed' });
    expect(relay.connections).toBe(1);
  });
});
