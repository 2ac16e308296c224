// include_tasks and include_role (per host, with loops; files and roles named at run time are loaded
// then): decided per host when the strategy reaches them, then run like any task list.
// In the recap, as in Ansible, each file a host includes counts one `ok` (include_role counts
// nothing itself), and an include none of whose passes runs on a host counts one `skipped`.
import { ValidationError } from '../errors.js';
import type { TaskInfo } from '../output/events.js';
import type { IncludeRole, IncludeTasks, InheritableKeywords, Role, TaskItem } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import { evaluateCondition, isOmit, renderString, renderValue } from './deps.js';
import { itemLabel, itemVars, itemsUnlessSkipped, loopItems, lookupSubdirFor, withRenderedNames } from './loop.js';
import { searchPaths } from './search-path.js';
import { truthy } from './task-connection.js';
import { recordFailure } from './outcomes.js';
import { active, stopped } from './play-common.js';
import { addRuntimeRoleHandlers } from './play-handlers.js';
import { runItems } from './play-runner.js';
import { runRole } from './role-run.js';
import { allConditions, allTags, childScope, effective, type Scope } from './scope.js';
import { shouldRunByTags } from './tags.js';
import { taskVars } from './task-vars.js';

type Include = IncludeTasks | IncludeRole;

/** Keywords of an include decide whether it runs; `apply:` keywords go to the included tasks. */
function includeSelected(pc: PlayContext, scope: Scope, inc: Include): boolean {
  // A notified handler runs whatever --tags says, as a task handler does.
  if (scope.handler) return true;
  return shouldRunByTags(allTags(scope, inc), { only: pc.run.options.tags, skip: pc.run.options.skipTags });
}

/** What the included tasks inherit: the `apply:` keywords (its vars as a block's), and the include's tags. */
function appliedKeywords(inc: Include): InheritableKeywords {
  const apply = inc.apply ?? { when: [], tags: [], vars: {} };
  return { ...apply, when: apply.when ?? [], tags: [...(apply.tags ?? []), ...inc.tags], vars: apply.vars ?? {} };
}

/** One iteration of an include on one host, and what it includes (a file name, a role). */
interface IncludePass<T> {
  target: T;
  /** What the included tasks see as include parameters: the include's `vars` and the loop variables. */
  params: Record<string, unknown>;
  label?: string;
}

/** A host's iterations of an include: the loop items (or the one pass) whose conditions hold, and the labels of the others. */
function includePasses<T>(
  pc: PlayContext,
  scope: Scope,
  inc: Include,
  host: string,
  targetOf: (vars: Record<string, unknown>) => T,
): { passes: IncludePass<T>[]; skippedItems: string[]; skippedWhole?: boolean } {
  const vars = taskVars(pc, scope, inc, host);
  const conditions = allConditions(scope, inc);
  const loopCtx = { vars, searchPaths: searchPaths(pc, scope, inc), lookupSubdir: lookupSubdirFor(inc.kind) };
  const passes: IncludePass<T>[] = [];
  const skippedItems: string[] = [];
  const items =
    inc.loop === undefined
      ? [undefined]
      : itemsUnlessSkipped(
          () => loopItems(renderValue(inc.loop, loopCtx), inc.loopForm, loopCtx),
          () => !conditions.every((c) => evaluateCondition(c, { vars })),
        );
  if (items === undefined) return { passes, skippedItems, skippedWhole: true };
  const lc = withRenderedNames(inc.loopControl, vars);
  items.forEach((item, i) => {
    const extra = inc.loop === undefined ? {} : itemVars(items, i, lc);
    const iv = { ...vars, ...extra };
    const label = inc.loop === undefined ? undefined : inc.loopControl?.label !== undefined ? renderString(inc.loopControl.label, { vars: iv }) : itemLabel(item);
    if (!conditions.every((c) => evaluateCondition(c, { vars: iv }))) {
      if (label !== undefined) skippedItems.push(label);
      return;
    }
    passes.push({ target: targetOf(iv), params: { ...(renderValue(inc.vars, { vars: iv }) as object), ...extra }, ...(label !== undefined ? { label } : {}) });
  });
  return { passes, skippedItems };
}

/**
 * Every host's passes. Loop items whose conditions are false are shown skipped; a host with no pass
 * at all (conditions false, empty loop) is skipped, as in Ansible. A host whose include cannot be
 * decided (bad loop, unknown role) fails.
 */
async function passesPerHost<T>(
  pc: PlayContext,
  scope: Scope,
  inc: Include,
  info: TaskInfo,
  hosts: readonly string[],
  targetOf: (vars: Record<string, unknown>) => T,
): Promise<Map<string, IncludePass<T>[]>> {
  const { run } = pc;
  const perHost = new Map<string, IncludePass<T>[]>();
  const skipped = { changed: false, skipped: true };
  for (const h of hosts) {
    try {
      const { passes, skippedItems, skippedWhole } = includePasses(pc, scope, inc, h, targetOf);
      const unlooped = inc.loop === undefined || skippedWhole === true;
      perHost.set(h, passes);
      for (const item of skippedItems) await run.report.itemResult({ host: h, task: info, status: 'skipped', item, durationMs: 0, result: skipped });
      if (passes.length === 0) {
        run.stats.record(h, 'skipped');
        const result = unlooped ? skipped : { ...skipped, results: skippedItems.map(() => skipped) };
        if (inc.register) run.hosts.get(h).hostFacts[inc.register] = unlooped ? { ...skipped, skip_reason: 'Conditional result was False' } : result;
        await run.report.hostResult({ host: h, task: info, status: 'skipped', durationMs: 0, result });
      } else if (inc.register) {
        run.hosts.get(h).hostFacts[inc.register] = registeredInclude(inc, passes);
      }
    } catch (err) {
      // A role or file that cannot be loaded is not forgiven by ignore_errors (Ansible stops there too).
      const ignored = !(err instanceof ValidationError) && ignoresErrors(pc, scope, inc, h);
      await recordFailure(pc, h, info, err, { ignored, ...(inc.register ? { register: inc.register } : {}) });
    }
  }
  return perHost;
}

/** What `register:` on an include holds, as in Ansible: the file (include_tasks) and the include's arguments. */
function registeredInclude<T>(inc: Include, passes: IncludePass<T>[]): Record<string, unknown> {
  const one = inc.kind === 'include_tasks' ? { include: inc.file, include_args: {} } : { include_args: { name: inc.roleName } };
  if (inc.loop === undefined) return { changed: false, ...one };
  return { changed: false, msg: 'All items completed', skipped: false, results: passes.map((p) => ({ ...one, ...p.params })) };
}

/** An include's ignore_errors on a host (a template that cannot be rendered counts as set, as for tasks). */
function ignoresErrors(pc: PlayContext, scope: Scope, inc: Include, host: string): boolean {
  const keyword = effective(scope, inc, 'ignoreErrors');
  if (keyword === undefined || typeof keyword === 'boolean') return keyword === true;
  try {
    return truthy(keyword, taskVars(pc, scope, inc, host));
  } catch {
    return true;
  }
}

interface IncludeGroup<T> {
  round: number;
  target: T;
  hosts: string[];
}

/** Hosts that include the same target in the same round (loop iteration) run it together; rounds run in order. */
function groupsOf<T>(perHost: Map<string, IncludePass<T>[]>): IncludeGroup<T>[] {
  const rounds = Math.max(0, ...[...perHost.values()].map((p) => p.length));
  const groups: IncludeGroup<T>[] = [];
  for (let round = 0; round < rounds; round++) {
    const byTarget = new Map<T, string[]>();
    for (const [h, passes] of perHost) {
      const pass = passes[round];
      if (pass) byTarget.set(pass.target, [...(byTarget.get(pass.target) ?? []), h]);
    }
    for (const [target, hosts] of byTarget) groups.push({ round, target, hosts });
  }
  return groups;
}

function paramsOf<T>(perHost: Map<string, IncludePass<T>[]>, group: IncludeGroup<T>): Map<string, Record<string, unknown>> {
  return new Map(group.hosts.map((h) => [h, perHost.get(h)![group.round]!.params]));
}

export async function runIncludeTasks(pc: PlayContext, parent: Scope, inc: IncludeTasks, hosts: readonly string[]): Promise<void> {
  const { run } = pc;
  if (!includeSelected(pc, parent, inc)) return;
  // Unnamed, it is called by its keyword, as in Ansible.
  const handler = parent.handler === true;
  const info: TaskInfo = { name: inc.name ?? 'include_tasks', module: 'include_tasks', location: inc.location, handler };
  const targets = active(pc, hosts);
  if (targets.length === 0) return;
  await (handler ? run.report.handlerStart({ task: info, hosts: targets }) : run.report.taskStart({ task: info, hosts: targets }));
  const perHost = await passesPerHost(pc, parent, inc, info, targets, (vars) => (inc.tasks ? inc.file : renderString(inc.file, { vars, searchPaths: searchPaths(pc, parent, inc) })));
  // Every file is loaded and announced first (Ansible's `included:` lines), then the rounds run in order.
  const loaded: (IncludeGroup<string> & { tasks: TaskItem[] })[] = [];
  const origin = { fromFile: inc.location.file, playbookDir: pc.play.playbookDir, ...(inc.role ? { role: inc.role } : {}) };
  for (const group of groupsOf(perHost)) {
    let path: string;
    try {
      const tasks = inc.tasks ?? run.includes.load(group.target, origin);
      path = run.includes.resolve(group.target, origin);
      loaded.push({ ...group, tasks });
    } catch (err) {
      for (const h of group.hosts) await recordFailure(pc, h, info, err);
      continue;
    }
    const label = perHost.get(group.hosts[0]!)![group.round]!.label;
    await run.report.included({ file: path, hosts: group.hosts, ...(label !== undefined ? { item: label } : {}) });
    for (const h of group.hosts) run.stats.record(h, 'ok');
  }
  const keywords = appliedKeywords(inc);
  for (const g of loaded) {
    if (stopped(pc)) return;
    await runItems(pc, childScope(parent, keywords, { includeParams: paramsOf(perHost, g) }), g.tasks, g.hosts);
  }
}

/**
 * import_role: no task of its own (no banner, nothing counted); its keywords, `when` and tags too,
 * go to every task of the role and are evaluated there, task by task, as Ansible does.
 */
async function runImportedRole(pc: PlayContext, parent: Scope, imp: IncludeRole, role: Role, hosts: readonly string[]): Promise<void> {
  const params = new Map<string, Record<string, unknown>>();
  for (const h of active(pc, hosts)) {
    try {
      params.set(h, renderValue(imp.vars, { vars: taskVars(pc, parent, imp, h) }) as Record<string, unknown>);
    } catch (err) {
      await recordFailure(pc, h, { name: imp.name ?? `import_role : ${imp.roleName}`, module: 'import_role', location: imp.location, handler: false }, err);
    }
  }
  const keywords: InheritableKeywords = { ...imp, vars: {} };
  await runRole(pc, childScope(parent, keywords, { includeParams: params }), role, [...params.keys()], { once: false, topLevel: false });
}

/** tasks_from, vars_from, ... rendered for a host; one that renders to `omit` is as if not written. */
function renderedFrom(from: IncludeRole['from'], vars: Record<string, unknown>): Pick<IncludeRole, 'from'> {
  if (!from) return {};
  const rendered: NonNullable<IncludeRole['from']> = {};
  for (const [key, value] of Object.entries(from) as [keyof typeof from, string][]) {
    const name = renderString(value, { vars });
    if (!isOmit(name)) rendered[key] = name;
  }
  return Object.keys(rendered).length > 0 ? { from: rendered } : {};
}

export async function runIncludeRole(pc: PlayContext, parent: Scope, inc: IncludeRole, hosts: readonly string[]): Promise<void> {
  if (inc.static && inc.included) return runImportedRole(pc, parent, inc, inc.included, hosts);
  const { run } = pc;
  if (!includeSelected(pc, parent, inc)) return;
  // Ansible's name for an unnamed include_role.
  const info: TaskInfo = { name: inc.name ?? `include_role : ${inc.roleName}`, module: 'include_role', location: inc.location, handler: false };
  const targets = active(pc, hosts);
  if (targets.length === 0) return;
  await run.report.taskStart({ task: info, hosts: targets });
  // The role per pass: named at run time when its name is a template (loaded roles are cached, so
  // hosts naming the same role share one Role).
  const roleOf = (vars: Record<string, unknown>): Role => {
    if (inc.included) return inc.included;
    const role = run.includes.loadRole(renderString(inc.roleName, { vars }), { location: inc.location, ...renderedFrom(inc.from, vars) }, pc.play.playbookDir);
    addRuntimeRoleHandlers(pc, role);
    return role;
  };
  const perHost = await passesPerHost(pc, parent, inc, info, targets, roleOf);
  const keywords = appliedKeywords(inc);
  for (const g of groupsOf(perHost)) {
    if (stopped(pc)) return;
    // Its meta/main.yml dependencies run first (each once per play); the included role itself runs every time.
    await runRole(pc, childScope(parent, keywords, { includeParams: paramsOf(perHost, g) }), g.target, g.hosts, { once: false, topLevel: false });
  }
}
