// Running a role: its meta/main.yml dependencies first (recursively), then its own tasks. As in
// Ansible, a role listed again in the same play (as a dependency or in `roles:`) with the same
// parameters, when, tags and vars runs once per host, unless its meta says `allow_duplicates: true`.
// A role counts as run on a host once one of its own tasks ran there (not only skipped).
import type { Role } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import { runItems } from './play-runner.js';
import { roleScope, type Scope } from './scope.js';

export interface RoleRunOptions {
  /** Apply the once-per-play rule to the role itself (include_role runs its role every time; its dependencies are still once). */
  once: boolean;
  /** Failure limits are checked between the role's tasks, as in a play's own task list. */
  topLevel: boolean;
}

export async function runRole(pc: PlayContext, base: Scope, role: Role, hosts: readonly string[], options: RoleRunOptions): Promise<void> {
  for (const dep of role.dependencies ?? []) await runRole(pc, base, dep, hosts, { ...options, once: true });
  const done = role.identity !== undefined ? pc.rolesRun.get(role.identity) : undefined;
  const targets = options.once && !role.allowDuplicates && done ? hosts.filter((h) => !done.has(h)) : [...hosts];
  if (targets.length === 0) return;
  const before = new Map(targets.map((h) => [h, pc.run.stats.ranCount(h)]));
  if (base.includeParams) {
    const params = pc.roleParams.get(role) ?? new Map<string, Record<string, unknown>>();
    for (const h of targets) params.set(h, base.includeParams.get(h) ?? {});
    pc.roleParams.set(role, params);
  }
  await runItems(pc, roleScope(base, role), role.tasks, targets, options.topLevel);
  if (role.identity === undefined) return;
  const ran = targets.filter((h) => pc.run.stats.ranCount(h) > before.get(h)!);
  if (ran.length === 0) return;
  const set = pc.rolesRun.get(role.identity) ?? new Set<string>();
  for (const h of ran) set.add(h);
  pc.rolesRun.set(role.identity, set);
}
