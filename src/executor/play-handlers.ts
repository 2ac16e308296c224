// Handlers of a play (roles' first, then the play's) and flushing them: each notified handler runs once
// per notified host that is still in the play, in definition order.
import type { Handler, Play, Role, TaskItem } from '../playbook/types.js';
import { ALL_HOSTS_FAILED } from './failure.js';
import { runIncludeTasks } from './includes.js';
import type { PlayContext } from './context.js';
import { active, playScope, stopped } from './play-common.js';
import { runTask } from './play-runner.js';
import { roleScope, type Scope } from './scope.js';

export interface PlayHandlers {
  /** In notification-resolution order: roles' handlers (and statically known included roles') first, then the play's. */
  handlers: Handler[];
  /** The role each role handler belongs to (its defaults and vars are in scope when it runs). */
  roleOf: Map<Handler, Role>;
}

export function playHandlers(play: Play): PlayHandlers {
  const handlers: Handler[] = [];
  const roleOf = new Map<Handler, Role>();
  const seen = new Set<Role>();
  const visitRole = (r: Role) => {
    if (seen.has(r)) return;
    seen.add(r);
    // A dependency's handlers come before its role's, as Ansible orders them; a role used twice has them once.
    (r.dependencies ?? []).forEach(visitRole);
    for (const h of r.handlers) {
      if (!roleOf.has(h)) handlers.push(h);
      // Listed again (other params, when or tags), the role's handlers run in its last entry's scope, as
      // Ansible runs them: a `when` of the first entry does not hold back a notification from the second.
      roleOf.set(h, r);
    }
    visitItems(r.tasks);
  };
  const visitItems = (items: TaskItem[]) => {
    for (const it of items) {
      if (it.kind === 'block') visitItems([...it.block, ...it.rescue, ...it.always]);
      else if (it.kind === 'include_role' && it.included) visitRole(it.included);
      else if (it.kind === 'include_tasks' && it.tasks) visitItems(it.tasks);
    }
  };
  play.roles.forEach(visitRole);
  visitItems([...play.preTasks, ...play.tasks, ...play.postTasks]);
  handlers.push(...play.handlers);
  return { handlers, roleOf };
}

/**
 * One pass in definition order, as Ansible flushes: a handler notified again by itself waits no more,
 * and one notified by a later handler waits for the next flush point, so handlers that notify each
 * other end instead of looping.
 */
export async function flushHandlers(pc: PlayContext, hosts: readonly string[]): Promise<void> {
  let last = -1;
  for (let next = pc.handlers.next(last); next && !stopped(pc); next = pc.handlers.next(last)) {
    last = next.index;
    // Hosts out of the play keep their notifications: force_handlers may still run them at the section's end.
    const targets = active(pc, next.hosts.filter((h) => hosts.includes(h)));
    const role = pc.handlerRoles.get(next.handler);
    const base: Scope = { ...playScope(pc.play), handler: true };
    // A role's handlers see the parameters the role was included with, as its tasks did.
    const scope: Scope = role ? { ...roleScope(base, role), includeParams: pc.roleParams.get(role) } : base;
    if (next.handler.kind === 'include_tasks') await runIncludeTasks(pc, scope, next.handler, targets);
    else await runTask(pc, scope, next.handler, targets, true);
    pc.handlers.spent(next.index, targets);
    // Handlers that do no I/O never leave the microtask queue: yield, so Ctrl-C and SIGTERM are heard.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The flush at the end of pre_tasks, roles + tasks and post_tasks. With force_handlers, the hosts that
 * failed during the section (not unreachable ones) run their notified handlers too, as if the section
 * were a block with the flush in its `always`: Ansible builds it that way. Not after any_errors_fatal or
 * max_fail_percentage stopped the play; a host failing all the section's hosts does not stop it.
 */
export async function flushSectionEnd(pc: PlayContext, activeAtStart: readonly string[]): Promise<void> {
  const { run } = pc;
  const force = pc.play.forceHandlers ?? run.options.forceHandlers === true;
  const failedHere = activeAtStart.filter((h) => {
    const s = run.hosts.get(h);
    return s.failed && !s.unreachable && !s.endedPlay;
  });
  const aborted = run.aborted;
  const forceable = !pc.ended && !run.interrupted && (aborted === undefined || aborted === ALL_HOSTS_FAILED);
  if (!force || failedHere.length === 0 || !forceable) return flushHandlers(pc, pc.batch);
  // Like an `always` section: the failed hosts take part, and stay failed afterwards.
  run.aborted = undefined;
  for (const h of failedHere) run.hosts.get(h).failed = false;
  try {
    await flushHandlers(pc, pc.batch);
  } finally {
    for (const h of failedHere) run.hosts.get(h).failed = true;
    run.aborted ??= aborted;
  }
}
