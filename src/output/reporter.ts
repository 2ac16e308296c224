// The reporter interface: optional hooks the executor calls. It never knows which reporters listen
// (live view, plain lines, JSON, log file), so it never imports listr2.
import type { HostResultEvent, IncludedEvent, RetryEvent, PlayStartEvent, RunEndEvent, RunStartEvent, TaskStartEvent } from './events.js';

type Awaitable = void | Promise<void>;

export interface Reporter {
  runStart?(e: RunStartEvent): Awaitable;
  playStart?(e: PlayStartEvent): Awaitable;
  taskStart?(e: TaskStartEvent): Awaitable;
  handlerStart?(e: TaskStartEvent): Awaitable;
  /** One item of a loop finished on a host. */
  itemResult?(e: HostResultEvent): Awaitable;
  /** A task finished on a host (ok, changed, failed or skipped). */
  hostResult?(e: HostResultEvent): Awaitable;
  /** A host could not be reached or authenticated for a task. */
  unreachable?(e: HostResultEvent): Awaitable;
  included?(e: IncludedEvent): Awaitable;
  retrying?(e: RetryEvent): Awaitable;
  warning?(message: string): Awaitable;
  /** Plays that list hosts/tasks/tags instead of running (--list-*). */
  listing?(text: string): Awaitable;
  runEnd?(e: RunEndEvent): Awaitable;
}

type Hook = keyof Reporter;

/** Calls each hook on every reporter in turn; a missing hook is simply skipped. */
export function fanOut(reporters: Reporter[]): Required<Reporter> {
  const call =
    <K extends Hook>(hook: K) =>
    async (e: Parameters<NonNullable<Reporter[K]>>[0]) => {
      for (const r of reporters) {
        const fn = r[hook] as ((arg: typeof e) => Awaitable) | undefined;
        if (fn) await fn.call(r, e);
      }
    };
  return {
    runStart: call('runStart'),
    playStart: call('playStart'),
    taskStart: call('taskStart'),
    handlerStart: call('handlerStart'),
    itemResult: call('itemResult'),
    hostResult: call('hostResult'),
    unreachable: call('unreachable'),
    included: call('included'),
    retrying: call('retrying'),
    warning: call('warning'),
    listing: call('listing'),
    runEnd: call('runEnd'),
  };
}
