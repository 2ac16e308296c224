#!/usr/bin/env node
// `npm run bench:latency`: bench20 on 5 hosts at 20 ms of round-trip time, ha-run against ansible-playbook
// (pipelining on, forks 5), first run and converged re-run, BENCH_ROUNDS times (1). A relay in front of
// each bench lab container (lib/relay.mjs) holds each direction BENCH_DELAY_MS (10) and counts the round
// trips of each host from outside; both tools reach the hosts only through the relays. Also counts the
// round trips of ha-run's SSH connection alone (handshake and authentication, then closing it, with
// ha-run's own connection code), so the round trips "after the connection is up" are the rest.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  aliasInventory, ansibleRun, benchLab, checkConverged, cleanBenchDirs, comparisonRow, containers, harunRun, labHint, loadNote, main, median, rounds, spread, target,
} from './lib/common.mjs';
import { startRelay } from './lib/relay.mjs';

const DELAY_MS = Number(process.env.BENCH_DELAY_MS ?? 10);
const HOSTS = 5;
const RERUN_TARGET = 40;
const FIRST_RUN_TARGET = 20;
const ROUND_TRIPS_TARGET = 3;

/** Runs `fn` with every relay's counters at zero; returns its result and each container's round trips. */
async function counted(relays, fn) {
  for (const r of Object.values(relays)) r.reset();
  const result = await fn();
  const trips = Object.fromEntries(Object.entries(relays).map(([c, r]) => [c, r.counters.roundTrips]));
  return { ...result, relayTrips: trips };
}

/** Round trips of opening and closing ha-run's SSH connection to each host with `commands` commands run on it. */
async function connectionTrips(relays, inventoryVars, hosts, commands) {
  const { connect } = await import('../dist/connection/connect.js');
  return counted(relays, async () => {
    await Promise.all(
      hosts.map(async (host) => {
        const conn = await connect({ ...inventoryVars.all, ...inventoryVars.hosts[host], inventory_hostname: host });
        for (let i = 0; i < commands; i++) await conn.exec('true');
        await conn.close();
      }),
    );
    return {};
  });
}

await main('bench:latency', async () => {
  const lab = await benchLab();
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-bench-'));
  const relays = {};
  try {
    for (const c of containers(lab)) relays[c] = await startRelay(lab.hosts[c].port, DELAY_MS);
    // The relays' ports vouched for with the containers' own host keys.
    const knownHosts = join(dir, 'known_hosts');
    writeFileSync(knownHosts, containers(lab).map((c) => `[127.0.0.1]:${relays[c].port} ${lab.hosts[c].hostKey}\n`).join(''));
    const { file, hosts } = aliasInventory(lab, dir, HOSTS, { portOf: (c) => relays[c].port, knownHosts });
    const containerOf = (host) => host.replace(/^h\d+-/, '');
    const parsed = JSON.parse(readFileSync(file, 'utf8')).all;
    const vars = { all: parsed.vars, hosts: parsed.children.nodes.hosts };
    const connection = await connectionTrips(relays, vars, hosts, 0);
    const firstCommand = await connectionTrips(relays, vars, hosts, 1);

    const harun = { first: [], again: [] };
    const ansible = { first: [], again: [] };
    for (let round = 1; round <= rounds(); round++) {
      await cleanBenchDirs(lab, 'harun');
      harun.first.push(await counted(relays, () => harunRun(file, HOSTS)));
      harun.again.push(await counted(relays, () => harunRun(file, HOSTS)));
      await cleanBenchDirs(lab, 'ansible');
      ansible.first.push(await counted(relays, () => ansibleRun(file, HOSTS)));
      ansible.again.push(await counted(relays, () => ansibleRun(file, HOSTS)));
    }
    checkConverged('ha-run', harun.again);
    checkConverged('ansible-playbook', ansible.again);
    const [h1, h2, a1, a2] = [median(harun.first), median(harun.again), median(ansible.first), median(ansible.again)];

    process.stdout.write(`bench20 on ${HOSTS} hosts through relays adding ${2 * DELAY_MS} ms of round-trip time, forks ${HOSTS}, median of ${rounds()} round(s)\n`);
    process.stdout.write(comparisonRow('first run', a1, h1) + comparisonRow('re-run', a2, h2));
    process.stdout.write(`  machine at the end: ${loadNote()}\n`);
    process.stdout.write(`  ha-run inside the run (without process start-up): first run ${h1.runSeconds.toFixed(2)} s, re-run ${h2.runSeconds.toFixed(2)} s\n`);

    // Round trips per host, counted by the relays (each host is one container here).
    const perHost = (r) => hosts.map((h) => r.relayTrips[containerOf(h)]);
    const connect = perHost(connection);
    const afterConnect = (r) => hosts.map((h, i) => r.relayTrips[containerOf(h)] - connect[i]);
    process.stdout.write('  round trips per host, counted by the relays:\n');
    process.stdout.write(`    ha-run SSH connection alone (handshake, authentication, close): ${spread(connect)}\n`);
    process.stdout.write(`    its persistent shell opened and a first command on it, beyond that: ${spread(hosts.map((h, i) => firstCommand.relayTrips[containerOf(h)] - connect[i]))}\n`);
    process.stdout.write(`    ha-run first run ${spread(perHost(h1))}, converged re-run ${spread(perHost(h2))}; re-run after the connection is up ${spread(afterConnect(h2))}\n`);
    process.stdout.write(`    ha-run's own count of commands (run_end roundTrips): first run ${spread(Object.values(h1.roundTrips))}, re-run ${spread(Object.values(h2.roundTrips))}\n`);
    process.stdout.write(`    ansible-playbook first run ${spread(perHost(a1))}, converged re-run ${spread(perHost(a2))} (its re-run reuses the SSH master the first run left, ControlPersist=60s)\n`);

    const first = a1.seconds / h1.seconds;
    const again = a2.seconds / h2.seconds;
    const worst = Math.max(...afterConnect(h2));
    target(`first run at 20 ms at least ${FIRST_RUN_TARGET}x faster`, first >= FIRST_RUN_TARGET, `${first.toFixed(1)}x; CPU time ${(a1.cpuSeconds / h1.cpuSeconds).toFixed(1)}x`);
    target(`converged re-run at 20 ms at least ${RERUN_TARGET}x faster`, again >= RERUN_TARGET, `${again.toFixed(1)}x; CPU time ${(a2.cpuSeconds / h2.cpuSeconds).toFixed(1)}x`);
    target(`converged re-run at most ${ROUND_TRIPS_TARGET} round trips per host after the connection is up`, worst <= ROUND_TRIPS_TARGET, `at most ${worst}`);
  } finally {
    await Promise.all(Object.values(relays).map((r) => r.close()));
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(labHint(lab));
});
