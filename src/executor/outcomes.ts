// What a task did on a host, as recorded and reported: statuses, the censored event, and failures that
// happen outside any module (unreachable hosts, includes that cannot load).
import { ValidationError } from '../errors.js';
import type { FileDiff, ModuleResult } from '../modules/types.js';
import type { HostResultEvent, HostStatus, TaskInfo } from '../output/events.js';
import { censored } from '../output/mask.js';
import type { PlayContext } from './context.js';
import { withoutUnsafe, type ConnectionError } from './deps.js';

export interface HostOutcome {
  host: string;
  status: HostStatus;
  ignored: boolean;
  result: Record<string, unknown>;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function skippedResult(failedCondition: string | undefined): ModuleResult {
  return { changed: false, skipped: true, skip_reason: 'Conditional result was False', ...(failedCondition ? { false_condition: failedCondition } : {}) };
}

/** Whether the task failed, as Ansible decides it: a failed_when verdict, when there is one, wins over `failed`
 *  (an `until` that ran out of attempts sets `failed`, yet `failed_when: false` keeps the task from failing). */
export function isFailed(result: ModuleResult): boolean {
  if ('failed_when_result' in result) return Boolean(result.failed_when_result);
  return result.failed === true;
}

export function statusOf(result: ModuleResult): HostStatus {
  if (isFailed(result)) return 'failed';
  if (result.skipped) return 'skipped';
  return result.changed ? 'changed' : 'ok';
}

/**
 * What a result shows of the facts it carries. `facts` is the executor's own copy (never shown); a module
 * whose output is its facts (setup) shows `ansible_facts`; debug shows what it was asked for, even a
 * variable named `ansible_facts`; other modules' facts are already in the variables they set.
 */
function shownResult(info: TaskInfo, text: ModuleResult): Record<string, unknown> {
  const { facts: _f, ...withFacts } = text;
  if (info.output === 'facts' || info.output === 'show-result') return info.output === 'show-result' ? text : withFacts;
  const { ansible_facts: _af, ...shown } = withFacts;
  return shown;
}

/**
 * The diffs to show: a module's list of file diffs, or the one mapping a module registers in Ansible's
 * shape (known_hosts: before/after with their headers).
 */
export function shownDiffs(diff: unknown): FileDiff[] | undefined {
  if (Array.isArray(diff)) return diff as FileDiff[];
  if (!diff || typeof diff !== 'object') return undefined;
  const d = diff as Record<string, unknown>;
  if (typeof d.before !== 'string' || typeof d.after !== 'string') return undefined;
  const header = typeof d.after_header === 'string' ? d.after_header : typeof d.before_header === 'string' ? d.before_header : undefined;
  return [{ ...(header === undefined ? {} : { path: header }), before: d.before, after: d.after }];
}

/**
 * The event reporters see: censored under no_log, facts shown only where they are the result (see
 * shownResult), diffs only when the task ran in diff mode.
 */
export function resultEvent(
  host: string,
  info: TaskInfo,
  result: ModuleResult,
  noLog: boolean,
  started: number,
  options: { delegatedTo?: string; showDiff?: boolean } = {},
): HostResultEvent {
  const { delegatedTo, showDiff } = options;
  // Reporters print text: unsafe values (loop items, debug's var=) are shown as the text they hold.
  const text = withoutUnsafe(result) as ModuleResult;
  return {
    host,
    task: info,
    status: statusOf(result),
    ...(delegatedTo ? { delegatedTo } : {}),
    ...(noLog
      ? { result: censored(result) }
      : {
          msg: typeof text.msg === 'string' ? text.msg : undefined,
          reasons: text.reasons,
          diff: showDiff ? shownDiffs(text.diff) : undefined,
          result: shownResult(info, text),
        }),
    durationMs: Date.now() - started,
  };
}

/** A failure outside any module (an include that cannot be loaded or rendered): recorded like a failed task. */
export async function recordFailure(pc: PlayContext, host: string, info: TaskInfo, err: unknown, options: { ignored?: boolean; register?: string } = {}): Promise<void> {
  const msg = err instanceof ValidationError ? err.diagnostics.map((d) => d.message).join('; ') : errorMessage(err);
  const state = pc.run.hosts.get(host);
  const result = { changed: false, failed: true, msg };
  if (options.register) state.hostFacts[options.register] = result;
  if (options.ignored) {
    pc.run.stats.record(host, 'ignored');
    await pc.run.report.hostResult({ host, task: info, status: 'failed', ignored: true, msg, result, durationMs: 0 });
    return;
  }
  state.failed = true;
  state.lastFailure = { task: { name: info.name, action: info.module, module: info.module, file: info.location?.file, line: info.location?.line }, result };
  pc.run.stats.record(host, 'failed');
  await pc.run.report.hostResult({ host, task: info, status: 'failed', msg, result, durationMs: 0 });
}

/** The run was stopped (Ctrl-C, SIGTERM) while the task ran on the host: what it did there is unknown. */
export async function recordInterrupted(pc: PlayContext, host: string, info: TaskInfo, started: number, partial?: ModuleResult): Promise<HostOutcome> {
  pc.run.stats.record(host, 'interrupted');
  const msg = 'the run was stopped while this task was running: its effect on this host is unknown (run again to converge)';
  const result = { ...(partial?.results ? { results: partial.results } : {}), changed: false, interrupted: true, msg };
  await pc.run.report.hostResult({ host, task: info, status: 'interrupted', msg, result, durationMs: Date.now() - started });
  return { host, status: 'interrupted', ignored: false, result };
}

export async function recordUnreachable(pc: PlayContext, host: string, info: TaskInfo, err: ConnectionError, started: number): Promise<HostOutcome> {
  const state = pc.run.hosts.get(host);
  state.unreachable = true;
  pc.run.stats.record(host, 'unreachable');
  const result = { changed: false, unreachable: true, msg: err.message };
  await pc.run.report.unreachable({
    host,
    // A delegated task's target being unreachable counts against the host, shown as `host -> target`.
    ...(err.host !== host ? { delegatedTo: err.host } : {}),
    task: info,
    status: 'unreachable',
    msg: err.message,
    errorCode: err.code,
    hint: err.hint,
    result,
    durationMs: Date.now() - started,
  });
  return { host, status: 'unreachable', ignored: false, result };
}
