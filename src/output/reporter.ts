// The reporter interface: optional hooks the executor calls. It never knows which reporters listen
// (live view, plain lines, JSON, log file), so it never imports listr2.
import type { HostKeyRecordedEvent, HostResultEvent, IncludedEvent, PlayEndEvent, PlayStartEvent, RetryEvent, RunEndEvent, RunStartEvent, TaskEndEvent, TaskStartEvent, WarningEvent } from './events.js';

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
  /** A host key was recorded on first use: always announced. */
  hostKeyRecorded?(e: HostKeyRecordedEvent): Awaitable;
  warning?(e: WarningEvent): Awaitable;
  /** Every host of the task (or handler) has its result (derived by task-ends.ts, not called by the executor). */
  taskEnd?(e: TaskEndEvent): Awaitable;
  /** The play, or its serial batch, is done (derived by task-ends.ts too). */
  playEnd?(e: PlayEndEvent): Awaitable;
  runEnd?(e: RunEndEvent): Awaitable;
}

export type Hook = keyof Reporter;

/** Every hook, in the order a run calls them. */
export const HOOKS = [
  'runStart',
  'playStart',
  'taskStart',
  'handlerStart',
  'itemResult',
  'hostResult',
  'unreachable',
  'included',
  'retrying',
  'hostKeyRecorded',
  'warning',
  'taskEnd',
  'playEnd',
  'runEnd',
] as const satisfies readonly Hook[];

type AnyHook = (e: unknown) => Awaitable;

/** Calls each hook on every reporter in turn; a missing hook is simply skipped. */
export function fanOut(reporters: Reporter[]): Required<Reporter> {
  const all = {} as Record<Hook, AnyHook>;
  for (const hook of HOOKS) {
    all[hook] = async (e: unknown) => {
      for (const r of reporters) {
        const fn = r[hook] as AnyHook | undefined;
        if (fn) await fn.call(r, e);
      }
    };
  }
  return all as Required<Reporter>;
}
