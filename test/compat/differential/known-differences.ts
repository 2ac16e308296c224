// Places where ha-run deliberately reports a task differently from Ansible. Each entry is also a
// row of DIFFERENCES.md (a unit test keeps the two in step). Bugs do not belong here.
import type { TaskOutcome, TaskStatus } from './outcome.js';

export interface KnownDifference {
  case: string;
  task: string;
  ansible: TaskStatus;
  harun: TaskStatus;
  /** Ansible's failure was ignored (`ignore_errors`): its recap counts it as `ok` and `ignored`, not `failed`. */
  ignored?: true;
  reason: string;
}

export const knownDifferences: KnownDifference[] = [
  {
    case: 'chk_text_edits',
    task: 'lineinfile on a missing file fails, ignored',
    ansible: 'failed',
    harun: 'changed',
    ignored: true,
    reason: 'In check mode a file that is missing now may be created by an earlier task of the same run; ha-run reports the edit as a change instead of failing the dry run.',
  },
  {
    case: 'chk_text_edits',
    task: 'replace on a missing file fails, ignored',
    ansible: 'failed',
    harun: 'changed',
    ignored: true,
    reason: 'The same for replace.',
  },
  {
    case: 'mysql_db_user',
    task: 'the table again',
    ansible: 'changed',
    harun: 'ok',
    reason: "CREATE TABLE IF NOT EXISTS on a table that exists changes nothing; community.mysql's mysql_query (with PyMySQL 0.10+) reports changed on every run.",
  },
  {
    case: 'mysql_db_charset_drift',
    task: 'ask for it in utf8',
    ansible: 'ok',
    harun: 'changed',
    reason: "mysql_db corrects an existing database's character set and collation (ALTER DATABASE); community.mysql leaves it in latin1 and says ok.",
  },
  {
    case: 'mysql_replication',
    task: 'point it there again',
    ansible: 'changed',
    harun: 'ok',
    reason: "changeprimary compares the settings with the replica's (SHOW SLAVE STATUS, master.info); community.mysql reports changed on every run.",
  },
  {
    case: 'mysql_replication',
    task: 'start it again',
    ansible: 'changed',
    harun: 'ok',
    reason: 'startreplica is a change only when a replication thread starts; community.mysql reports changed on every run.',
  },
  {
    case: 'mysql_replication',
    task: 'stop it again',
    ansible: 'changed',
    harun: 'ok',
    reason: 'stopreplica is a change only when a replication thread stops; community.mysql reports changed on every run.',
  },
  {
    case: 'mysql_user_settings',
    task: 'the same subject and issuer again',
    ansible: 'changed',
    harun: 'ok',
    reason: "mysql_user compares tls_requires with the account's mysql.user columns; community.mysql reads it from SHOW CREATE USER up to the end of the line, takes an account's resource limits (WITH ...) as part of it, and reports changed on every run.",
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
    // Ansible counts an ignored failure as ok and ignored, not as failed.
    const ansibleCounts = d.ignored ? { ok: 1, ignored: 1 } : RECAP_COUNTS[d.ansible];
    for (const [k, v] of Object.entries(ansibleCounts)) expected[k] = (expected[k] ?? 0) - v!;
    for (const [k, v] of Object.entries(RECAP_COUNTS[d.harun])) expected[k] = (expected[k] ?? 0) + v!;
  }
  return expected;
}
