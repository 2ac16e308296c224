// What the bench scripts share: running the two tools, the bench lab, inventories of aliases, cleaning
// the hosts between runs, and printing targets. Benchmarks only print numbers: they exit non-zero when a
// run fails or a converged re-run reports changes, never because of a time.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// HA_RUN_CLI points at another build (e.g. one made into a scratch directory while dist/ is busy).
export const CLI = process.env.HA_RUN_CLI ?? join(ROOT, 'dist', 'ha-run.js');
export const BENCH20 = join(ROOT, 'bench', 'fixtures', 'bench20.yml');
const CONTROLLER_STATS_HOOK = join(ROOT, 'bench', 'fixtures', 'controller-stats.mjs');
const BENCH_LAB_FILE = join(ROOT, 'bench', 'lab.yml');

/** Runs a program, collecting output; resolves with the exit code and wall time. */
export function run(program, args, env = {}) {
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

/**
 * `run`, also measuring the CPU time (user + system, seconds) the program and the children it waited for
 * used: bash's `times` after it. Unlike wall time it depends little on what else the machine runs.
 * ssh's ControlPersist master leaves the process tree, so ansible-playbook's count misses it.
 */
export async function runCounted(program, args, env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-bench-'));
  const file = join(dir, 'times');
  try {
    const r = await run('bash', ['-c', '"$@"; rc=$?; times >"$BENCH_TIMES_FILE"; exit $rc', 'bench', program, ...args], { ...env, BENCH_TIMES_FILE: file });
    const children = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n')[1] ?? '' : '';
    const cpuSeconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
    return { ...r, cpuSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Stops the bench with a message (and the useful end of a tool's output); the script's main reports it. */
export function fail(message, detail = '') {
  throw new Error(`${message}${detail ? `\n${detail.slice(-4000)}` : ''}`);
}

/** Runs a bench's main, printing a failure as one message and setting the exit code. */
export async function main(name, body) {
  try {
    if (!existsSync(CLI)) fail(`${CLI} is missing: run \`npm run build\` first`);
    await body();
  } catch (err) {
    process.stderr.write(`${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

/** The bench lab's name for this checkout: labs belong to the `.ha-run` that made them (as the test lab's). */
function benchLabName() {
  const state = join(ROOT, '.ha-run');
  mkdirSync(state, { recursive: true });
  return `habench-${createHash('sha256').update(realpathSync(state)).digest('hex').slice(0, 6)}`;
}

/** Brings the bench lab (bench/lab.yml) up, or reuses it, and returns its description (lab.json). */
export async function benchLab() {
  const name = benchLabName();
  const copy = join(mkdtempSync(join(tmpdir(), 'ha-run-bench-lab-')), 'lab.yml');
  writeFileSync(copy, readFileSync(BENCH_LAB_FILE, 'utf8').replace(/^name: .*$/m, `name: ${name}`));
  const up = await run(process.execPath, [CLI, 'lab', 'up', copy]);
  if (up.code !== 0) fail(`could not bring the bench lab ${name} up`, up.stderr || up.stdout);
  const file = join(ROOT, '.ha-run', 'labs', name, 'lab.json');
  if (!existsSync(file)) fail(`the lab description ${file} is missing after 'lab up'`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Lets each container's sshd take as many logins at once as the hosts aliased to it may start: sshd's
 * default MaxStartups (10:30:100) drops connections at random beyond ten unfinished logins, which a few
 * dozen aliases of one container reach (a fleet has one sshd per host). Both tools get the same room.
 */
export async function roomForAliases(lab) {
  const { execInHost } = await import('../../dist/lab/host-control.js');
  const setting = 'MaxStartups 200:30:400';
  await Promise.all(
    containers(lab).map(async (host) => {
      const r = await execInHost(
        lab.name,
        host,
        `f=/etc/ssh/sshd_config.d/zz-bench-aliases.conf; grep -qx '${setting}' "$f" 2>/dev/null && exit 0; echo '${setting}' > "$f" && kill -HUP "$(cat /run/sshd.pid)"`,
      );
      if (r.exitCode !== 0) fail(`could not raise MaxStartups on ${host}`, r.stderr);
    }),
  );
  // sshd re-executes itself on SIGHUP: wait until each listens again.
  for (const host of containers(lab)) {
    for (let i = 0; i < 50; i++) {
      const r = await run('ssh', ['-i', lab.privateKey, '-p', String(lab.hosts[host].port), '-o', `UserKnownHostsFile=${lab.knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes', 'root@127.0.0.1', 'true']);
      if (r.code === 0) break;
      await new Promise((resume) => setTimeout(resume, 100));
    }
  }
}

/** The bench lab's containers, in name order. */
export function containers(lab) {
  return Object.keys(lab.hosts).sort();
}

/** How to remove the bench lab, printed at the end of each bench. */
export function labHint(lab) {
  return `the bench lab stays up for the next bench; remove it with: node dist/ha-run.js lab down ${lab.name}\n`;
}

/**
 * Writes an inventory of `count` hosts in group `nodes`, host i an alias of container i mod the lab's
 * size (so consecutive hosts land on different containers). `portOf(container)` gives the port to
 * connect to (the published one, or a relay's); `knownHosts` the file that vouches for it.
 */
export function aliasInventory(lab, dir, count, { portOf = (c) => lab.hosts[c].port, knownHosts = lab.knownHosts } = {}) {
  const names = containers(lab);
  const width = String(count).length;
  const hosts = {};
  for (let i = 0; i < count; i++) {
    const container = names[i % names.length];
    hosts[`h${String(i + 1).padStart(width, '0')}-${container}`] = { ansible_port: portOf(container) };
  }
  const inventory = {
    all: {
      vars: {
        ansible_host: '127.0.0.1',
        ansible_user: 'root',
        ansible_ssh_private_key_file: lab.privateKey,
        ansible_ssh_common_args: `-o UserKnownHostsFile=${knownHosts} -o StrictHostKeyChecking=yes`,
        ansible_python_interpreter: '/usr/bin/python3',
      },
      children: { nodes: { hosts } },
    },
  };
  const file = join(dir, `inventory-${count}.yml`);
  writeFileSync(file, JSON.stringify(inventory, null, 1) + '\n'); // JSON is YAML: both tools read it
  return { file, hosts: Object.keys(hosts) };
}

/** Removes one tool's bench directories on every container with the plain ssh client (neither tool involved). */
export async function cleanBenchDirs(lab, tool) {
  await Promise.all(
    containers(lab).map(async (name) => {
      const r = await run('ssh', [
        '-i', lab.privateKey, '-p', String(lab.hosts[name].port),
        '-o', `UserKnownHostsFile=${lab.knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes',
        'root@127.0.0.1', `rm -rf /tmp/habench-${tool}-*`,
      ]);
      if (r.code !== 0) fail(`cleaning ${name} failed`, r.stderr);
    }),
  );
}

/** Sums a recap counter over every host of a run. */
function total(stats, key) {
  return Object.values(stats ?? {}).reduce((sum, s) => sum + (s?.[key] ?? 0), 0);
}

/** ansible-playbook with pipelining on, forks = `forks`, JSON callback; the recap summed over hosts. */
export async function ansibleRun(inventory, forks, playbook = BENCH20) {
  const r = await runCounted('ansible-playbook', ['-i', inventory, '-f', String(forks), '-e', 'bench_tool=ansible', playbook], {
    ANSIBLE_STDOUT_CALLBACK: 'json',
    ANSIBLE_LOAD_CALLBACK_PLUGINS: '1',
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_RETRY_FILES_ENABLED: '0',
    ANSIBLE_PIPELINING: '1',
  });
  if (r.code !== 0) fail(`ansible-playbook exited ${r.code}`, r.stderr || r.stdout);
  const doc = JSON.parse(r.stdout.slice(r.stdout.search(/^\{/m)));
  return { seconds: r.seconds, cpuSeconds: r.cpuSeconds, changed: total(doc.stats, 'changed'), ok: total(doc.stats, 'ok') };
}

/**
 * ha-run with --json, its controller's peak RSS and event-loop delay recorded by a preload
 * (fixtures/controller-stats.mjs). Returns the wall time, the run's own time, the recap summed over
 * hosts, the run_end event's round trips per host, and the controller figures.
 */
export async function harunRun(inventory, forks, playbook = BENCH20) {
  const statsDir = mkdtempSync(join(tmpdir(), 'ha-run-bench-'));
  const statsFile = join(statsDir, 'controller.json');
  const r = await runCounted(
    process.execPath,
    ['--import', CONTROLLER_STATS_HOOK, CLI, playbook, '-i', inventory, '-f', String(forks), '-e', 'bench_tool=harun', '--json'],
    { HA_RUN_CONTROLLER_STATS_FILE: statsFile },
  );
  if (r.code !== 0) fail(`ha-run exited ${r.code}`, r.stderr || r.stdout);
  const end = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).find((e) => e.event === 'run_end');
  if (!end) fail('ha-run printed no run_end event', r.stdout);
  const controller = existsSync(statsFile) ? JSON.parse(readFileSync(statsFile, 'utf8')) : undefined;
  rmSync(statsDir, { recursive: true, force: true });
  return {
    seconds: r.seconds,
    cpuSeconds: r.cpuSeconds,
    runSeconds: end.durationMs / 1000,
    changed: total(end.stats, 'changed'),
    ok: total(end.stats, 'ok'),
    roundTrips: end.roundTrips ?? {},
    controller,
  };
}

/** The run with the median wall time (the lower middle for even counts). */
export function median(runs) {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)];
}

/** min / median / max of numbers, for per-host counts. */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 'none';
  const mid = sorted[Math.floor((sorted.length - 1) / 2)];
  return sorted[0] === sorted.at(-1) ? `${mid}` : `${sorted[0]}/${mid}/${sorted.at(-1)} (min/median/max)`;
}

/** One line comparing a run of each tool: wall times and their ratio, then CPU times and theirs. */
export function comparisonRow(label, a, h) {
  const wall = `ansible ${a.seconds.toFixed(2).padStart(7)} s, ha-run ${h.seconds.toFixed(2).padStart(6)} s: ${(a.seconds / h.seconds).toFixed(1).padStart(5)}x`;
  const cpu = `CPU ${a.cpuSeconds.toFixed(1)} s / ${h.cpuSeconds.toFixed(2)} s: ${(a.cpuSeconds / h.cpuSeconds).toFixed(1)}x`;
  return `  ${label.padEnd(9)} ${wall}   (${cpu}; changed ${a.changed} / ${h.changed})\n`;
}

/** Prints a target as met or NOT met; returns whether it was met. */
export function target(label, met, measured) {
  process.stdout.write(`target ${label}: ${met ? 'met' : 'NOT met'} (${measured})\n`);
  return met;
}

/** Fails the bench when a converged re-run changed something: its times would not be a re-run's. */
export function checkConverged(tool, runs) {
  for (const r of runs) if (r.changed !== 0) fail(`a ${tool} re-run reported changed=${r.changed}`);
}

/** How many rounds a bench makes (BENCH_ROUNDS, default 1: the issue's targets are ratios from one run). */
export function rounds() {
  return Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
}

/** The machine's load when a bench starts: other work on it slows both tools, and ansible-playbook most. */
export function loadNote() {
  return `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (1/5/15 min)`;
}
