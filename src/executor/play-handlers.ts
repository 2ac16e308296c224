// Handlers of a play (roles' first, then the play's) and flushing them: each notified handler runs once
// per notified host that is still in the play, in definition order.
import type { Handler, Play, Role, TaskItem } from '../playbook/types.js';
import type { PlayContext, RunContext } from './context.js';
import { containsTemplate, mergeVars, renderString } from './deps.js';
import type { HandlerNamer } from './handlers.js';
import { errorMessage } from './outcomes.js';
import { roleDefaultsLayers, roleParams, roleVarsLayers } from './role-vars.js';
import { ALL_HOSTS_FAILED } from './failure.js';
import { runIncludeTasks } from './includes.js';
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
  const { handlers, roleOf, visitRole, visitItems } = handlerCollector();
  play.roles.forEach(visitRole);
  visitItems([...play.preTasks, ...play.tasks, ...play.postTasks]);
  handlers.push(...play.handlers);
  return { handlers, roleOf };
}

/** A role chosen at run time (templated include_role) brings its handlers, and its dependencies', when it is loaded. */
export function addRuntimeRoleHandlers(pc: PlayContext, role: Role): void {
  const { handlers, roleOf, visitRole } = handlerCollector();
  visitRole(role);
  for (const h of handlers) {
    if (pc.handlerRoles.has(h)) continue;
    pc.handlerRoles.set(h, roleOf.get(h)!);
    pc.handlers.add(h);
  }
}

function handlerCollector() {
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
  return { handlers, roleOf, visitRole, visitItems };
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

/**
 * Handler names with templates, rendered as Ansible 2.14 renders them: with what is known without a host
 * (extra vars, role defaults and vars, play vars and vars_files, the handler's own vars), never facts or
 * inventory variables. A name that cannot be rendered matches no notification (its `listen` topics still
 * do); without topics the handler is unusable, which a warning says.
 */
export function handlerNamer(run: RunContext, play: Play, roleOf: ReadonlyMap<Handler, Role>): HandlerNamer {
  return (h) => {
    if (h.name === undefined || !containsTemplate(h.name)) return h.name;
    const role = roleOf.get(h);
    const vars = mergeVars({
      extraVars: run.options.extraVars,
      roleDefaults: roleDefaultsLayers(play, role),
      playVars: play.vars,
      varsFiles: play.varsFromFiles ? [play.varsFromFiles] : [],
      roleVars: roleVarsLayers(play, role),
      taskVars: h.vars,
      roleParams: roleParams(role),
      magic: { playbook_dir: play.playbookDir, ansible_play_name: play.name ?? play.hosts, ...(role ? { role_name: role.ref.name, role_path: role.ref.path } : {}) },
    });
    try {
      return renderString(h.name, { vars });
    } catch (err) {
      if ((h.listen ?? []).length === 0) {
        void run.report.warning({
          message: `handler '${h.name}' is unusable: its name cannot be rendered without a host's variables (${errorMessage(err)}); give it a listen topic`,
          location: h.location,
        });
      }
      return undefined;
    }
  };
}
