// What the executor tells reporters. Plain data only (JSON-serialisable), so the same events feed the
// terminal view, the plain lines, the JSON stream and the log file.
import type { SourceLocation } from '../errors.js';
import type { FileDiff } from '../modules/types.js';
import type { RecordedHostKey } from '../connection/host-key-record.js';

/** A host key was recorded on first use (or taken unchecked when known_hosts is /dev/null). */
export type HostKeyRecordedEvent = RecordedHostKey;

/** `interrupted`: the task was still running on the host when the run was stopped: its effect is unknown. */
export type HostStatus = 'ok' | 'changed' | 'failed' | 'skipped' | 'unreachable' | 'interrupted';

/** Counters per host, named as in Ansible's PLAY RECAP ('ok' includes 'changed'). */
export interface HostStats {
  ok: number;
  changed: number;
  unreachable: number;
  failed: number;
  skipped: number;
  rescued: number;
  ignored: number;
  /** Tasks stopped mid-way by Ctrl-C or SIGTERM (not one of Ansible's counters: present only when non-zero). */
  interrupted?: number;
}

export interface TaskInfo {
  name: string;
  module: string;
  /** How the module's result is shown (its declared `output` trait). */
  output?: 'show-result' | 'command' | 'facts';
  location?: SourceLocation;
  role?: string;
  handler: boolean;
}

/** `--slice K/N`: this run is the K-th of N host partitions (numbered from 1, as written). */
export interface Slice {
  number: number;
  count: number;
}

export interface RunStartEvent {
  playbooks: string[];
  check: boolean;
  diff: boolean;
  logFile?: string;
  slice?: Slice;
}

/** A play's serial batch, numbered from 1 as the banner prints it: `(batch 2/3)`. */
export interface Batch {
  number: number;
  count: number;
}

export interface PlayStartEvent {
  name: string;
  /** The playbook file the play is in. */
  playbook?: string;
  hosts: string[];
  /** Set when the play runs in serial batches. */
  batch?: Batch;
}

/** How many hosts ended a task (or a play's tasks) in each status. */
export type StatusCounts = Record<HostStatus, number> & { ignored: number };

/** A task (or handler) is done on every host it ran on. */
export interface TaskEndEvent {
  task: TaskInfo;
  hosts: string[];
  counts: StatusCounts;
  durationMs: number;
}

/** A play (or one serial batch of it) is done. */
export interface PlayEndEvent {
  name: string;
  hosts: string[];
  batch?: Batch;
  durationMs: number;
}

/** Something worth a look that does not stop the run; `location` when it is about a place in a file. */
export interface WarningEvent {
  message: string;
  location?: SourceLocation;
  host?: string;
}

export interface TaskStartEvent {
  task: TaskInfo;
  hosts: string[];
}

export interface HostResultEvent {
  host: string;
  task: TaskInfo;
  status: HostStatus;
  /** Failed, but `ignore_errors` let the play go on. */
  ignored?: boolean;
  delegatedTo?: string;
  /** The loop item's label, for per-item results. */
  item?: string;
  /** How many items the host's loop has, for per-item results (the live view shows `item 2/5`). */
  itemCount?: number;
  msg?: string;
  /** Why something changed (or would change in check mode), one line each. */
  reasons?: string[];
  diff?: FileDiff[];
  durationMs: number;
  /** The registered result (censored when no_log). */
  result: Record<string, unknown>;
  /** Error code for unreachable hosts (unreachable, auth-failed, host-key-unknown...). */
  errorCode?: string;
  hint?: string;
}

/** An `until` condition still fails; the task runs again after its delay. */
export interface RetryEvent {
  host: string;
  task: TaskInfo;
  retriesLeft: number;
}

/** include_tasks loaded a file for some hosts (Ansible's `included: FILE for HOSTS`). */
export interface IncludedEvent {
  file: string;
  hosts: string[];
  item?: string;
}

export interface RunEndEvent {
  stats: Record<string, HostStats>;
  exitCode: number;
  durationMs: number;
  logFile?: string;
  /** Set when the run stopped early: interrupted, any_errors_fatal, max_fail_percentage. */
  aborted?: string;
  /** Commands each host was sent (commands, transfers, batches of fact reads): what look-ahead saves. */
  roundTrips?: Record<string, number>;
  /** Set under --slice: `ha-run recap` merges the slices' run_end events by it. */
  slice?: Slice;
}

export function emptyCounts(): StatusCounts {
  return { ok: 0, changed: 0, failed: 0, skipped: 0, unreachable: 0, interrupted: 0, ignored: 0 };
}

export function emptyStats(): HostStats {
  return { ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 };
}
