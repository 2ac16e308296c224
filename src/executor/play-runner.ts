// The linear strategy: each task across the play's hosts (at most `forks` at once) before the next;
// blocks with rescue/always per host; handlers flushed after each section; serial batches;
// any_errors_fatal and max_fail_percentage stop the play.
import type { Block, Play, Task, TaskItem } from '../playbook/types.js';
import type { PlayContext, RunContext } from './context.js';
import { ALL_HOSTS_FAILED, maxFailExceeded, wholeBatchFailed } from './failure.js';
import { HandlerQueue } from './handlers.js';
import { runIncludeRole, runIncludeTasks } from './includes.js';
import { mapLimit } from './limit.js';
import { runMeta } from './meta.js';
import { active, playScope, stopped, taskInfo } from './play-common.js';
import { flushSectionEnd, handlerNamer, playHandlers } from './play-handlers.js';
import { withPlayKeywordsRendered } from './play-keywords.js';
import { serialBatches } from './serial.js';
import { runRole } from './role-run.js';
import { renderValue } from './deps.js';
import { allTags, childScope, effective, keywordBoolean, type Scope } from './scope.js';
import { shouldRunByTags } from './tags.js';
import { runTaskOnHost } from './task-runner.js';
import { renderShown } from './task-secrets.js';
import { taskVars } from './task-vars.js';
import { findModule } from '../modules/registry.js';
import { recordFailure } from './outcomes.js';
import { truthy } from './task-connection.js';

/** Task names may use variables (Ansible renders them with what is known before the task runs). */
function renderedName(pc: PlayContext, scope: Scope, task: Task, name: string, host: string): string {
  if (!name.includes('{')) return name;
  try {
    return renderShown(name, pc.run.masker, taskVars(pc, scope, task, host));
  } catch {
    return name;
  }
}

/** `run_once`, a template rendered with the first host's variables, as Ansible's linear strategy decides it. */
function runsOnce(pc: PlayContext, scope: Scope, task: Task, first: string): boolean {
  const keyword = effective(scope, task, 'runOnce');
  return typeof keyword === 'string' ? truthy(keyword, taskVars(pc, scope, task, first)) : keyword === true;
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

export async function runTask(pc: PlayContext, scope: Scope, task: Task, hosts: readonly string[], handler = scope.handler === true): Promise<void> {
  const { run } = pc;
  if (stopped(pc)) return;
  if (!handler && !shouldRunByTags(allTags(scope, task), { only: run.options.tags, skip: run.options.skipTags })) return;
  if (!handler && beforeStartAt(run, task)) return;
  const targets = active(pc, hosts);
  if (targets.length === 0) return;
  if (findModule(task.module)?.playControl) return runMeta(pc, scope, task, targets);
  const info = taskInfo(task, handler);
  info.name = renderedName(pc, scope, task, info.name, targets[0]!);
  await (handler ? run.report.handlerStart({ task: info, hosts: targets }) : run.report.taskStart({ task: info, hosts: targets }));

  let runOnce: boolean;
  try {
    runOnce = runsOnce(pc, scope, task, targets[0]!);
  } catch (err) {
    for (const h of targets) await recordFailure(pc, h, info, err);
    return;
  }
  if (runOnce) {
    const first = await runTaskOnHost(pc, scope, task, targets[0]!, info);
    // The one result stands for every host: registered and set_fact values too.
    const registered = task.register ? run.hosts.get(targets[0]!).hostFacts[task.register] : undefined;
    for (const h of targets.slice(1)) {
      const state = run.hosts.get(h);
      if (task.register) state.hostFacts[task.register] = registered;
      const facts = (first.result.facts ?? first.result.ansible_facts) as Record<string, unknown> | undefined;
      if (facts && findModule(task.module)?.setsVars === 'host-facts') Object.assign(state.hostFacts, facts);
    }
  } else if (findModule(task.module)?.bypassHostLoop) {
    // Once per task, on the first host; the others neither run nor report it (Ansible's BYPASS_HOST_LOOP).
    await runTaskOnHost(pc, scope, task, targets[0]!, info);
  } else {
    await mapLimit(targets, run.options.forks, (h) => runTaskOnHost(pc, scope, task, h, info));
  }

  const fatal = targets.length > 0 && anyErrorsFatal(pc, scope, task, targets[0]!);
  // A failure a rescue section will handle is not fatal (yet): the rescue's own failures are. An
  // unreachable host is fatal too, as in Ansible.
  const unreachable = targets.some((h) => run.hosts.get(h).unreachable);
  if (fatal && (unreachable || (!scope.rescuable && targets.some((h) => run.hosts.get(h).failed)))) {
    pc.ended = true;
    run.aborted = 'NO MORE HOSTS LEFT (any_errors_fatal: a host failed)';
  }
}

/** any_errors_fatal of the task (or what it is in), a template rendered with the first host's variables. */
function anyErrorsFatal(pc: PlayContext, scope: Scope, task: Task, host: string): boolean {
  const value = effective(scope, task, 'anyErrorsFatal') ?? pc.play.anyErrorsFatal;
  if (typeof value !== 'string') return value ?? false;
  return keywordBoolean('any_errors_fatal', renderValue(value, { vars: taskVars(pc, scope, task, host) }));
}

/**
 * Runs a task list. At the top level of a section, the failure limits are checked after each item
 * (inside a block they wait for its rescue/always, since a rescue can undo a failure).
 */
export async function runItems(pc: PlayContext, scope: Scope, items: readonly TaskItem[], hosts: readonly string[], topLevel = false): Promise<void> {
  for (const [index, item] of items.entries()) {
    if (stopped(pc) || (topLevel && checkBatchFailures(pc))) return;
    switch (item.kind) {
      case 'task':
        pc.lookahead = { scope, items, index };
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
  await runItems(pc, block.rescue.length > 0 ? { ...scope, rescuable: true } : scope, block.block, entered);

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
    return pc.batch.length > 0 ? renderShown(raw, pc.run.masker, taskVars(pc, playScope(pc.play), undefined, pc.batch[0]!)) : raw;
  } catch {
    return raw;
  }
}

/** Runs one play over its hosts in serial batches. */
export async function runPlay(run: RunContext, written: Play, hosts: string[]): Promise<void> {
  const play = withPlayKeywordsRendered(run, written);
  const batches = serialBatches(hosts, play.serial);
  const { handlers: handlerList, roleOf } = playHandlers(play);
  const handlers = new HandlerQueue(handlerList, handlerNamer(run, play, roleOf));
  const varsFilesByHost = new Map<string, Record<string, unknown>>();
  const rolesRun = new Map<string, Set<string>>();
  for (const h of hosts) run.hosts.get(h).endedPlay = false;
  if (batches.length === 0) {
    await run.report.playStart({ name: play.name ?? play.hosts, playbook: run.playbookFile, hosts: [] });
    // validateRun has warned that the pattern matches nothing; the banner shows which play is skipped.
    return;
  }
  for (const [index, batch] of batches.entries()) {
    if (run.interrupted || run.aborted) return;
    const pc: PlayContext = { run, play, playHosts: hosts, batch, handlers, handlerRoles: roleOf, varsFilesByHost, rolesRun, roleParams: new Map(), ended: false, endPlay: false };
    // Like Ansible, the recap lists the hosts whose batch started (a run stopped early leaves the rest out).
    for (const h of batch) run.stats.touch(h);
    await run.report.playStart({ name: playName(pc), playbook: run.playbookFile, hosts: batch, ...(batches.length > 1 ? { batch: { number: index + 1, count: batches.length } } : {}) });
    const scope = playScope(play);
    if (play.gatherFacts) await runTask(pc, scope, gatherFactsTask(play), batch);
    const sections: (() => Promise<void>)[] = [
      () => runItems(pc, scope, play.preTasks, batch, true),
      async () => {
        for (const role of play.roles) {
          if (stopped(pc)) return;
          await runRole(pc, scope, role, batch, { once: true, topLevel: true });
        }
        await runItems(pc, scope, play.tasks, batch, true);
      },
      () => runItems(pc, scope, play.postTasks, batch, true),
    ];
    for (const section of sections) {
      const activeAtStart = active(pc, batch);
      await section();
      await flushSectionEnd(pc, activeAtStart);
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
    run.aborted = ALL_HOSTS_FAILED;
    return true;
  }
  return false;
}
