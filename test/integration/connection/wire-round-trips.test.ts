// Round trips on the wire, counted from outside ha-run by the bench's relay (bench/lib/relay.mjs), on a
// real sshd (lab host node1, read-only commands). Once logged in, opening the persistent shell costs one
// round trip (its channel was asked for with the login) and each command one more: a converged re-run
// of the bench playbook (two commands) thus takes three. A change that adds a wait (ssh2 asking for the
// channel again, the shell started by a first command of its own) makes these counts grow.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/connection/connect.js';
// @ts-expect-error: a plain ES module of the benchmarks, without types
import { startRelay } from '../../../bench/lib/relay.mjs';
import { labHostInfo } from '../support/lab.js';
import { labVars } from './lab-vars.js';

interface Relay {
  port: number;
  counters: { roundTrips: number };
  reset(): void;
  close(): Promise<void>;
}

let relay: Relay;
let dir: string;
let vars: Record<string, unknown>;

beforeAll(async () => {
  const host = labHostInfo('node1');
  // 10 ms each way: every exchange shows as its own, as on a real link.
  relay = (await startRelay(host.port, 10)) as Relay;
  dir = mkdtempSync(join(tmpdir(), 'ha-run-trips-'));
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${relay.port} ${host.hostKey}\n`);
  vars = labVars('node1', 'root', { ansible_port: relay.port, ansible_ssh_common_args: `-o UserKnownHostsFile=${knownHosts}` });
});

afterAll(async () => {
  await relay?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Round trips after the login, for `commands` commands and the close. */
async function tripsAfterLogin(commands: number): Promise<number> {
  const conn = await connect(vars);
  relay.reset();
  for (let i = 0; i < commands; i++) expect((await conn.exec(`echo ${i}`)).stdout).toBe(`${i}\n`);
  await conn.close();
  return relay.counters.roundTrips;
}

/** The fewest of three counts: the relay can only see more exchanges than there were waits (a busy
 *  server that sends one answer in two parts late), never fewer, so the least is the protocol's own. */
async function fewestTrips(commands: number): Promise<number> {
  const counts: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) counts.push(await tripsAfterLogin(commands));
  return Math.min(...counts);
}

describe('round trips on the wire', () => {
  it('after the login: one to start the shell, then one per command, and none to close', async () => {
    expect(await fewestTrips(1)).toBe(2);
    expect(await fewestTrips(2)).toBe(3);
    expect(await fewestTrips(5)).toBe(6);
  }, 60_000);
});
