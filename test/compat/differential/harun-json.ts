// Reads ha-run's `--json` event stream (one JSON object per line) into per-task outcomes for one host.
import type { TaskOutcome, TaskStatus } from './outcome.js';

interface HaRunEvent {
  event: string;
  name?: string;
  host?: string;
  hosts?: string[];
  item?: string;
  status?: string;
  task?: { name: string; module: string; handler: boolean; role?: string };
  stats?: Record<string, Record<string, number>>;
  exitCode?: number;
  result?: { results?: unknown[] };
}

export interface HaRunReport {
  outcomes: TaskOutcome[];
  stats: Record<string, number> | undefined;
  exitCode: number | undefined;
}

function taskStatus(status: string | undefined, line: string): TaskStatus {
  if (status === 'ok' || status === 'changed' || status === 'failed' || status === 'skipped') return status;
  throw new Error(`unexpected status in ha-run event: ${line}`);
}

/** Ansible names a role's task `role : task` in its results; ha-run keeps the role apart. */
function taskName(task: HaRunEvent['task']): string {
  if (!task) return '';
  return task.role ? `${task.role} : ${task.name}` : task.name;
}

export function harunOutcomes(stdout: string, host: string): HaRunReport {
  const outcomes: TaskOutcome[] = [];
  let play = '';
  let items: TaskStatus[] = [];
  let includeTask: string | undefined;
  // An include_tasks reports `included` events (one per item), not a host result: Ansible lists the
  // include as an ok task with ok items, so it becomes one outcome, placed before the included tasks.
  let includeOutcome: TaskOutcome | undefined;
  let stats: Record<string, number> | undefined;
  let exitCode: number | undefined;
  for (const line of stdout.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    const e = JSON.parse(line) as HaRunEvent;
    if (e.event === 'play_start') {
      play = e.name ?? '';
      includeTask = undefined;
      includeOutcome = undefined;
    } else if (e.event === 'task_start' || e.event === 'handler_start') {
      items = [];
      if (e.task?.module === 'include_tasks') {
        includeTask = taskName(e.task);
        includeOutcome = undefined;
      }
    } else if (e.event === 'included' && includeTask !== undefined && e.hosts?.includes(host)) {
      if (!includeOutcome) {
        includeOutcome = { play, task: includeTask, status: 'ok' };
        outcomes.push(includeOutcome);
      }
      if (e.item !== undefined) (includeOutcome.items ??= []).push('ok');
    } else if (e.event === 'item_result' && e.host === host) items.push(taskStatus(e.status, line));
    else if ((e.event === 'host_result' || e.event === 'unreachable') && e.host === host) {
      if (e.event === 'unreachable') throw new Error(`ha-run could not reach ${host}: ${line}`);
      const outcome: TaskOutcome = { play, task: taskName(e.task), status: taskStatus(e.status, line) };
      // A loop with no items has no item events, only `results: []` (Ansible's callback shows the same).
      if (items.length > 0 || (Array.isArray(e.result?.results) && e.result.results.length === 0)) outcome.items = items;
      items = [];
      outcomes.push(outcome);
    } else if (e.event === 'run_end') {
      stats = e.stats?.[host];
      exitCode = e.exitCode;
    }
  }
  return { outcomes, stats, exitCode };
}
