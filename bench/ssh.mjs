// Per-command latency on the bench lab's five hosts, all at once: the persistent framed shell against a new
// exec channel per command, plus independent commands issued together (pipelined: one write, one round trip). Needs `npm run build`; brings the bench lab (bench/lab.yml) up.
// Not a timed test: it prints numbers for people to read.
import { connect } from '../dist/connection/connect.js';
import { benchLab, containers, labHint } from './lib/common.mjs';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 200);
const BATCH = 10;

function varsFor(description, host) {
  const info = description.hosts[host];
  if (!info) throw new Error(`lab ${description.name} has no host ${host}`);
  return {
    inventory_hostname: host,
    ansible_host: '127.0.0.1',
    ansible_port: info.port,
    ansible_user: 'root',
    ansible_ssh_private_key_file: description.privateKey,
    ansible_ssh_common_args: `-o UserKnownHostsFile=${description.knownHosts}`,
  };
}

/** Runs `run` COMMANDS times in a row, returning each call's duration in ms. */
async function timed(run) {
  const times = [];
  for (let i = 0; i < COMMANDS; i++) {
    const start = process.hrtime.bigint();
    const r = await run(`echo ${i}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.stdout !== `${i}\n`) throw new Error(`unexpected output ${JSON.stringify(r.stdout)}`);
  }
  return times;
}

/** COMMANDS commands in batches of BATCH issued together; each command's share of its batch's time. */
async function timedBatches(conn) {
  const times = [];
  for (let i = 0; i < COMMANDS; i += BATCH) {
    const start = process.hrtime.bigint();
    const results = await Promise.all(Array.from({ length: BATCH }, (_, j) => conn.exec(`echo ${i + j}`)));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    results.forEach((r, j) => {
      if (r.stdout !== `${i + j}\n`) throw new Error(`unexpected output ${JSON.stringify(r.stdout)}`);
    });
    for (let j = 0; j < BATCH; j++) times.push(ms / BATCH);
  }
  return times;
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

const description = await benchLab();
const HOSTS = containers(description);
const started = Date.now();
const conns = await Promise.all(HOSTS.map((h) => connect(varsFor(description, h))));
console.log(`connected to ${HOSTS.length} hosts in ${Date.now() - started} ms; ${COMMANDS} commands per host, all hosts at once\n`);
await Promise.all(conns.map((c) => c.exec('true'))); // open the shells before measuring

const modes = {
  'persistent shell': (c) => timed((cmd) => c.exec(cmd)),
  'new exec channel': (c) => timed((cmd) => c.execOnChannel(cmd)),
  [`shell, ${BATCH} at once`]: (c) => timedBatches(c),
};
console.log('mode                  median ms    p95 ms   (per command)');
for (const [name, measure] of Object.entries(modes)) {
  const perHost = await Promise.all(conns.map((c) => measure(c)));
  const { median, p95 } = stats(perHost.flat());
  console.log(`${name.padEnd(21)} ${median.toFixed(2).padStart(9)} ${p95.toFixed(2).padStart(9)}`);
}
await Promise.all(conns.map((c) => c.close()));
process.stdout.write(labHint(description));
