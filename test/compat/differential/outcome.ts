// What one tool reported for one task on one host, in a form both tools can be reduced to.

export type TaskStatus = 'ok' | 'changed' | 'failed' | 'skipped';

export interface TaskOutcome {
  /** Play name: each play of the differential playbook is one case. */
  play: string;
  task: string;
  status: TaskStatus;
  /** Per loop item, in order, when the task has a loop. */
  items?: TaskStatus[];
}

/** Ansible's precedence when a result carries several flags: failed beats skipped beats changed. */
export function statusOf(result: { failed?: unknown; skipped?: unknown; changed?: unknown }): TaskStatus {
  if (result.failed === true) return 'failed';
  if (result.skipped === true) return 'skipped';
  if (result.changed === true) return 'changed';
  return 'ok';
}

/** One line per task, easy to read in a test diff: `task name: changed [ok,changed]`. */
export function outcomeLine(o: TaskOutcome): string {
  return `${o.task}: ${o.status}${o.items ? ` [${o.items.join(',')}]` : ''}`;
}
