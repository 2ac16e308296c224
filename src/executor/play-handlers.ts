// Handlers of a play (roles' first, then the play's) and flushing them: each notified handler runs once
// per notified host that is still in the play, in definition order.
import type { Handler, Play, Role, TaskItem } from '../playbook/types.js';
import { runIncludeTasks } from './includes.js';
import type { PlayContext } from './context.js';
import { playScope, stopped } from './play-common.js';
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
    const targets = next.hosts.filter((h) => hosts.includes(h));
    const role = pc.handlerRoles.get(next.handler);
    const base: Scope = { ...playScope(pc.play), handler: true };
    // A role's handlers see the parameters the role was included with, as its tasks did.
    const scope: Scope = role ? { ...roleScope(base, role), includeParams: pc.roleParams.get(role) } : base;
    if (next.handler.kind === 'include_tasks') await runIncludeTasks(pc, scope, next.handler, targets);
    else await runTask(pc, scope, next.handler, targets, true);
    pc.handlers.spent(next.index, next.hosts);
    // Handlers that do no I/O never leave the microtask queue: yield, so Ctrl-C and SIGTERM are heard.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
