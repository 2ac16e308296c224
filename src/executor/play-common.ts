// Small pieces every part of the strategy uses: which hosts still play, whether the play stopped,
// a task's reporting identity, and per-host conditions for items that are not module tasks.
import type { TaskInfo } from '../output/events.js';
import type { Play, Task } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import { evaluateCondition } from './deps.js';
import { recordFailure } from './outcomes.js';
import { allConditions, type Scope } from './scope.js';
import { taskVars } from './task-vars.js';
import { findModule } from '../modules/registry.js';

/** The module's declared way of showing results, for reporters (which never test module names). */
function outputOf(module: string): TaskInfo['output'] {
  return findModule(module)?.output;
}

export function taskInfo(task: Task, handler = false): TaskInfo {
  return {
    // Unnamed tasks are called by their module, as Ansible does (`TASK [command]`, `TASK [meta]`).
    name: task.name ?? task.module,
    module: task.module,
    ...(outputOf(task.module) ? { output: outputOf(task.module) } : {}),
    location: task.location,
    ...(task.role ? { role: task.role.name } : {}),
    handler,
  };
}

export function active(pc: PlayContext, hosts: readonly string[]): string[] {
  return hosts.filter((h) => pc.run.hosts.get(h).active);
}

export function stopped(pc: PlayContext): boolean {
  return pc.ended || pc.run.interrupted || pc.run.aborted !== undefined;
}

export function playScope(play: Play): Scope {
  return { keywords: [play] };
}

/** Hosts whose conditions for `item` hold; a condition that cannot be evaluated fails its host. */
export async function hostsWhere(pc: PlayContext, scope: Scope, item: Task, hosts: readonly string[]): Promise<string[]> {
  const conditions = allConditions(scope, item);
  if (conditions.length === 0) return [...hosts];
  const selected: string[] = [];
  for (const h of hosts) {
    try {
      const vars = taskVars(pc, scope, item, h);
      if (conditions.every((c) => evaluateCondition(c, { vars }))) selected.push(h);
    } catch (err) {
      await recordFailure(pc, h, taskInfo(item), err);
    }
  }
  return selected;
}
