// include_tasks (per host, with loops; templated files loaded at run time) and include_role: decided
// per host when the strategy reaches them, then run like any task list.
import type { TaskInfo } from '../output/events.js';
import type { IncludeRole, IncludeTasks, Role, TaskItem } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import { evaluateCondition, renderString, renderValue } from './deps.js';
import { itemLabel, itemVars, loopItems } from './loop.js';
import { recordFailure } from './outcomes.js';
import { active, hostsWhere, stopped } from './play-common.js';
import { runItems } from './play-runner.js';
import { allConditions, allTags, childScope, type Scope } from './scope.js';
import { shouldRunByTags } from './tags.js';
import { taskVars } from './task-vars.js';

/** Keywords of an include decide whether it runs; `apply:` keywords go to the included tasks. */
function includeSelected(pc: PlayContext, scope: Scope, inc: IncludeTasks | IncludeRole): boolean {
  return shouldRunByTags(allTags(scope, inc), { only: pc.run.options.tags, skip: pc.run.options.skipTags });
}

interface IncludePass {
  file: string;
  params: Record<string, unknown>;
  label?: string;
}

/** Each host's iterations of an include: the loop items (or one pass) whose conditions hold, with the file it names. */
function includePasses(pc: PlayContext, scope: Scope, inc: IncludeTasks, host: string): IncludePass[] {
  const vars = taskVars(pc, scope, inc, host);
  const conditions = allConditions(scope, inc);
  const items = inc.loop === undefined ? [undefined] : loopItems(renderValue(inc.loop, { vars }), inc.loopForm);
  const passes: IncludePass[] = [];
  items.forEach((item, i) => {
    const extra = inc.loop === undefined ? {} : itemVars(items, i, inc.loopControl);
    const iv = { ...vars, ...extra };
    if (!conditions.every((c) => evaluateCondition(c, { vars: iv }))) return;
    passes.push({
      file: inc.tasks ? inc.file : renderString(inc.file, { vars: iv }),
      params: { ...(renderValue(inc.vars, { vars: iv }) as object), ...extra },
      ...(inc.loop === undefined ? {} : { label: inc.loopControl?.label !== undefined ? renderString(inc.loopControl.label, { vars: iv }) : itemLabel(item) }),
    });
  });
  return passes;
}

export async function runIncludeTasks(pc: PlayContext, parent: Scope, inc: IncludeTasks, hosts: readonly string[]): Promise<void> {
  const { run } = pc;
  if (!includeSelected(pc, parent, inc)) return;
  const info: TaskInfo = { name: inc.name ?? `include_tasks: ${inc.file}`, module: 'include_tasks', location: inc.location, handler: false };
  const targets = active(pc, hosts);
  if (targets.length === 0) return;
  await run.report.taskStart({ task: info, hosts: targets });
  const perHost = new Map<string, IncludePass[]>();
  for (const h of targets) {
    try {
      const passes = includePasses(pc, parent, inc, h);
      perHost.set(h, passes);
      if (passes.length === 0) {
        // Conditions false (or an empty loop): the include is skipped on this host, as in Ansible.
        run.stats.record(h, 'skipped');
        await run.report.hostResult({ host: h, task: info, status: 'skipped', durationMs: 0, result: { changed: false, skipped: true } });
      }
    } catch (err) {
      await recordFailure(pc, h, info, err);
    }
  }
  const rounds = Math.max(0, ...[...perHost.values()].map((p) => p.length));
  const apply = inc.apply ?? { when: [], tags: [], vars: {} };
  const keywords = { ...apply, when: apply.when ?? [], tags: [...(apply.tags ?? []), ...inc.tags], vars: {} };
  // Hosts that include the same file in the same round run it together, task by task. Every file is
  // loaded and announced first (Ansible's `included:` lines), then the rounds run in order.
  const groups: { round: number; file: string; hosts: string[]; tasks: TaskItem[] }[] = [];
  for (let round = 0; round < rounds; round++) {
    const byFile = new Map<string, string[]>();
    for (const [h, passes] of perHost) {
      const pass = passes[round];
      if (pass) byFile.set(pass.file, [...(byFile.get(pass.file) ?? []), h]);
    }
    for (const [file, fileHosts] of byFile) {
      const origin = { fromFile: inc.location.file, playbookDir: pc.play.playbookDir, ...(inc.role ? { role: inc.role } : {}) };
      let path: string;
      try {
        const tasks = inc.tasks ?? run.includes.load(file, origin);
        path = run.includes.resolve(file, origin);
        groups.push({ round, file, hosts: fileHosts, tasks });
      } catch (err) {
        for (const h of fileHosts) await recordFailure(pc, h, info, err);
        continue;
      }
      const label = perHost.get(fileHosts[0]!)![round]!.label;
      await run.report.included({ file: path, hosts: fileHosts, ...(label !== undefined ? { item: label } : {}) });
      // Ansible counts each file a host includes as one `ok`.
      for (const h of fileHosts) run.stats.record(h, 'ok');
    }
  }
  for (const g of groups) {
    if (stopped(pc)) return;
    const params = new Map(g.hosts.map((h) => [h, perHost.get(h)![g.round]!.params]));
    await runItems(pc, childScope(parent, keywords, { includeParams: params }), g.tasks, g.hosts);
  }
}

export async function runIncludeRole(pc: PlayContext, parent: Scope, inc: IncludeRole, hosts: readonly string[]): Promise<void> {
  if (!includeSelected(pc, parent, inc)) return;
  const info: TaskInfo = { name: inc.name ?? `include_role: ${inc.roleName}`, module: 'include_role', location: inc.location, handler: false };
  const targets = await hostsWhere(pc, parent, inc, active(pc, hosts));
  // Per host: the role (named at run time when its name is a template) and its parameters.
  const byRole = new Map<Role, Map<string, Record<string, unknown>>>();
  for (const h of targets) {
    try {
      const vars = taskVars(pc, parent, inc, h);
      const role = inc.included ?? pc.run.includes.loadRole(renderString(inc.roleName, { vars }), inc, pc.play.playbookDir);
      const params = byRole.get(role) ?? new Map<string, Record<string, unknown>>();
      params.set(h, renderValue(inc.vars, { vars }) as Record<string, unknown>);
      byRole.set(role, params);
    } catch (err) {
      await recordFailure(pc, h, info, err);
    }
  }
  const apply = inc.apply ?? { when: [], tags: [], vars: {} };
  const keywords = { ...apply, when: apply.when ?? [], tags: [...(apply.tags ?? []), ...inc.tags], vars: {} };
  for (const [role, params] of byRole) {
    if (stopped(pc)) return;
    const scope = childScope(childScope(parent, keywords), role.keywords, { role, includeParams: params });
    await runItems(pc, scope, role.tasks, [...params.keys()]);
  }
}
