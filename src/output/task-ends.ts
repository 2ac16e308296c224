// `task_end` and `play_end`: the executor reports starts and results; the ends follow from them (the
// linear strategy runs one task at a time), so they are derived here, once, for every reporter.
import { emptyCounts, type HostResultEvent, type PlayStartEvent, type TaskStartEvent } from './events.js';
import type { Reporter } from './reporter.js';

interface OpenTask {
  start: TaskStartEvent;
  started: number;
  /** The last status per host: a loop's items come before its summary result. */
  results: Map<string, HostResultEvent>;
}

export function withEndEvents(inner: Required<Reporter>, now: () => number = Date.now): Required<Reporter> {
  let task: OpenTask | undefined;
  let play: { start: PlayStartEvent; started: number } | undefined;

  const endTask = async () => {
    if (!task) return;
    const open = task;
    task = undefined;
    const counts = emptyCounts();
    for (const r of open.results.values()) {
      counts[r.status] += 1;
      if (r.ignored) counts.ignored += 1;
    }
    await inner.taskEnd({ task: open.start.task, hosts: open.start.hosts, counts, durationMs: now() - open.started });
  };
  const endPlay = async () => {
    await endTask();
    if (!play) return;
    const open = play;
    play = undefined;
    await inner.playEnd({ name: open.start.name, hosts: open.start.hosts, ...(open.start.batch ? { batch: open.start.batch } : {}), durationMs: now() - open.started });
  };
  const record = (e: HostResultEvent) => task?.results.set(e.host, e);

  return {
    ...inner,
    async playStart(e) {
      await endPlay();
      play = { start: e, started: now() };
      await inner.playStart(e);
    },
    async taskStart(e) {
      await endTask();
      task = { start: e, started: now(), results: new Map() };
      await inner.taskStart(e);
    },
    async handlerStart(e) {
      await endTask();
      task = { start: e, started: now(), results: new Map() };
      await inner.handlerStart(e);
    },
    async hostResult(e) {
      record(e);
      await inner.hostResult(e);
    },
    async unreachable(e) {
      record(e);
      await inner.unreachable(e);
    },
    async runEnd(e) {
      await endPlay();
      await inner.runEnd(e);
    },
  };
}
