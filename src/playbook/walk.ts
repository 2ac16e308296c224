// Visits every task-like node of a play (roles, blocks, imports, pre-loaded includes), so rules and
// counts do not each re-implement the tree.
import type { Play, Role, Task, TaskItem } from './types.js';

export interface Visit {
  item: TaskItem;
  /** The role the item belongs to, when it comes from one. */
  role?: Role;
  handler: boolean;
}

export function* walkPlay(play: Play): Generator<Visit> {
  for (const role of play.roles) yield* walkRole(role);
  for (const list of [play.preTasks, play.tasks, play.postTasks]) yield* walkItems(list, undefined, false);
  yield* walkItems(play.handlers, undefined, true);
}

function* walkRole(role: Role): Generator<Visit> {
  for (const dep of role.dependencies ?? []) yield* walkRole(dep);
  yield* walkItems(role.tasks, role, false);
  yield* walkItems(role.handlers, role, true);
}

function* walkItems(items: readonly TaskItem[], role: Role | undefined, handler: boolean): Generator<Visit> {
  for (const item of items) {
    yield role ? { item, role, handler } : { item, handler };
    if (item.kind === 'block') {
      for (const list of [item.block, item.rescue, item.always]) yield* walkItems(list, role, handler);
    } else if (item.kind === 'include_tasks' && item.tasks) {
      yield* walkItems(item.tasks, role, handler);
    } else if (item.kind === 'include_role' && item.included) {
      yield* walkRole(item.included);
    }
  }
}

/** Every role used by the play, directly, as a dependency, or through import_role / include_role. */
export function rolesOf(play: Play): Role[] {
  const roles = new Set<Role>();
  const add = (r: Role): void => {
    roles.add(r);
    r.dependencies?.forEach(add);
  };
  play.roles.forEach(add);
  for (const { item } of walkPlay(play)) if (item.kind === 'include_role' && item.included) add(item.included);
  return [...roles];
}

/** Only the module tasks. */
export function* tasksOf(play: Play): Generator<{ task: Task; role?: Role; handler: boolean }> {
  for (const v of walkPlay(play)) {
    if (v.item.kind === 'task') yield v.role ? { task: v.item, role: v.role, handler: v.handler } : { task: v.item, handler: v.handler };
  }
}
