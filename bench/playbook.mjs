#!/usr/bin/env node
// `npm run bench:playbook`: the 20-task builtin-module playbook (bench/fixtures/bench20.yml) run by ha-run
// and by ansible-playbook (pipelining on) on loopback, at 5 and 50 hosts (BENCH_HOSTS=5,50), forks =
// hosts: for each tool a first run from clean directories and a converged re-run, BENCH_ROUNDS times
// (1). The hosts are inventory aliases of the bench lab's five containers (bench/lab.yml). Prints wall
// times, ansible/ha-run ratios, ha-run's round trips per host and peak RSS, and the targets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  aliasInventory, ansibleRun, benchLab, checkConverged, cleanBenchDirs, comparisonRow, harunRun, labHint, loadNote, main, median, roomForAliases, rounds, spread, target,
} from './lib/common.mjs';

const FIRST_RUN_TARGET = 20;
const RERUN_TARGET = 40;

async function bench(lab, dir, count) {
  const { file } = aliasInventory(lab, dir, count);
  const harun = { first: [], again: [] };
  const ansible = { first: [], again: [] };
  // Each round: for each tool a first run from clean directories, then a re-run on the converged hosts.
  for (let round = 1; round <= rounds(); round++) {
    await cleanBenchDirs(lab, 'harun');
    harun.first.push(await harunRun(file, count));
    harun.again.push(await harunRun(file, count));
    await cleanBenchDirs(lab, 'ansible');
    ansible.first.push(await ansibleRun(file, count));
    ansible.again.push(await ansibleRun(file, count));
  }
  checkConverged('ha-run', harun.again);
  checkConverged('ansible-playbook', ansible.again);
  const [h1, h2, a1, a2] = [median(harun.first), median(harun.again), median(ansible.first), median(ansible.again)];

  process.stdout.write(`bench20 on ${count} hosts (aliases of ${Object.keys(lab.hosts).length} containers), loopback, forks ${count}, median of ${rounds()} round(s)\n`);
  process.stdout.write(comparisonRow('first run', a1, h1) + comparisonRow('re-run', a2, h2));
  process.stdout.write(`  machine at the end: ${loadNote()}\n`);
  const all = (runs) => runs.map((r) => r.seconds.toFixed(2)).join(' ');
  if (rounds() > 1) process.stdout.write(`  every run, s: ha-run first ${all(harun.first)}, re-run ${all(harun.again)}; ansible first ${all(ansible.first)}, re-run ${all(ansible.again)}\n`);
  process.stdout.write(`  ha-run inside the run (without process start-up): first run ${h1.runSeconds.toFixed(2)} s, re-run ${h2.runSeconds.toFixed(2)} s\n`);
  process.stdout.write(`  ha-run commands per host (run_end roundTrips): first run ${spread(Object.values(h1.roundTrips))}, re-run ${spread(Object.values(h2.roundTrips))}\n`);
  const peak = Math.max(...[...harun.first, ...harun.again].map((r) => r.controller?.peakRssMb ?? NaN));
  process.stdout.write(`  ha-run peak RSS ${peak.toFixed(1)} MB\n`);
  if (a1.changed !== h1.changed) process.stdout.write(`  warning: first runs differ: ansible changed=${a1.changed}, ha-run changed=${h1.changed}\n`);
  const first = a1.seconds / h1.seconds;
  const again = a2.seconds / h2.seconds;
  target(`first run at ${count} hosts at least ${FIRST_RUN_TARGET}x faster`, first >= FIRST_RUN_TARGET, `${first.toFixed(1)}x; CPU time ${(a1.cpuSeconds / h1.cpuSeconds).toFixed(1)}x`);
  target(`converged re-run at ${count} hosts at least ${RERUN_TARGET}x faster`, again >= RERUN_TARGET, `${again.toFixed(1)}x; CPU time ${(a2.cpuSeconds / h2.cpuSeconds).toFixed(1)}x`);
}

await main('bench:playbook', async () => {
  const counts = (process.env.BENCH_HOSTS ?? '5,50').split(',').map(Number);
  const lab = await benchLab();
  await roomForAliases(lab);
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-bench-'));
  try {
    for (const count of counts) await bench(lab, dir, count);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(labHint(lab));
});
