// One task on one host: variables, conditions, loop, rendered and checked arguments, the module run
// (through the task's connection, in check/diff mode as asked), until/retries, changed_when/failed_when,
// register, handler notification, stats and reporting.
import { HaRunError } from '../errors.js';
import type { Module, ModuleResult } from '../modules/types.js';
import type { TaskInfo } from '../output/events.js';
import type { Task } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import {
  ConnectionError,
  evaluateCondition,
  findModule,
  renderString,
  renderValue,
  runModule,
} from './deps.js';
import { itemLabel, itemVars, itemsUnlessSkipped, loopItems, loopVarName, lookupSubdirFor, withRenderedNames } from './loop.js';
import { errorMessage, isFailed, recordInterrupted, recordUnreachable, resultEvent, skippedResult, type HostOutcome } from './outcomes.js';
import { allConditions, effective, notifiedBy, type Scope } from './scope.js';
import { resultAsVariable } from './target-data.js';
import { searchPaths } from './search-path.js';
import { connectionFor, truthy } from './task-connection.js';
import { learnNoLogResult, learnRenderedSecrets, secretArguments, secretResultValues, secretsReadBy } from './task-secrets.js';
import { taskVars } from './task-vars.js';
import { moduleContext } from './module-context.js';
import { argumentProblems, moduleArguments } from './module-arguments.js';
import { readAhead } from './lookahead.js';
import { applyInventoryChanges } from './inventory-changes.js';
import { runAsyncTask, type AsyncTiming } from './async-task.js';
import { stopWhereDebuggerOpens } from './debugger.js';

type Vars = Record<string, unknown>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function conditionsHold(conditions: string[], vars: Vars): { ok: boolean; failed?: string } {
  for (const c of conditions) if (!evaluateCondition(c, { vars })) return { ok: false, failed: c };
  return { ok: true };
}

/** changed_when / failed_when, with the result visible under its register name (as in Ansible). */
function applyResultConditions(task: Task, result: ModuleResult, vars: Vars): void {
  if (task.changedWhen === undefined && task.failedWhen === undefined) return;
  const withResult = withRegistered(task, result, vars);
  const holds = (conds: string[] | boolean) => (typeof conds === 'boolean' ? conds : conds.every((c) => evaluateCondition(c, { vars: withResult })));
  // As in Ansible, a condition that cannot be evaluated fails the task, which keeps what the module
  // returned (stdout...) and says why under changed_when_result / failed_when_result.
  let evaluating: 'changed' | 'failed' = 'changed';
  try {
    if (task.changedWhen !== undefined) result.changed = holds(task.changedWhen);
    evaluating = 'failed';
    if (task.failedWhen !== undefined) {
      const failed = holds(task.failedWhen);
      result.failed_when_result = failed;
      result.failed = failed;
      if (failed && result.msg === undefined) result.msg = 'failed_when condition was true';
    }
  } catch (err) {
    const why = `the ${evaluating}_when condition could not be evaluated: ${errorMessage(err)}`;
    result.failed = true;
    result[`${evaluating}_when_result`] = why;
    if (!result.msg) result.msg = why;
  }
}

/** The variables with the result registered (as target data), for changed_when, failed_when and until. */
function withRegistered(task: Task, result: ModuleResult, vars: Vars): Vars {
  return task.register ? { ...vars, [task.register]: resultAsVariable(task.module, result) } : vars;
}

/** A keyword written as a number or a template (`retries: "{{ n }}"`), rendered to a number that is not negative. */
function keywordNumber(v: number | string | undefined, keyword: string, fallback: number, vars: Vars, searchPaths: string[], whole = true): number {
  if (v === undefined) return fallback;
  const n = Number(typeof v === 'number' ? v : renderString(v, { vars, searchPaths }));
  if (!Number.isFinite(n) || n < 0 || (whole && !Number.isInteger(n))) {
    throw new HaRunError('bad-keyword-number', `the field '${keyword}' must be a ${whole ? 'whole ' : ''}number that is not negative, not ${JSON.stringify(v)}`);
  }
  return n;
}

/** The task's `async:`/`poll:` rendered to seconds; undefined without `async` (or async: 0, as Ansible). */
function asyncTiming(task: Task, vars: Vars, searchPaths: string[]): AsyncTiming | undefined {
  if (task.async === undefined) return undefined;
  const limit = keywordNumber(task.async, 'async', 0, vars, searchPaths);
  // Ansible's default poll interval is 10 seconds.
  return limit === 0 ? undefined : { seconds: limit, poll: keywordNumber(task.poll, 'poll', 10, vars, searchPaths) };
}

/** The task's module; for `action: "{{ ... }}"` the one the name renders to on this host. */
function moduleForHost(task: Task, vars: Vars): Module | undefined {
  const module = findModule(task.module);
  if (module?.templatedName === undefined) return module;
  const name = renderString(module.templatedName, { vars }).trim();
  const named = findModule(name);
  if (named && named.templatedName === undefined) return named;
  throw new HaRunError('unknown-module', `couldn't resolve module/action '${name}' (the action '${task.module}' on this host)`);
}

/** One run of the module (and its until/retries) with the given variables. */
async function attempt(
  pc: PlayContext,
  scope: Scope,
  task: Task,
  host: string,
  info: TaskInfo,
  vars: Vars,
  used: unknown[],
): Promise<{ result: ModuleResult; delegatedTo?: string; showDiff?: boolean }> {
  const ignoreProblem = ignoreErrors(scope, task, vars).problem;
  if (ignoreProblem !== undefined) return { result: { changed: false, failed: true, msg: ignoreProblem } };
  const module = moduleForHost(task, vars);
  if (!module) return { result: { changed: false, failed: true, msg: `module '${task.module}' is not available` } };
  // lookup('file', ...) and friends find relative paths where the task's files/ and templates/ are.
  const paths = searchPaths(pc, scope, task);
  const args = moduleArguments(task, module, vars, paths);
  const secretArgs = secretArguments(module, args);
  used.push(...secretArgs);
  secretArgs.forEach((value) => pc.run.masker.add(value));
  const problems = argumentProblems(task, module, args);
  if (problems.length > 0) {
    return { result: { changed: false, failed: true, msg: problems.map((p) => p.message).join('; ') } };
  }
  let timing: AsyncTiming | undefined;
  try {
    timing = asyncTiming(task, vars, paths);
  } catch (err) {
    return { result: { changed: false, failed: true, msg: errorMessage(err) } };
  }
  if (timing && (module.refusesAsync || module.controllerOnly)) return { result: { changed: false, failed: true, msg: 'async is not supported for this task.' } };
  const { conn, delegatedTo } = await connectionFor(pc, scope, task, host, vars);
  const ctx = moduleContext(pc, scope, task, host, vars, conn);
  // Ansible: `until` without `retries` tries 3 times; `retries: N` means N+1 attempts.
  const attempts = task.until ? (task.retries === undefined ? 3 : keywordNumber(task.retries, 'retries', 0, vars, paths) + 1) : 1;
  const delay = task.until ? keywordNumber(task.delay, 'delay', 5, vars, paths, false) : 0;
  if ((module.kind === 'declarative' || module.readsOnly) && !timing) await readAhead(pc, scope, task, host);
  let result: ModuleResult = { changed: false };
  for (let n = 1; n <= attempts; n++) {
    // A retry waits for the host to change on its own: read it again.
    if (n > 1) pc.run.pool.facts.forget();
    result = timing && !ctx.check ? await runAsyncTask(module, ctx, args, timing, () => pc.run.interrupted) : await runModule(module, ctx, args);
    if (module.waits) pc.run.pool.facts.forget();
    // Secret result values (a private key's content) are masked in every later line, as secret arguments are.
    const secretValues = secretResultValues(module, result);
    used.push(...secretValues);
    secretValues.forEach((value) => pc.run.masker.add(value));
    // Per attempt (so per loop item, before it is reported), as Ansible's strategy applies them.
    if (module.changesInventory) applyInventoryChanges(pc, host, result);
    // Diffs are shown exactly when the task is in diff mode (--diff, or its own `diff:`); a module whose
    // Ansible counterpart returns its diff in every mode (known_hosts) keeps it registered.
    if (!ctx.diff && !module.returnsDiff) delete result.diff;
    // changed_when and failed_when see the attempt number too, as in Ansible.
    if (task.until) result.attempts = n;
    applyResultConditions(task, result, vars);
    if (!task.until) break;
    // Satisfied: the result stands as the module gave it (an `until` can wait for a failure, too).
    if (evaluateCondition(task.until, { vars: withRegistered(task, result, vars) })) break;
    if (n === attempts) {
      // Out of attempts: failed, and `attempts` one less than were made, as Ansible registers it.
      result.failed = true;
      result.attempts = n - 1;
      result.msg ??= `condition '${task.until}' still false after ${attempts} attempts`;
    } else if (!pc.run.interrupted) {
      await pc.run.report.retrying({ host, task: info, retriesLeft: attempts - n });
      await sleep(delay * 1000);
    }
  }
  return { result, delegatedTo, showDiff: ctx.diff };
}

/** Runs `task` on `host` and records everything; never throws for the task's own problems. */
export async function runTaskOnHost(pc: PlayContext, scope: Scope, task: Task, host: string, info: TaskInfo): Promise<HostOutcome> {
  const outcome = await taskOutcome(pc, scope, task, host, info);
  stopWhereDebuggerOpens(pc, scope, task, outcome);
  return outcome;
}

/** A task that ran (not one a `when` skipped, not a loop) registers `failed` even when false, as Ansible's results do. */
function withFailedKey(task: Task, result: ModuleResult): ModuleResult {
  if (task.loop !== undefined || result.failed !== undefined || (result.skipped === true && 'skip_reason' in result)) return result;
  return { ...result, failed: false };
}

async function taskOutcome(pc: PlayContext, scope: Scope, task: Task, host: string, info: TaskInfo): Promise<HostOutcome> {
  const { run } = pc;
  const state = run.hosts.get(host);
  const started = Date.now();
  let vars: Vars = {};
  let noLog = false;
  let result: ModuleResult;
  let delegatedTo: string | undefined;
  let showDiff: boolean | undefined;
  // Secret values this task uses: masked in its own output whatever their length.
  const used: unknown[] = [];
  try {
    vars = taskVars(pc, scope, task, host);
    const paths = searchPaths(pc, scope, task);
    learnRenderedSecrets(run.masker, vars, paths);
    used.push(...secretsReadBy([task.args, task.loop], run.masker, vars, paths));
    const noLogKeyword = effective(scope, task, 'noLog');
    noLog = noLogKeyword !== undefined && truthy(noLogKeyword, vars);
    const conditions = allConditions(scope, task);
    if (task.loop === undefined) {
      const cond = conditionsHold(conditions, vars);
      if (!cond.ok) result = skippedResult(cond.failed);
      else ({ result, delegatedTo, showDiff } = await attempt(pc, scope, task, host, info, vars, used));
    } else {
      result = await runLoop(pc, scope, task, host, info, vars, conditions, noLog, used);
    }
  } catch (err) {
    // Ctrl-C or SIGTERM closed the connections under the running tasks: that says nothing about the hosts.
    if (run.interrupted) return recordInterrupted(pc, host, info, started);
    if (err instanceof ConnectionError && err.unreachable) {
      return recordUnreachable(pc, host, info, err, started);
    }
    result = { changed: false, failed: true, msg: errorMessage(err) };
    if (!(err instanceof HaRunError)) result.exception = (err as Error)?.stack;
  }
  result.changed = result.changed === true;
  // Stopped mid-way (a failure the stop caused, or a loop that did not get through its items): neither
  // ok nor changed nor failed can be said.
  if (run.interrupted && (result.failed === true || result.interrupted === true)) return recordInterrupted(pc, host, info, started, result);

  const ignored = isFailed(result) && ignoreErrors(scope, task, vars).ignore;
  // From here on the result is variables: target data, never rendered again.
  const registered = resultAsVariable(task.module, withFailedKey(task, result));
  if (noLog) learnNoLogResult(run.masker, task, findModule(task.module), result);
  absorbFacts(pc, task, host, registered);
  if (task.register) state.hostFacts[task.register] = registered;

  const event = resultEvent(host, info, result, noLog, started, { delegatedTo, showDiff });
  if (ignored) event.ignored = true;
  const status = event.status;
  if (status === 'failed' && !ignored) {
    state.failed = true;
    state.lastFailure = {
      task: { name: task.name ?? '', action: task.action ?? task.module, module: info.module, file: task.location.file, line: task.location.line },
      result: registered,
    };
    // Its notifications stay queued: a rescue may bring the host back, and flushing skips failed hosts.
    run.stats.record(host, 'failed');
  } else if (status === 'failed') run.stats.record(host, result.changed ? 'ignored-changed' : 'ignored');
  else run.stats.record(host, status);
  if (status === 'changed') notifyHandlers(pc, notifiedBy(scope, task), host, vars);
  // A module's own warnings (command's ignored `executable`, unreadable local facts), as Ansible shows them.
  if (Array.isArray(result.warnings)) for (const w of result.warnings) await run.report.warning({ message: run.masker.forTask(used).mask(String(w)), host: event.host, ...(event.task.location ? { location: event.task.location } : {}) });
  await run.report.hostResult(run.masker.forTask(used).mask(event));
  return { host, status, ignored, result };
}

/**
 * The task's ignore_errors on this host. A template that cannot be rendered fails the task before its
 * module runs, as Ansible's keyword validation does; Ansible then ignores that failure (it is left with the
 * unrendered text, a non-empty string), and so does ha-run.
 */
function ignoreErrors(scope: Scope, task: Task, vars: Vars): { ignore: boolean; problem?: string } {
  const keyword = effective(scope, task, 'ignoreErrors');
  if (keyword === undefined) return { ignore: false };
  try {
    return { ignore: truthy(keyword, vars) };
  } catch (err) {
    return { ignore: true, problem: `the field 'ignore_errors' has an invalid value: ${errorMessage(err)}` };
  }
}

function notifyHandlers(pc: PlayContext, names: string[], host: string, vars: Vars): void {
  for (const name of names) {
    let resolved = name;
    try {
      resolved = renderString(name, { vars });
    } catch {
      // an unrenderable name cannot match a handler; the validator has warned already
    }
    if (!pc.handlers.notify(host, resolved)) {
      void pc.run.report.warning({ message: `notify '${resolved}' matches no handler`, host });
    }
  }
}

/** set_fact, include_vars and setup results become host variables. */
function absorbFacts(pc: PlayContext, task: Task, host: string, result: ModuleResult): void {
  if (result.failed || result.skipped) return;
  // debug shows values, it sets none: `debug: var=ansible_facts` (or a variable called `facts`) is a display.
  if (findModule(task.module)?.output === 'show-result') return;
  const state = pc.run.hosts.get(host);
  const collect = (r: ModuleResult): Vars | undefined => (r.facts ?? r.ansible_facts) as Vars | undefined;
  const all = Array.isArray(result.results) ? (result.results as ModuleResult[]).filter((r) => !r.failed && !r.skipped).map(collect) : [collect(result)];
  for (const facts of all) {
    if (!facts) continue;
    const destination = findModule(task.module)?.setsVars ?? 'host-facts';
    // A secret-looking name set at run time (set_fact, include_vars) is masked from now on. A module's
    // own fact names are not chosen by the user: getent_passwd holds no password.
    if (destination !== 'named-facts') pc.run.masker.addFromVars(facts);
    if (destination === 'include-vars') Object.assign(state.includeVars, facts);
    // A new object: the template caches remember objects, and ansible_facts is this one.
    else if (destination === 'gathered-facts') state.facts = { ...state.facts, ...facts };
    else if (destination === 'named-facts') {
      state.facts = { ...state.facts, ...facts };
      Object.keys(facts).forEach((k) => state.ownNamedFacts.add(k));
    } else Object.assign(state.hostFacts, facts);
  }
}

async function runLoop(pc: PlayContext, scope: Scope, task: Task, host: string, info: TaskInfo, vars: Vars, conditions: string[], noLog: boolean, used: unknown[]): Promise<ModuleResult> {
  const loopCtx = { vars, searchPaths: searchPaths(pc, scope, task), lookupSubdir: lookupSubdirFor(task.action ?? task.module) };
  const items = itemsUnlessSkipped(
    () => loopItems(renderValue(task.loop, loopCtx), task.loopForm, loopCtx),
    () => !conditionsHold(conditions, vars).ok,
  );
  if (items === undefined) return skippedResult(conditionsHold(conditions, vars).failed);
  if (items.length === 0) return { changed: false, skipped: true, skip_reason: 'No items in the list', results: [] };
  const lc = withRenderedNames(task.loopControl, vars);
  const results: ModuleResult[] = [];
  for (let i = 0; i < items.length; i++) {
    if (pc.run.interrupted) return { changed: results.some((r) => r.changed), interrupted: true, results };
    const started = Date.now();
    const iv = { ...vars, ...itemVars(items, i, lc) };
    const cond = conditionsHold(conditions, iv);
    let r: ModuleResult;
    let delegatedTo: string | undefined;
    let showDiff: boolean | undefined;
    if (!cond.ok) r = skippedResult(cond.failed);
    else {
      ({ result: r, delegatedTo, showDiff } = await attempt(pc, scope, task, host, info, iv, used));
      // Later items see what earlier set_fact / include_vars items set (Ansible updates the task vars too).
      const asVariable = resultAsVariable(task.module, r);
      absorbFacts(pc, task, host, asVariable);
      const facts = !r.failed && (asVariable.facts ?? asVariable.ansible_facts);
      if (facts && typeof facts === 'object') Object.assign(vars, facts);
    }
    r.changed = r.changed === true;
    r[loopVarName(lc)] = items[i];
    r.ansible_loop_var = loopVarName(lc);
    if (lc?.indexVar) r[lc.indexVar] = i;
    results.push(r);
    const label = lc?.label !== undefined ? renderString(lc.label, { vars: iv }) : itemLabel(items[i]);
    const event = resultEvent(host, info, r, noLog, started, { delegatedTo, showDiff });
    await pc.run.report.itemResult(pc.run.masker.forTask(used).mask({ ...event, item: noLog ? 'None' : label, itemCount: items.length }));
    if (lc?.pause && i < items.length - 1) await sleep(lc.pause * 1000);
  }
  const failed = results.some((r) => isFailed(r));
  const skipped = results.every((r) => r.skipped);
  return {
    changed: results.some((r) => r.changed),
    ...(failed ? { failed: true } : {}),
    ...(skipped ? { skipped: true } : {}),
    msg: failed ? 'One or more items failed' : 'All items completed',
    results,
  };
}
