// The linear strategy: each task across the play's hosts (at most `forks` at once) before the next;
// blocks with rescue/always per host; dynamic includes; handlers flushed after each section; serial
// batches; any_errors_fatal and max_fail_percentage stop the play.
import type { TaskInfo } from '../output/events.js';
import type { Block, IncludeRole, IncludeTasks, Play, Role, Task, TaskItem } from '../playbook/types.js';
import type { PlayContext, RunContext } from './context.js';
import { evaluateCondition, renderString, renderValue } from './deps.js';
import { maxFailExceeded, wholeBatchFailed } from './failure.js';
import { HandlerQueue } from './handlers.js';
import { mapLimit } from './limit.js';
import { itemLabel, itemVars, loopItems } from './loop.js';
import { serialBatches } from './serial.js';
import { allConditions, allTags, childScope, effective, type Scope } from './scope.js';
import { shouldRunByTags } from './tags.js';
import { recordFailure, runTaskOnHost } from './task-runner.js';
import { taskVars } from './task-vars.js';

export function taskInfo(task: Task, handler = false): TaskInfo {
  const raw = task.module === 'meta' ? `meta: ${String(task.args._raw_params ?? '')}` : task.module;
  return {
    name: task.name ?? raw,
    module: task.module,
    location: task.location,
    ...(task.role ? { role: task.role.name } : {}),
    handler,
  };
}

/** Task names may use variables (Ansible renders them with what is known before the task runs). */
function renderedName(pc: PlayContext, scope: Scope, task: Task, name: string, host: string): string {
  if (!name.includes('{')) return name;
  try {
    return renderString(name, { vars: taskVars(pc, scope, task, host) });
  } catch {
    return name;
  }
}

function active(pc: PlayContext, hosts: readonly string[]): string[] {
  return hosts.filter((h) => pc.run.hosts.get(h).active);
}

function stopped(pc: PlayContext): boolean {
  return pc.ended || pc.run.interrupted || pc.run.aborted !== undefined;
}

export interface PlayHandlers {
  /** In notification-resolution order: roles' handlers (and statically known included roles') first, then the play's. */
  handlers: Task[];
  /** The role each role handler belongs to (its defaults and vars are in scope when it runs). */
  roleOf: Map<Task, Role>;
}

export function playHandlers(play: Play): PlayHandlers {
  const handlers: Task[] = [];
  const roleOf = new Map<Task, Role>();
  const seen = new Set<Role>();
  const visitRole = (r: Role) => {
    if (seen.has(r)) return;
    seen.add(r);
    for (const h of r.handlers) {
      handlers.push(h);
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

/** --start-at-task: tasks are skipped (silently) until one with that name. */
function beforeStartAt(run: RunContext, task: Task): boolean {
  if (!run.startAt) return false;
  const names = [task.name, task.role && task.name ? `${task.role.name} : ${task.name}` : undefined];
  if (names.includes(run.startAt)) {
    run.startAt = undefined;
    return false;
  }
  return true;
}

export async function runTask(pc: PlayContext, scope: Scope, task: Task, hosts: readonly string[], handler = false): Promise<void> {
  const { run } = pc;
  if (stopped(pc)) return;
  if (!handler && !shouldRunByTags(allTags(scope, task), { only: run.options.tags, skip: run.options.skipTags })) return;
  if (!handler && beforeStartAt(run, task)) return;
  const targets = active(pc, hosts);
  if (targets.length === 0) return;
  if (task.module === 'meta') return runMeta(pc, scope, task, targets);
  const info = taskInfo(task, handler);
  info.name = renderedName(pc, scope, task, info.name, targets[0]!);
  await (handler ? run.report.handlerStart({ task: info, hosts: targets }) : run.report.taskStart({ task: info, hosts: targets }));

  const runOnce = effective(scope, task, 'runOnce');
  if (runOnce) {
    const first = await runTaskOnHost(pc, scope, task, targets[0]!, info);
    // The one result stands for every host: registered and set_fact values too.
    for (const h of targets.slice(1)) {
      const state = run.hosts.get(h);
      if (task.register) state.hostFacts[task.register] = first.result;
      const facts = (first.result.facts ?? first.result.ansible_facts) as Record<string, unknown> | undefined;
      if (facts && task.module.endsWith('set_fact')) Object.assign(state.hostFacts, facts);
    }
  } else {
    await mapLimit(targets, run.options.forks, (h) => runTaskOnHost(pc, scope, task, h, info));
  }

  const fatal = effective(scope, task, 'anyErrorsFatal') ?? pc.play.anyErrorsFatal;
  if (fatal && targets.some((h) => run.hosts.get(h).failed)) {
    pc.ended = true;
    run.aborted = 'NO MORE HOSTS LEFT (any_errors_fatal: a host failed)';
  }
}

/** Hosts whose conditions for `item` hold; a condition that cannot be evaluated fails its host. */
async function hostsWhere(pc: PlayContext, scope: Scope, item: Task | IncludeRole, hosts: readonly string[]): Promise<string[]> {
  const conditions = allConditions(scope, item);
  if (conditions.length === 0) return [...hosts];
  const selected: string[] = [];
  for (const h of hosts) {
    try {
      const vars = taskVars(pc, scope, item, h);
      if (conditions.every((c) => evaluateCondition(c, { vars }))) selected.push(h);
    } catch (err) {
      const info = item.kind === 'task' ? taskInfo(item) : { name: item.name ?? `include_role: ${item.roleName}`, module: 'include_role', location: item.location, handler: false };
      await recordFailure(pc, h, info, err);
    }
  }
  return selected;
}

async function runMeta(pc: PlayContext, scope: Scope, task: Task, hosts: string[]): Promise<void> {
  const action = String(task.args._raw_params ?? task.args.free_form ?? '').trim();
  const selected = await hostsWhere(pc, scope, task, hosts);
  switch (action) {
    case 'flush_handlers':
      return flushHandlers(pc, pc.batch);
    case 'end_play':
      // Every host, every remaining batch (end_batch only ends this one).
      if (selected.length > 0) pc.ended = pc.endPlay = true;
      return;
    case 'end_batch':
      if (selected.length > 0) pc.ended = true;
      return;
    case 'end_host':
      for (const h of selected) pc.run.hosts.get(h).endedPlay = true;
      return;
    case 'clear_facts':
      // Like Ansible: gathered facts go; set_fact and registered values stay.
      for (const h of selected) pc.run.hosts.get(h).facts = {};
      return;
    case 'clear_host_errors':
      for (const h of pc.batch) pc.run.hosts.get(h).failed = false;
      return;
    default:
      // noop, refresh_inventory, reset_connection: nothing to do for this executor
      return;
  }
}

export async function flushHandlers(pc: PlayContext, hosts: readonly string[]): Promise<void> {
  for (let next = pc.handlers.next(); next && !stopped(pc); next = pc.handlers.next()) {
    const targets = next.hosts.filter((h) => hosts.includes(h));
    const role = pc.handlerRoles.get(next.handler);
    const scope: Scope = role ? childScope(playScope(pc.play), role.keywords, { role }) : playScope(pc.play);
    await runTask(pc, scope, next.handler, targets, true);
  }
}

export function playScope(play: Play): Scope {
  return { keywords: [play] };
}

/**
 * Runs a task list. At the top level of a section, the failure limits are checked after each item
 * (inside a block they wait for its rescue/always, since a rescue can undo a failure).
 */
export async function runItems(pc: PlayContext, scope: Scope, items: readonly TaskItem[], hosts: readonly string[], topLevel = false): Promise<void> {
  for (const item of items) {
    if (stopped(pc) || (topLevel && checkBatchFailures(pc))) return;
    switch (item.kind) {
      case 'task':
        await runTask(pc, scope, item, hosts);
        break;
      case 'block':
        await runBlock(pc, scope, item, hosts);
        break;
      case 'include_tasks':
        await runIncludeTasks(pc, scope, item, hosts);
        break;
      case 'include_role':
        await runIncludeRole(pc, scope, item, hosts);
        break;
    }
  }
}

async function runBlock(pc: PlayContext, parent: Scope, block: Block, hosts: readonly string[]): Promise<void> {
  const { run } = pc;
  const scope = childScope(parent, block);
  const entered = active(pc, hosts);
  if (entered.length === 0) return;
  await runItems(pc, scope, block.block, entered);

  const failedInBlock = entered.filter((h) => run.hosts.get(h).failed && !run.hosts.get(h).unreachable);
  if (block.rescue.length > 0 && failedInBlock.length > 0) {
    for (const h of failedInBlock) {
      run.hosts.get(h).failed = false;
      run.stats.rescued(h);
    }
    await runItems(pc, scope, block.rescue, failedInBlock);
  }
  if (block.always.length > 0) {
    // always runs on every host that entered the block, even the ones that failed in it.
    const stillFailed = entered.filter((h) => run.hosts.get(h).failed);
    for (const h of stillFailed) run.hosts.get(h).failed = false;
    const failedBefore = new Set(stillFailed);
    await runItems(pc, scope, block.always, entered);
    for (const h of failedBefore) run.hosts.get(h).failed = true;
  }
}

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

async function runIncludeTasks(pc: PlayContext, parent: Scope, inc: IncludeTasks, hosts: readonly string[]): Promise<void> {
  const { run } = pc;
  if (!includeSelected(pc, parent, inc)) return;
  const info: TaskInfo = { name: inc.name ?? `include_tasks: ${inc.file}`, module: 'include_tasks', location: inc.location, handler: false };
  const targets = active(pc, hosts);
  if (targets.length === 0) return;
  await run.report.taskStart({ task: info, hosts: targets });
  const perHost = new Map<string, IncludePass[]>();
  for (const h of targets) {
    try {
      perHost.set(h, includePasses(pc, parent, inc, h));
    } catch (err) {
      await recordFailure(pc, h, info, err);
    }
  }
  const rounds = Math.max(0, ...[...perHost.values()].map((p) => p.length));
  const apply = inc.apply ?? { when: [], tags: [], vars: {} };
  const keywords = { ...apply, when: apply.when ?? [], tags: [...(apply.tags ?? []), ...inc.tags], vars: {} };
  for (let round = 0; round < rounds && !stopped(pc); round++) {
    // Hosts that include the same file in this round run it together, task by task.
    const byFile = new Map<string, string[]>();
    for (const [h, passes] of perHost) {
      const pass = passes[round];
      if (pass && run.hosts.get(h).active) byFile.set(pass.file, [...(byFile.get(pass.file) ?? []), h]);
    }
    for (const [file, fileHosts] of byFile) {
      let tasks: TaskItem[];
      try {
        tasks = inc.tasks ?? run.includes.load(file, { fromFile: inc.location.file, playbookDir: pc.play.playbookDir, ...(inc.role ? { role: inc.role } : {}) });
      } catch (err) {
        for (const h of fileHosts) await recordFailure(pc, h, info, err);
        continue;
      }
      const label = perHost.get(fileHosts[0]!)![round]!.label;
      await run.report.included({ file, hosts: fileHosts, ...(label !== undefined ? { item: label } : {}) });
      const params = new Map(fileHosts.map((h) => [h, perHost.get(h)![round]!.params]));
      await runItems(pc, childScope(parent, keywords, { includeParams: params }), tasks, fileHosts);
    }
  }
}

async function runIncludeRole(pc: PlayContext, parent: Scope, inc: IncludeRole, hosts: readonly string[]): Promise<void> {
  if (!includeSelected(pc, parent, inc)) return;
  const role = inc.included;
  const targets = await hostsWhere(pc, parent, inc, active(pc, hosts));
  if (!role || targets.length === 0) {
    if (!role && targets.length > 0) await pc.run.report.warning(`include_role '${inc.roleName}' could not be resolved before the run; skipped`);
    return;
  }
  const params = new Map<string, Record<string, unknown>>();
  for (const h of targets) {
    try {
      params.set(h, renderValue(inc.vars, { vars: taskVars(pc, parent, inc, h) }) as Record<string, unknown>);
    } catch (err) {
      await recordFailure(pc, h, { name: inc.name ?? `include_role: ${inc.roleName}`, module: 'include_role', location: inc.location, handler: false }, err);
    }
  }
  const apply = inc.apply ?? { when: [], tags: [], vars: {} };
  const scope = childScope(childScope(parent, { ...apply, when: apply.when ?? [], tags: [...(apply.tags ?? []), ...inc.tags], vars: {} }), role.keywords, { role, includeParams: params });
  await runItems(pc, scope, role.tasks, [...params.keys()]);
}

/** The Gathering Facts task: the setup module on every host, tagged `always` as in Ansible. */
function gatherFactsTask(play: Play): Task {
  return {
    kind: 'task',
    name: 'Gathering Facts',
    module: 'setup',
    args: {},
    when: [],
    tags: ['always'],
    vars: {},
    notify: [],
    listen: [],
    location: play.location,
    checkMode: false,
  };
}

/** Renders a templated play name with play-level variables (the first host's view). */
function playName(pc: PlayContext): string {
  const raw = pc.play.name ?? pc.play.hosts;
  try {
    return pc.batch.length > 0 ? renderString(raw, { vars: taskVars(pc, playScope(pc.play), undefined, pc.batch[0]!) }) : raw;
  } catch {
    return raw;
  }
}

/** Runs one play over its hosts in serial batches. */
export async function runPlay(run: RunContext, play: Play, hosts: string[]): Promise<void> {
  const batches = serialBatches(hosts, play.serial);
  const { handlers: handlerList, roleOf } = playHandlers(play);
  const handlers = new HandlerQueue(handlerList);
  const varsFilesByHost = new Map<string, Record<string, unknown>>();
  for (const h of hosts) {
    run.stats.touch(h);
    run.hosts.get(h).endedPlay = false;
  }
  if (batches.length === 0) {
    await run.report.playStart({ name: play.name ?? play.hosts, hosts: [] });
    await run.report.warning('no hosts matched; skipping play');
    return;
  }
  for (const [index, batch] of batches.entries()) {
    if (run.interrupted || run.aborted) return;
    const pc: PlayContext = { run, play, playHosts: hosts, batch, handlers, handlerRoles: roleOf, varsFilesByHost, ended: false, endPlay: false };
    await run.report.playStart({ name: playName(pc), hosts: batch, ...(batches.length > 1 ? { batch: { index, count: batches.length } } : {}) });
    const scope = playScope(play);
    if (play.gatherFacts) await runTask(pc, scope, gatherFactsTask(play), batch);
    const sections: (() => Promise<void>)[] = [
      () => runItems(pc, scope, play.preTasks, batch, true),
      async () => {
        for (const role of play.roles) {
          if (stopped(pc)) return;
          const roleScope = childScope(scope, role.keywords, { role });
          await runItems(pc, roleScope, role.tasks, batch, true);
        }
        await runItems(pc, scope, play.tasks, batch, true);
      },
      () => runItems(pc, scope, play.postTasks, batch, true),
    ];
    for (const section of sections) {
      await section();
      await flushHandlers(pc, batch);
      if (checkBatchFailures(pc)) break;
    }
    if (checkBatchFailures(pc) || pc.endPlay) return;
  }
}

/** max_fail_percentage and "every host of the batch failed" end the run (Ansible: NO MORE HOSTS LEFT). */
function checkBatchFailures(pc: PlayContext): boolean {
  const { run } = pc;
  if (run.aborted || run.interrupted) return true;
  const failed = pc.batch.filter((h) => {
    const s = run.hosts.get(h);
    return s.failed || s.unreachable;
  }).length;
  if (maxFailExceeded(failed, pc.batch.length, pc.play.maxFailPercentage)) {
    run.aborted = `NO MORE HOSTS LEFT (max_fail_percentage ${pc.play.maxFailPercentage}% exceeded: ${failed} of ${pc.batch.length} hosts failed)`;
    return true;
  }
  if (wholeBatchFailed(failed, pc.batch.length)) {
    run.aborted = 'NO MORE HOSTS LEFT';
    return true;
  }
  return false;
}

