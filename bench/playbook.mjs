#!/usr/bin/env node
// `npm run bench:playbook`: the same 20-task builtin-module playbook (bench/fixtures/bench20.yml) run by
// ha-run and by ansible-playbook on the test lab's node1..node5, forks 5: for each tool a first run
// from clean directories and an idempotent re-run, repeated BENCH_ROUNDS times (3). Prints median wall
// times, ansible/ha-run ratios and the ha-run process's peak RSS. Not a timed test: it only prints, but it exits non-zero when a run fails
// or a re-run reports changes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// HA_RUN_CLI points at another build (e.g. one made into a scratch directory while dist/ is busy).
const CLI = process.env.HA_RUN_CLI ?? join(ROOT, 'dist', 'ha-run.js');
const PLAYBOOK = join(ROOT, 'bench', 'fixtures', 'bench20.yml');
const PEAK_RSS_HOOK = join(ROOT, 'bench', 'fixtures', 'peak-rss.mjs');
const LAB_FILE = join(ROOT, 'test', 'lab.yml');
const HOSTS = ['node1', 'node2', 'node3', 'node4', 'node5'];
const FORKS = '5';

/** Runs a program, collecting output; resolves with the exit code and wall time. */
function run(program, args, env = {}) {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 }));
  });
}

/** Stops the bench with a message (and the useful end of a tool's output); main() reports it. */
function fail(message, detail = '') {
  throw new Error(`${message}${detail ? `\n${detail.slice(-4000)}` : ''}`);
}

async function labDescription() {
  const up = await run(process.execPath, [CLI, 'lab', 'up', LAB_FILE]);
  if (up.code !== 0) fail('could not bring the test lab up', up.stderr || up.stdout);
  const file = join(ROOT, '.ha-run', 'labs', 'hatest', 'lab.json');
  if (!existsSync(file)) fail(`the lab description ${file} is missing after 'lab up'`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Removes one tool's bench directory on every host with the plain ssh client (neither tool involved). */
async function clean(lab, tool) {
  await Promise.all(
    HOSTS.map(async (host) => {
      const info = lab.hosts[host];
      if (!info) fail(`the test lab has no host ${host}`);
      const r = await run('ssh', [
        '-i', lab.privateKey, '-p', String(info.port),
        '-o', `UserKnownHostsFile=${lab.knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes',
        'root@127.0.0.1', `rm -rf /tmp/habench-${tool}`,
      ]);
      if (r.code !== 0) fail(`cleaning ${host} failed`, r.stderr);
    }),
  );
}

/** Sums a recap counter over the bench hosts. */
function total(stats, key) {
  return HOSTS.reduce((sum, h) => sum + (stats?.[h]?.[key] ?? 0), 0);
}

async function ansibleRun(lab) {
  const r = await run('ansible-playbook', ['-i', lab.inventory, '--limit', HOSTS.join(','), '-f', FORKS, '-e', 'bench_tool=ansible', PLAYBOOK], {
    ANSIBLE_STDOUT_CALLBACK: 'json',
    ANSIBLE_LOAD_CALLBACK_PLUGINS: '1',
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_RETRY_FILES_ENABLED: '0',
  });
  if (r.code !== 0) fail(`ansible-playbook exited ${r.code}`, r.stderr || r.stdout);
  const doc = JSON.parse(r.stdout.slice(r.stdout.search(/^\{/m)));
  return { seconds: r.seconds, changed: total(doc.stats, 'changed'), ok: total(doc.stats, 'ok') };
}

async function harunRun(lab, rssDir, round) {
  const rssFile = join(rssDir, `rss-${round}`);
  const r = await run(
    process.execPath,
    ['--import', PEAK_RSS_HOOK, CLI, PLAYBOOK, '-i', lab.inventory, '--limit', HOSTS.join(','), '-f', FORKS, '-e', 'bench_tool=harun', '--json'],
    { HA_RUN_PEAK_RSS_FILE: rssFile },
  );
  if (r.code !== 0) fail(`ha-run exited ${r.code}`, r.stderr || r.stdout);
  const end = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).find((e) => e.event === 'run_end');
  if (!end) fail('ha-run printed no run_end event', r.stdout);
  const peakKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  return { seconds: r.seconds, runSeconds: end.durationMs / 1000, changed: total(end.stats, 'changed'), ok: total(end.stats, 'ok'), peakMb: peakKb / 1024 };
}

/** The run with the median wall time (odd counts; the lower middle for even). */
function median(runs) {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)];
}

async function main() {
  if (!existsSync(CLI)) fail(`${CLI} is missing: run \`npm run build\` first`);
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
  const lab = await labDescription();
  const rssDir = mkdtempSync(join(tmpdir(), 'ha-run-bench-'));
  try {
    // Each round: for each tool a first run from clean directories, then a re-run on the converged
    // hosts. Rounds alternate the tools, so a change in the machine's load hits both alike.
    const harun = { first: [], again: [] };
    const ansible = { first: [], again: [] };
    for (let round = 1; round <= rounds; round++) {
      await clean(lab, 'harun');
      harun.first.push(await harunRun(lab, rssDir, `${round}-1`));
      harun.again.push(await harunRun(lab, rssDir, `${round}-2`));
      await clean(lab, 'ansible');
      ansible.first.push(await ansibleRun(lab));
      ansible.again.push(await ansibleRun(lab));
    }
    const [h1, h2, a1, a2] = [median(harun.first), median(harun.again), median(ansible.first), median(ansible.again)];

    const tasks = 20;
    const row = (label, a, h) =>
      `${label.padEnd(9)} ansible ${a.seconds.toFixed(2).padStart(7)} s (changed=${a.changed})   ha-run ${h.seconds.toFixed(2).padStart(6)} s (changed=${h.changed})   ansible/ha-run ${(a.seconds / h.seconds).toFixed(1).padStart(5)}x`;
    process.stdout.write(`bench20: ${tasks} tasks x ${HOSTS.length} hosts (${HOSTS.join(',')}), forks ${FORKS}, median of ${rounds} round(s) (BENCH_ROUNDS)\n`);
    process.stdout.write(row('first run', a1, h1) + '\n');
    process.stdout.write(row('re-run', a2, h2) + '\n');
    const all = (runs) => runs.map((r) => r.seconds.toFixed(2)).join(' ');
    process.stdout.write(`every run, s: ha-run first ${all(harun.first)}, re-run ${all(harun.again)}; ansible first ${all(ansible.first)}, re-run ${all(ansible.again)}\n`);
    process.stdout.write(`ha-run time inside the run (without process start-up): first run ${h1.runSeconds.toFixed(2)} s, re-run ${h2.runSeconds.toFixed(2)} s\n`);
    const peak = Math.max(...[...harun.first, ...harun.again].map((r) => r.peakMb));
    process.stdout.write(`ha-run peak RSS: ${peak.toFixed(1)} MB\n`);
    const reRunRatio = a2.seconds / h2.seconds;
    process.stdout.write(`re-run target (ha-run at least 20x faster): ${reRunRatio >= 20 ? 'met' : 'NOT met'} (${reRunRatio.toFixed(1)}x)\n`);

    const problems = [];
    for (const r of ansible.again) if (r.changed !== 0) problems.push(`an ansible-playbook re-run reported changed=${r.changed}`);
    for (const r of harun.again) if (r.changed !== 0) problems.push(`an ha-run re-run reported changed=${r.changed}`);
    // Both tools converge the same playbook from clean, so the first runs should change as much.
    if (a1.changed !== h1.changed) {
      process.stdout.write(`warning: first runs differ: ansible changed=${a1.changed}, ha-run changed=${h1.changed}\n`);
    }
    if (problems.length > 0) fail(problems.join('\n'));
  } finally {
    rmSync(rssDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (err) {
  process.stderr.write(`bench:playbook: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
