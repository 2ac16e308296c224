#!/usr/bin/env node
// `npm run bench:scale`: the controller at 200 and 1000 hosts (BENCH_SCALE_HOSTS=200,1000), inventory
// aliases of the bench lab's five containers, each running a cheap play (fixtures/scale.yml: a stat, a
// read-only command, a debug). Prints ha-run's wall time, peak RSS and event-loop delay (a preload
// records them), then runs bench/validate.mjs (validating a 1000-host inventory). Forks
// BENCH_SCALE_FORKS (40): every host gets its own SSH connection, so each container's sshd is first given
// room for that many logins at once (roomForAliases).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, aliasInventory, benchLab, fail, harunRun, labHint, loadNote, main, roomForAliases, run, target } from './lib/common.mjs';

const PLAY = join(ROOT, 'bench', 'fixtures', 'scale.yml');
const FORKS = Number(process.env.BENCH_SCALE_FORKS ?? 40);
const RSS_TARGET_MB = 300;

await main('bench:scale', async () => {
  const counts = (process.env.BENCH_SCALE_HOSTS ?? '200,1000').split(',').map(Number);
  const lab = await benchLab();
  await roomForAliases(lab);
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-bench-'));
  try {
    for (const count of counts) {
      const { file } = aliasInventory(lab, dir, count);
      const r = await harunRun(file, FORKS, PLAY);
      if (r.ok !== 3 * count) fail(`expected ok=${3 * count} on ${count} hosts, the recap says ok=${r.ok}`);
      const c = r.controller;
      if (!c) fail('the controller-stats preload wrote nothing');
      const d = c.eventLoopDelayMs;
      process.stdout.write(
        `${String(count).padStart(5)} hosts, 3 tasks, forks ${FORKS}: ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s); peak RSS ${c.peakRssMb.toFixed(1)} MB; event-loop delay p50 ${d.p50} ms, p99 ${d.p99} ms, max ${d.max} ms; ${loadNote()}\n`,
      );
      if (count === 1000) target(`peak RSS under ${RSS_TARGET_MB} MB at 1000 hosts`, c.peakRssMb < RSS_TARGET_MB, `${c.peakRssMb.toFixed(1)} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const validate = await run(process.execPath, [join(ROOT, 'bench', 'validate.mjs')]);
  process.stdout.write(validate.stdout);
  if (validate.code !== 0) fail('bench/validate.mjs failed', validate.stderr);
  process.stdout.write(labHint(lab));
});
