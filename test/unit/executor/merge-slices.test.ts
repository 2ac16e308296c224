// `ha-run recap`: the slices' event logs merged into one recap and exit code, and every way logs can
// fail to be the slices of one run refused with a message naming the file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HaRunError } from '../../../src/errors.js';
import { mergeSliceRuns, sliceRunOf, type SliceRun } from '../../../src/executor/merge-slices.js';
import { readEventLog, type LoggedEvent } from '../../../src/output/event-log.js';
import { emptyStats, type HostStats, type Slice } from '../../../src/output/events.js';

const stats = (counts: Partial<HostStats> = {}): HostStats => ({ ...emptyStats(), ok: 2, ...counts });

function log(o: { slice?: Slice; stats?: Record<string, HostStats>; exitCode?: number; playbooks?: string[]; check?: boolean; aborted?: string } = {}): LoggedEvent[] {
  const slice = o.slice ? { slice: o.slice } : {};
  return [
    { event: 'run_start', line: 1, data: { playbooks: o.playbooks ?? ['/site.yml'], check: o.check ?? false, diff: false, ...slice } },
    { event: 'play_start', line: 2, data: {} },
    { event: 'run_end', line: 3, data: { stats: o.stats ?? {}, exitCode: o.exitCode ?? 0, durationMs: 5, ...slice, ...(o.aborted ? { aborted: o.aborted } : {}) } },
  ];
}

const run = (file: string, o: Parameters<typeof log>[0]): SliceRun => sliceRunOf(file, log(o));

/** Three slices of one run; `third` overrides what slice 3 says. */
function threeSlices(third: Parameters<typeof log>[0] = {}): SliceRun[] {
  return [
    run('s1', { slice: { number: 1, count: 3 }, stats: { node1: stats(), node4: stats({ changed: 1 }) } }),
    run('s2', { slice: { number: 2, count: 3 }, stats: { node2: stats(), node5: stats() } }),
    run('s3', { slice: { number: 3, count: 3 }, stats: { node3: stats() }, ...third }),
  ];
}

function refusal(fn: () => unknown): HaRunError {
  try {
    fn();
  } catch (err) {
    if (err instanceof HaRunError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('mergeSliceRuns', () => {
  it('puts every slice\'s hosts into one recap; exit 0 when all succeeded', () => {
    const merged = mergeSliceRuns(threeSlices());
    expect(Object.keys(merged.stats).sort()).toEqual(['node1', 'node2', 'node3', 'node4', 'node5']);
    expect(merged.stats.node4).toEqual(stats({ changed: 1 }));
    expect(merged.exitCode).toBe(0);
    expect(merged.aborted).toEqual([]);
  });

  it('exits as a run would: 2 when a host of one slice failed, 3 when one was unreachable (before failed)', () => {
    expect(mergeSliceRuns(threeSlices({ stats: { node3: stats({ failed: 1 }) }, exitCode: 2 })).exitCode).toBe(2);
    const both = threeSlices({ stats: { node3: stats({ unreachable: 1 }) }, exitCode: 3 });
    both[0] = run('s1', { slice: { number: 1, count: 3 }, stats: { node1: stats({ failed: 1 }) }, exitCode: 2 });
    expect(mergeSliceRuns(both).exitCode).toBe(3);
  });

  it('a slice stopped by Ctrl-C or SIGTERM gives 99 or 143, and says so', () => {
    const merged = mergeSliceRuns(threeSlices({ exitCode: 99, aborted: 'interrupted (SIGINT): connections closed' }));
    expect(merged.exitCode).toBe(99);
    expect(merged.aborted).toEqual(['slice 3/3 (s3): interrupted (SIGINT): connections closed']);
    expect(mergeSliceRuns(threeSlices({ exitCode: 143 })).exitCode).toBe(143);
  });

  it('never hides a slice that exited non-zero, even with clean counters', () => {
    expect(mergeSliceRuns(threeSlices({ exitCode: 2 })).exitCode).toBe(2);
  });

  it('an empty slice (more slices than hosts) is fine', () => {
    expect(mergeSliceRuns(threeSlices({ stats: {} })).exitCode).toBe(0);
  });

  it('merges logs without slice info (a run split by --limit) when no host is in two', () => {
    expect(mergeSliceRuns([run('a', { stats: { x: stats() } }), run('b', { stats: { y: stats({ failed: 1 }) }, exitCode: 2 })]).exitCode).toBe(2);
  });

  it.each<[string, () => SliceRun[], RegExp]>([
    ['a missing slice', () => threeSlices().slice(0, 2), /slice 3\/3 missing \(given: slice 1\/3 \(s1\), slice 2\/3 \(s2\)\)/],
    ['a slice given twice', () => [...threeSlices(), run('s3-again', { slice: { number: 3, count: 3 } })], /slice 3\/3 is given twice: s3 and s3-again/],
    ['slices of another count', () => [...threeSlices().slice(0, 2), run('s3', { slice: { number: 3, count: 4 } })], /slice 3\/4 \(s3\) is not one of 3 slices/],
    ['a log without --slice among slices', () => [...threeSlices(), run('plain', {})], /plain is a log of a run without --slice/],
    ['a host in two logs', () => threeSlices({ stats: { node2: stats() } }), /host node2 is in two logs: slice 2\/3 \(s2\) and slice 3\/3 \(s3\)/],
    ['logs of other playbooks', () => threeSlices({ playbooks: ['/other.yml'] }), /s3 is a log of other playbooks \(\/other.yml\) than s1 \(\/site.yml\)/],
    ['a --check run among real ones', () => threeSlices({ check: true }), /s3 is a log of a run with --check/],
  ])('refuses %s (exit 4)', (_what, runs, message) => {
    const err = refusal(() => mergeSliceRuns(runs()));
    expect(err.message).toMatch(message);
    expect(err.exitCode).toBe(4);
  });
});

describe('sliceRunOf', () => {
  it('reads the playbooks, slice, counters and exit code', () => {
    expect(run('s1', { slice: { number: 1, count: 2 }, stats: { a: stats({ interrupted: 1 }) }, exitCode: 99 })).toEqual({
      file: 's1',
      playbooks: ['/site.yml'],
      check: false,
      slice: { number: 1, count: 2 },
      stats: { a: stats({ interrupted: 1 }) },
      exitCode: 99,
      durationMs: 5,
    });
  });

  it('a run that did not start says why, at the line of its first error', () => {
    const events: LoggedEvent[] = [{ event: 'diagnostic', line: 1, data: { severity: 'error', message: "'x' is never defined", location: { file: 'site.yml', line: 4, col: 9 } } }];
    const err = refusal(() => sliceRunOf('s2', events));
    expect(err.message).toBe("this run did not start: 'x' is never defined (site.yml:4:9)");
    expect(err.location).toEqual({ file: 's2', line: 1, col: 1 });
  });

  it('a run without its run_end was killed; a file without runs is no event log; two runs in one file are refused', () => {
    expect(refusal(() => sliceRunOf('s1', log().slice(0, 2))).message).toMatch(/did not finish: no run_end/);
    expect(refusal(() => sliceRunOf('s1', [])).message).toMatch(/no run_start or run_end event/);
    const twice = [...log(), ...log().map((e) => ({ ...e, line: e.line + 3 }))];
    expect(refusal(() => sliceRunOf('s1', twice)).location).toEqual({ file: 's1', line: 4, col: 1 });
  });

  it('refuses broken counters and slices at the line of the run_end', () => {
    const events = log({ stats: { a: { ...stats(), failed: -1 } } });
    expect(refusal(() => sliceRunOf('s1', events))).toMatchObject({ message: "run_end stats of a: 'failed' is not a count", location: { line: 3 } });
    const slices = log({ slice: { number: 1, count: 2 } });
    slices[2]!.data.slice = { number: 2, count: 2 };
    expect(refusal(() => sliceRunOf('s1', slices)).message).toMatch(/run_start and run_end name different slices/);
  });
});

describe('readEventLog', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-event-log-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('reads one event per line, with its line number; blank lines are skipped', async () => {
    const f = file('ok.jsonl', '{"schema_version":1,"event":"run_start","time":"t"}\n\n{"schema_version":1,"event":"run_end","time":"t"}\n');
    expect((await readEventLog(f)).map((e) => [e.event, e.line])).toEqual([
      ['run_start', 1],
      ['run_end', 3],
    ]);
  });

  it.each([
    ['not JSON', '{"schema_version":1,"event":"a"}\nPLAY RECAP ***\n', 2, /not a JSON event line/],
    ['not an event', '[1, 2]\n', 1, /not an ha-run event/],
    ['another schema version', '{"schema_version":2,"event":"run_start"}\n', 1, /schema_version 2: this ha-run reads version 1/],
  ])('refuses %s at file:line (exit 4)', async (name, text, line, message) => {
    const f = file(`${name}.jsonl`, text);
    const err = await readEventLog(f).then(
      () => undefined,
      (e: unknown) => e as HaRunError,
    );
    expect(err?.message).toMatch(message);
    expect(err?.location).toEqual({ file: f, line, col: 1 });
    expect(err?.exitCode).toBe(4);
  });

  it('a missing file is named', async () => {
    const err = await readEventLog(join(dir, 'nope.jsonl')).then(
      () => undefined,
      (e: unknown) => e as HaRunError,
    );
    expect(err?.message).toBe(`${join(dir, 'nope.jsonl')}: cannot read the event log: file not found`);
    expect(err?.exitCode).toBe(4);
  });
});
