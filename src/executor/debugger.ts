// The `debugger` keyword. ha-run has no interactive debugger. ansible-playbook run without a terminal
// opens its debugger where the keyword says, reads the end of its input and quits the whole run with
// exit code 99; ha-run stops at the same point, with the same code, and says why.
import type { Task } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import { renderString } from './deps.js';
import type { HostOutcome } from './outcomes.js';
import { effective, type Scope } from './scope.js';
import { taskVars } from './task-vars.js';

/** Whether Ansible's debugger would open for this result (an ignored failure does not open it). */
export function debuggerOpens(value: string, outcome: Pick<HostOutcome, 'status' | 'ignored'>): boolean {
  switch (value) {
    case 'always':
      return true;
    case 'on_failed':
      return outcome.status === 'failed' && !outcome.ignored;
    case 'on_unreachable':
      return outcome.status === 'unreachable';
    case 'on_skipped':
      return outcome.status === 'skipped';
    default:
      return false;
  }
}

/** After a host's result is reported: stop the run where the debugger would have opened. */
export function stopWhereDebuggerOpens(pc: PlayContext, scope: Scope, task: Task, outcome: HostOutcome): void {
  const keyword = effective(scope, task, 'debugger');
  if (keyword === undefined || outcome.status === 'interrupted' || pc.run.debuggerStop) return;
  let value = keyword;
  try {
    if (keyword.includes('{')) value = renderString(keyword, { vars: taskVars(pc, scope, task, outcome.host) });
  } catch {
    return;
  }
  if (!debuggerOpens(value, outcome)) return;
  pc.run.debuggerStop = true;
  pc.run.aborted = `debugger: ${value} on ${outcome.host} would open Ansible's interactive debugger, which ha-run does not have: the run stops here, as ansible-playbook's does without a terminal (exit 99)`;
}
