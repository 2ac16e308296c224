// Ansible's exit code for a run's outcome, in one place: a run's own, and the one `ha-run recap` gives
// for the slices of a run merged.
import { ExitCode } from '../errors.js';

/** The signals that stop a run cleanly: Ctrl-C, and SIGTERM (what CI sends on cancel). */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** What the exit code reads of the recap counters. */
export interface RunOutcome {
  anyUnreachable(): boolean;
  anyFailed(): boolean;
}

export function exitCodeFor(stats: RunOutcome, stoppedBy: StopSignal | undefined): number {
  if (stoppedBy === 'SIGTERM') return ExitCode.terminated;
  if (stoppedBy === 'SIGINT') return ExitCode.interrupted;
  if (stats.anyUnreachable()) return ExitCode.hostsUnreachable;
  if (stats.anyFailed()) return ExitCode.hostsFailed;
  return ExitCode.ok;
}
