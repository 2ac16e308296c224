// --slice K/N: one of N deterministic host partitions of a run, so N controllers (a Kubernetes Indexed
// Job, a CI matrix, `xargs -P`) share one run, as AWX job slicing does. The hosts the run targets (every
// play's hosts after --limit, all playbooks together) are sorted by name; the i-th of them (from 0) goes
// to slice i mod N + 1. Sorting makes the partition independent of inventory, pattern and --limit order,
// so every slice given the same command line computes the same partition; round robin keeps the slices'
// sizes within one host of each other.
import { ExitCode, HaRunError } from '../errors.js';
import type { Slice } from '../output/events.js';
import type { PreparedPlaybook } from './prepare.js';

export type { Slice };

const SLICE_FORM = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;

export function parseSlice(text: string): Slice {
  const m = SLICE_FORM.exec(text);
  const bad = (why: string) =>
    new HaRunError('bad-option', `--slice ${why}, not '${text}'`, {
      exitCode: ExitCode.badOptions,
      hint: 'K/N runs the K-th of N host partitions, 1 <= K <= N (a Kubernetes Indexed Job: --slice $((JOB_COMPLETION_INDEX+1))/N)',
    });
  if (!m) throw bad('takes K/N (two whole numbers, e.g. 2/3)');
  const number = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1) throw bad('needs N of at least 1');
  if (!Number.isSafeInteger(number) || number < 1 || number > count) throw bad(`needs K from 1 to N (${count})`);
  return { number, count };
}

/** Code-unit order, never the locale's: every machine sorts host names the same. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which slice (from 1) each host belongs to. */
export function partition(hosts: Iterable<string>, count: number): Map<string, number> {
  const sorted = [...new Set(hosts)].sort(byName);
  return new Map(sorted.map((host, i) => [host, (i % count) + 1]));
}

/**
 * The prepared playbooks narrowed to one slice: each play keeps the hosts of the slice. Hosts that only
 * appear at run time (add_host) were added by this slice's own hosts, so they stay.
 */
export function sliced(prepared: PreparedPlaybook[], slice: Slice): PreparedPlaybook[] {
  const owner = partition(
    prepared.flatMap((p) => p.hostsPerPlay.flat()),
    slice.count,
  );
  const mine = (hosts: string[]) => hosts.filter((h) => (owner.get(h) ?? slice.number) === slice.number);
  return prepared.map((p) => ({ ...p, hostsPerPlay: p.hostsPerPlay.map(mine), rematchHosts: (i: number) => mine(p.rematchHosts(i)) }));
}
