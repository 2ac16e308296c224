// `ha-run recap`: the event logs of the slices of one run (--slice K/N) merged into one PLAY RECAP and one
// exit code, chosen by the same rules as a run's own (exit-code.ts). Logs that do not add up to one run
// (a slice missing or given twice, different playbooks, a host in two logs, a run that never ended)
// are refused: a merged recap must never hide a slice.
import { ExitCode, HaRunError } from '../errors.js';
import { badEventLog, type LoggedEvent } from '../output/event-log.js';
import { emptyStats, type HostStats, type Slice } from '../output/events.js';
import { exitCodeFor, type StopSignal } from './exit-code.js';

/** One log's run, as its run_start and run_end events tell it. */
export interface SliceRun {
  file: string;
  playbooks: string[];
  check: boolean;
  slice?: Slice;
  stats: Record<string, HostStats>;
  exitCode: number;
  durationMs: number;
  aborted?: string;
}

export interface MergedRecap {
  stats: Record<string, HostStats>;
  exitCode: number;
  /** The longest slice's duration: the slices ran side by side. */
  durationMs: number;
  /** Slices that stopped early, each said with its file: `slice 2/3 (s2.json): interrupted (SIGINT)...`. */
  aborted: string[];
}

const COUNTERS = ['ok', 'changed', 'unreachable', 'failed', 'skipped', 'rescued', 'ignored'] as const;

/** The run of one log; a log without a run_end (a run that never started, or was killed) is refused. */
export function sliceRunOf(file: string, events: readonly LoggedEvent[]): SliceRun {
  const starts = events.filter((e) => e.event === 'run_start');
  if (starts.length > 1) throw badEventLog(file, 'a second run_start: the logs of two runs in one file', starts[1]!.line, 'give each run its own file');
  const start = starts[0];
  const end = events.find((e) => e.event === 'run_end');
  if (!end) {
    const problem = events.find((e) => e.event === 'diagnostic' && e.data.severity === 'error');
    if (problem) {
      const at = problem.data.location as { file?: unknown; line?: unknown; col?: unknown } | undefined;
      const where = at && typeof at.file === 'string' ? ` (${at.file}:${String(at.line)}:${String(at.col)})` : '';
      throw badEventLog(file, `this run did not start: ${String(problem.data.message)}${where}`, problem.line, 'fix it and run the slice again');
    }
    if (start) throw badEventLog(file, 'this run did not finish: no run_end event after its run_start (was it killed?)', start.line, 'run the slice again');
    throw badEventLog(file, 'no run_start or run_end event: not the --json output of an ha-run run');
  }
  if (!start) throw badEventLog(file, 'a run_end without a run_start: the log is cut at its start', end.line);
  const playbooks = start.data.playbooks;
  if (!Array.isArray(playbooks) || !playbooks.every((p) => typeof p === 'string')) throw badEventLog(file, 'run_start has no list of playbooks', start.line);
  const exitCode = end.data.exitCode;
  if (typeof exitCode !== 'number' || !Number.isInteger(exitCode)) throw badEventLog(file, 'run_end has no exitCode', end.line);
  const startSlice = sliceOf(start, file);
  const endSlice = sliceOf(end, file);
  if (JSON.stringify(startSlice) !== JSON.stringify(endSlice)) throw badEventLog(file, 'run_start and run_end name different slices: two logs written into one file?', end.line);
  const durationMs = typeof end.data.durationMs === 'number' ? end.data.durationMs : 0;
  return {
    file,
    playbooks: playbooks as string[],
    check: start.data.check === true,
    ...(startSlice ? { slice: startSlice } : {}),
    stats: statsOf(end, file),
    exitCode,
    durationMs,
    ...(typeof end.data.aborted === 'string' ? { aborted: end.data.aborted } : {}),
  };
}

function sliceOf(e: LoggedEvent, file: string): Slice | undefined {
  const s = e.data.slice as { number?: unknown; count?: unknown } | undefined;
  if (s === undefined) return undefined;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;
  if (typeof s !== 'object' || s === null || !whole(s.number) || !whole(s.count) || s.number > s.count) throw badEventLog(file, `${e.event} has a broken slice: ${JSON.stringify(s)}`, e.line);
  return { number: s.number, count: s.count };
}

function statsOf(end: LoggedEvent, file: string): Record<string, HostStats> {
  const written = end.data.stats;
  if (written === null || typeof written !== 'object' || Array.isArray(written)) throw badEventLog(file, 'run_end has no stats', end.line);
  const stats: Record<string, HostStats> = {};
  for (const [host, counts] of Object.entries(written as Record<string, unknown>)) {
    const c = (counts ?? {}) as Record<string, unknown>;
    const s = emptyStats();
    for (const k of [...COUNTERS, 'interrupted'] as const) {
      const n = c[k];
      if (n === undefined && k === 'interrupted') continue;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw badEventLog(file, `run_end stats of ${host}: '${k}' is not a count`, end.line);
      s[k] = n;
    }
    stats[host] = s;
  }
  return stats;
}

/** Logs that are each fine but are not the slices of one run (the message names the files). */
function notOneRun(message: string, hint = 'merge the logs of all the slices of one run'): HaRunError {
  return new HaRunError('invalid-event-log', message, { exitCode: ExitCode.invalidInput, hint });
}

const name = (run: SliceRun) => (run.slice ? `slice ${run.slice.number}/${run.slice.count} (${run.file})` : run.file);

/** The slices' runs as one: refused unless they are exactly the slices of one run. */
export function mergeSliceRuns(runs: readonly SliceRun[]): MergedRecap {
  const first = runs[0];
  if (!first) throw new HaRunError('bad-option', 'no event logs given', { exitCode: ExitCode.badOptions });
  for (const run of runs.slice(1)) {
    if (JSON.stringify(run.playbooks) !== JSON.stringify(first.playbooks)) {
      throw notOneRun(`${run.file} is a log of other playbooks (${run.playbooks.join(', ')}) than ${first.file} (${first.playbooks.join(', ')})`);
    }
    if (run.check !== first.check) throw notOneRun(`${run.file} is a log of a run ${run.check ? 'with' : 'without'} --check, unlike ${first.file}`);
  }
  checkSlices(runs);
  const stats: Record<string, HostStats> = {};
  const owner = new Map<string, SliceRun>();
  for (const run of runs) {
    for (const [host, s] of Object.entries(run.stats)) {
      const other = owner.get(host);
      if (other) throw notOneRun(`host ${host} is in two logs: ${name(other)} and ${name(run)}`, 'each host is in one slice only: merge the logs of the slices of one run');
      owner.set(host, run);
      stats[host] = { ...s };
    }
  }
  return {
    stats,
    exitCode: mergedExitCode(runs, stats),
    durationMs: Math.max(...runs.map((r) => r.durationMs)),
    aborted: runs.filter((r) => r.aborted !== undefined).map((r) => `${name(r)}: ${r.aborted}`),
  };
}

/** With slice info, every slice of one K/N once; logs without it (a run split by --limit) all lack it. */
function checkSlices(runs: readonly SliceRun[]): void {
  const sliced = runs.filter((r) => r.slice);
  if (sliced.length === 0) return;
  const unsliced = runs.find((r) => !r.slice);
  if (unsliced) throw notOneRun(`${unsliced.file} is a log of a run without --slice, unlike ${name(sliced[0]!)}`);
  const count = sliced[0]!.slice!.count;
  const seen = new Map<number, SliceRun>();
  for (const run of sliced) {
    if (run.slice!.count !== count) throw notOneRun(`${name(run)} is not one of ${count} slices, as ${name(sliced[0]!)} is`);
    const twice = seen.get(run.slice!.number);
    if (twice) throw notOneRun(`slice ${run.slice!.number}/${count} is given twice: ${twice.file} and ${run.file}`);
    seen.set(run.slice!.number, run);
  }
  const missing = Array.from({ length: count }, (_v, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) {
    const given = [...seen.values()].map(name).join(', ');
    throw notOneRun(`slice${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${count}`).join(', ')} missing (given: ${given})`, `give the logs of all ${count} slices`);
  }
}

/** As a run's own: stopped by a signal in any slice first, then unreachable, then failed. A slice that
 *  exited non-zero for another reason still makes the merged code non-zero. */
function mergedExitCode(runs: readonly SliceRun[], stats: Record<string, HostStats>): number {
  const codes = runs.map((r) => r.exitCode);
  const stoppedBy: StopSignal | undefined = codes.includes(ExitCode.terminated) ? 'SIGTERM' : codes.includes(ExitCode.interrupted) ? 'SIGINT' : undefined;
  const all = Object.values(stats);
  const code = exitCodeFor({ anyUnreachable: () => all.some((s) => s.unreachable > 0), anyFailed: () => all.some((s) => s.failed > 0) }, stoppedBy);
  return code !== ExitCode.ok ? code : (codes.find((c) => c !== ExitCode.ok) ?? ExitCode.ok);
}
