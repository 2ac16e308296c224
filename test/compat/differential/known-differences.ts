// Places where ha-run deliberately reports a task differently from Ansible. Each entry is also a
// row of DIFFERENCES.md (a unit test keeps the two in step). Bugs do not belong here.
import type { TaskOutcome, TaskStatus } from './outcome.js';

export interface KnownDifference {
  case: string;
  task: string;
  ansible: TaskStatus;
  harun: TaskStatus;
  reason: string;
}

export const knownDifferences: KnownDifference[] = [
  {
    case: 'check_mode',
    task: 'a plain command in check mode',
    ansible: 'skipped',
    harun: 'changed',
    reason: "A command without creates/removes cannot be previewed. Ansible skips it silently; ha-run reports it as a change it would make ('would run: <command>'), so a dry run never hides work.",
  },
];

/**
 * ha-run's outcomes with each documented difference mapped to Ansible's status, only where both
 * tools said exactly what the entry says; anything else stays as reported.
 */
export function reconcile(
  harun: TaskOutcome[],
  ansible: TaskOutcome[],
  known: KnownDifference[] = knownDifferences,
): { outcomes: TaskOutcome[]; applied: KnownDifference[] } {
  const applied: KnownDifference[] = [];
  const outcomes = harun.map((h) => {
    const d = known.find((k) => k.case === h.play && k.task === h.task && k.harun === h.status);
    const a = ansible.find((o) => o.play === h.play && o.task === h.task);
    if (!d || !a || a.status !== d.ansible) return h;
    applied.push(d);
    return { ...h, status: a.status };
  });
  return { outcomes, applied };
}

// How one task with a status moves Ansible's recap counters ('ok' includes 'changed', as in Ansible).
const RECAP_COUNTS: Record<TaskStatus, Partial<Record<string, number>>> = {
  ok: { ok: 1 },
  changed: { ok: 1, changed: 1 },
  skipped: { skipped: 1 },
  failed: { failed: 1 },
};

/** Ansible's recap as ha-run should print it, given the documented differences that applied. */
export function expectedRecap(ansible: Record<string, number>, applied: KnownDifference[]): Record<string, number> {
  const expected = { ...ansible };
  for (const d of applied) {
    for (const [k, v] of Object.entries(RECAP_COUNTS[d.ansible])) expected[k] = (expected[k] ?? 0) - v!;
    for (const [k, v] of Object.entries(RECAP_COUNTS[d.harun])) expected[k] = (expected[k] ?? 0) + v!;
  }
  return expected;
}
