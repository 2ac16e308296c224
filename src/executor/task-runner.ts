// One task on one host: variables, conditions, loop, rendered and checked arguments, the module run
// (with become, environment, delegation, check/diff mode), until/retries, changed_when/failed_when,
// register, handler notification, stats and reporting.
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Connection } from '../connection/types.js';
import { HaRunError, ValidationError } from '../errors.js';
import type { ModuleContext, ModuleResult } from '../modules/types.js';
import type { HostResultEvent, HostStatus, TaskInfo } from '../output/events.js';
import { censored } from '../output/mask.js';
import type { Task } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import {
  coerceToSchema,
  ConnectionError,
  evaluateCondition,
  findModule,
  isOmit,
  renderString,
  renderValue,
  runModule,
  validateAgainstSchema,
  withBecome,
} from './deps.js';
import { environmentStrings, lazyConnection, withEnvironment } from './environment.js';
import { itemLabel, itemVars, loopItems, loopVarName } from './loop.js';
import { allConditions, effective, type Scope } from './scope.js';
import { taskVars } from './task-vars.js';

export interface HostOutcome {
  host: string;
  status: HostStatus;
  ignored: boolean;
  result: Record<string, unknown>;
}

type Vars = Record<string, unknown>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ansible truthiness for keyword values that may be templates (`ignore_errors: "{{ x }}"`). */
export function truthy(value: unknown, vars: Vars): boolean {
  if (typeof value === 'string') return evaluateCondition(value, { vars });
  return Boolean(value);
}

/** Drops `omit` arguments (and omitted dict entries below them), as Ansible does. */
export function dropOmitted(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !isOmit(v)).map(dropOmitted);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Vars = {};
    for (const [k, v] of Object.entries(value)) if (!isOmit(v)) out[k] = dropOmitted(v);
    return out;
  }
  return value;
}

function conditionsHold(conditions: string[], vars: Vars): { ok: boolean; failed?: string } {
  for (const c of conditions) if (!evaluateCondition(c, { vars })) return { ok: false, failed: c };
  return { ok: true };
}

function skippedResult(failedCondition: string | undefined): ModuleResult {
  return { changed: false, skipped: true, skip_reason: 'Conditional result was False', ...(failedCondition ? { false_condition: failedCondition } : {}) };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Where a module looks for controller files: the role's kind dir, the role, the playbook's kind dir, the playbook dir. */
function fileFinder(pc: PlayContext, scope: Scope, task: Task) {
  return (kind: 'files' | 'templates' | 'vars' | 'tasks', path: string): string => {
    if (isAbsolute(path)) return path;
    const rolePath = task.role?.path ?? scope.role?.ref.path;
    const dirs = [
      ...(rolePath ? [join(rolePath, kind), rolePath] : []),
      join(pc.play.playbookDir, kind),
      pc.play.playbookDir,
    ];
    for (const d of dirs) {
      const candidate = join(d, path);
      if (existsSync(candidate)) return candidate;
    }
    throw new HaRunError('file-not-found', `could not find '${path}' in ${dirs.join(', ')}`);
  };
}

/** The connection a task uses on a host: delegated or not, with become and environment applied. */
async function connectionFor(pc: PlayContext, scope: Scope, task: Task, host: string, vars: Vars): Promise<{ conn: Connection; delegatedTo?: string }> {
  const { run } = pc;
  let target = host;
  let connVars: Vars = vars;
  const delegate = effective(scope, task, 'delegateTo');
  if (delegate) {
    target = renderString(String(delegate), { vars });
    if (target !== host) {
      if (run.inventory.hosts.has(target)) connVars = taskVars(pc, scope, task, target);
      else if (['localhost', '127.0.0.1', '::1'].includes(target)) connVars = { ansible_connection: 'local', inventory_hostname: target };
      else connVars = { ...vars, ansible_host: target, inventory_hostname: target };
    }
  }
  // Play keywords `connection:` and `remote_user:` apply unless the host's variables say otherwise.
  if (connVars.ansible_connection === undefined && pc.play.connection) connVars = { ...connVars, ansible_connection: pc.play.connection };
  if (connVars.ansible_user === undefined && pc.play.remoteUser) connVars = { ...connVars, ansible_user: pc.play.remoteUser };
  if (target === 'localhost' && !run.inventory.hosts.has('localhost') && connVars.ansible_connection === undefined) {
    connVars = { ...connVars, ansible_connection: 'local' };
  }
  let conn = lazyConnection(target, () => run.pool.get(target, connVars));

  const becomeKeyword = effective(scope, task, 'become');
  const become = becomeKeyword !== undefined ? truthy(becomeKeyword, vars) : truthy(vars.ansible_become ?? false, vars);
  if (become) {
    const user = effective(scope, task, 'becomeUser') ?? vars.ansible_become_user;
    const password = vars.ansible_become_password ?? vars.ansible_become_pass;
    conn = withBecome(conn, {
      user: user === undefined ? undefined : renderString(String(user), { vars }),
      password: password === undefined ? undefined : String(password),
    });
  }
  const env: Vars = {};
  for (const k of [...scope.keywords, task]) if (k.environment) Object.assign(env, renderValue(k.environment, { vars }) as Vars);
  conn = withEnvironment(conn, environmentStrings(env));
  return { conn, delegatedTo: target === host ? undefined : target };
}

/** changed_when / failed_when, with the result visible under its register name (as in Ansible). */
function applyResultConditions(task: Task, result: ModuleResult, vars: Vars): void {
  const withResult = task.register ? { ...vars, [task.register]: result } : vars;
  const holds = (conds: string[] | boolean) => (typeof conds === 'boolean' ? conds : conds.every((c) => evaluateCondition(c, { vars: withResult })));
  if (task.changedWhen !== undefined) result.changed = holds(task.changedWhen);
  if (task.failedWhen !== undefined) {
    const failed = holds(task.failedWhen);
    result.failed_when_result = failed;
    result.failed = failed;
    if (failed && result.msg === undefined) result.msg = 'failed_when condition was true';
  }
}

/** One run of the module (and its until/retries) with the given variables. */
async function attempt(pc: PlayContext, scope: Scope, task: Task, host: string, info: TaskInfo, vars: Vars): Promise<{ result: ModuleResult; delegatedTo?: string }> {
  const module = findModule(task.module);
  if (!module) return { result: { changed: false, failed: true, msg: `module '${task.module}' is not available` } };
  const rendered = dropOmitted(renderValue(task.args, { vars })) as Vars;
  const args = coerceToSchema(rendered, module.schema) as Vars;
  const problems = validateAgainstSchema(args, module.schema, { file: task.location.file, locate: () => task.location }, [], {
    allowTemplates: false,
    context: `module '${task.module}': `,
  });
  if (problems.length > 0) {
    return { result: { changed: false, failed: true, msg: problems.map((p) => p.message).join('; ') } };
  }
  const { conn, delegatedTo } = await connectionFor(pc, scope, task, host, vars);
  const checkKeyword = effective(scope, task, 'checkMode');
  const diffKeyword = effective(scope, task, 'diff');
  const ctx: ModuleContext = {
    host,
    conn,
    check: checkKeyword !== undefined ? truthy(checkKeyword, vars) : pc.run.options.check,
    diff: diffKeyword !== undefined ? diffKeyword : pc.run.options.diff,
    vars,
    render: (t) => renderString(t, { vars }),
    findFile: fileFinder(pc, scope, task),
  };
  // Ansible: `until` without `retries` tries 3 times; `retries: N` means N+1 attempts.
  const attempts = task.until ? (task.retries === undefined ? 3 : Math.max(task.retries, 0) + 1) : 1;
  let result: ModuleResult = { changed: false };
  for (let n = 1; n <= attempts; n++) {
    result = await runModule(module, ctx, args);
    // Diffs are shown exactly when the task is in diff mode (--diff, or its own `diff:`).
    if (!ctx.diff) delete result.diff;
    applyResultConditions(task, result, vars);
    if (!task.until) break;
    result.attempts = n;
    const withResult = task.register ? { ...vars, [task.register]: result } : vars;
    if (evaluateCondition(task.until, { vars: withResult })) {
      result.failed = false;
      break;
    }
    if (n === attempts) {
      result.failed = true;
      result.msg ??= `condition '${task.until}' still false after ${attempts} attempts`;
    } else if (!pc.run.interrupted) {
      await pc.run.report.retrying({ host, task: info, retriesLeft: attempts - n });
      await sleep((task.delay ?? 5) * 1000);
    }
  }
  return { result, delegatedTo };
}

function statusOf(result: ModuleResult): HostStatus {
  if (result.failed) return 'failed';
  if (result.skipped) return 'skipped';
  return result.changed ? 'changed' : 'ok';
}

/** The event reporters see: censored under no_log, facts left out (they are in ansible_facts). */
function resultEvent(host: string, info: TaskInfo, result: ModuleResult, noLog: boolean, started: number, delegatedTo?: string): HostResultEvent {
  const { facts: _f, ansible_facts: _af, ...shown } = result;
  return {
    host,
    task: info,
    status: statusOf(result),
    ...(delegatedTo ? { delegatedTo } : {}),
    ...(noLog
      ? { result: censored(result) }
      : {
          msg: typeof result.msg === 'string' ? result.msg : undefined,
          reasons: result.reasons,
          diff: result.diff,
          result: shown,
        }),
    durationMs: Date.now() - started,
  };
}

/** Runs `task` on `host` and records everything; never throws for the task's own problems. */
export async function runTaskOnHost(pc: PlayContext, scope: Scope, task: Task, host: string, info: TaskInfo): Promise<HostOutcome> {
  const { run } = pc;
  const state = run.hosts.get(host);
  const started = Date.now();
  let vars: Vars = {};
  let noLog = false;
  let result: ModuleResult;
  let delegatedTo: string | undefined;
  try {
    vars = taskVars(pc, scope, task, host);
    const noLogKeyword = effective(scope, task, 'noLog');
    noLog = noLogKeyword !== undefined && truthy(noLogKeyword, vars);
    const conditions = allConditions(scope, task);
    if (task.loop === undefined) {
      const cond = conditionsHold(conditions, vars);
      if (!cond.ok) result = skippedResult(cond.failed);
      else ({ result, delegatedTo } = await attempt(pc, scope, task, host, info, vars));
    } else {
      result = await runLoop(pc, scope, task, host, info, vars, conditions, noLog);
    }
  } catch (err) {
    // Ctrl-C closed the connections under the running tasks: that says nothing about the hosts.
    if (run.interrupted) return { host, status: 'failed', ignored: false, result: { changed: false, failed: true, msg: 'interrupted' } };
    if (err instanceof ConnectionError && err.unreachable) {
      return recordUnreachable(pc, host, info, err, started);
    }
    result = { changed: false, failed: true, msg: errorMessage(err) };
    if (!(err instanceof HaRunError)) result.exception = (err as Error)?.stack;
  }
  result.changed = result.changed === true;

  const ignoreKeyword = effective(scope, task, 'ignoreErrors');
  const ignored = result.failed === true && ignoreKeyword !== undefined && safeTruthy(ignoreKeyword, vars);
  absorbFacts(pc, task, host, result);
  if (task.register) state.hostFacts[task.register] = result;

  const event = resultEvent(host, info, result, noLog, started, delegatedTo);
  if (ignored) event.ignored = true;
  const status = event.status;
  if (status === 'failed' && !ignored) {
    state.failed = true;
    state.lastFailure = {
      task: { name: info.name, module: info.module, file: task.location.file, line: task.location.line },
      result,
    };
    // Its notifications stay queued: a rescue may bring the host back, and flushing skips failed hosts.
    run.stats.record(host, 'failed');
  } else if (status === 'failed') run.stats.record(host, result.changed ? 'ignored-changed' : 'ignored');
  else run.stats.record(host, status);
  if (status === 'changed') notifyHandlers(pc, task, host, vars);
  await run.report.hostResult(event);
  return { host, status, ignored, result };
}

function safeTruthy(value: unknown, vars: Vars): boolean {
  try {
    return truthy(value, vars);
  } catch {
    return false;
  }
}

function notifyHandlers(pc: PlayContext, task: Task, host: string, vars: Vars): void {
  for (const name of task.notify) {
    let resolved = name;
    try {
      resolved = renderString(name, { vars });
    } catch {
      // an unrenderable name cannot match a handler; the validator has warned already
    }
    if (!pc.handlers.notify(host, resolved)) {
      void pc.run.report.warning(`${host}: notify '${resolved}' matches no handler`);
    }
  }
}

/** set_fact, include_vars and setup results become host variables. */
function absorbFacts(pc: PlayContext, task: Task, host: string, result: ModuleResult): void {
  if (result.failed || result.skipped) return;
  const state = pc.run.hosts.get(host);
  const collect = (r: ModuleResult): Vars | undefined => (r.facts ?? r.ansible_facts) as Vars | undefined;
  const all = Array.isArray(result.results) ? (result.results as ModuleResult[]).filter((r) => !r.failed && !r.skipped).map(collect) : [collect(result)];
  for (const facts of all) {
    if (!facts) continue;
    // A secret-looking name set at run time (set_fact, include_vars) is masked from now on.
    pc.run.masker.addFromVars(facts);
    const module = findModule(task.module)?.name ?? task.module;
    if (module === 'include_vars') Object.assign(state.includeVars, facts);
    else if (module === 'setup' || module === 'gather_facts') Object.assign(state.facts, facts);
    else Object.assign(state.hostFacts, facts);
  }
}

async function runLoop(pc: PlayContext, scope: Scope, task: Task, host: string, info: TaskInfo, vars: Vars, conditions: string[], noLog: boolean): Promise<ModuleResult> {
  const items = loopItems(renderValue(task.loop, { vars }), task.loopForm);
  if (items.length === 0) return { changed: false, skipped: true, skip_reason: 'No items in the list', results: [] };
  const lc = task.loopControl;
  const results: ModuleResult[] = [];
  for (let i = 0; i < items.length; i++) {
    if (pc.run.interrupted) break;
    const started = Date.now();
    const iv = { ...vars, ...itemVars(items, i, lc) };
    const cond = conditionsHold(conditions, iv);
    let r: ModuleResult;
    let delegatedTo: string | undefined;
    if (!cond.ok) r = skippedResult(cond.failed);
    else {
      ({ result: r, delegatedTo } = await attempt(pc, scope, task, host, info, iv));
      // Later items see what earlier set_fact items set.
      absorbFacts(pc, task, host, r);
    }
    r.changed = r.changed === true;
    r[loopVarName(lc)] = items[i];
    r.ansible_loop_var = loopVarName(lc);
    if (lc?.indexVar) r[lc.indexVar] = i;
    results.push(r);
    const label = lc?.label !== undefined ? renderString(lc.label, { vars: iv }) : itemLabel(items[i]);
    const event = resultEvent(host, info, r, noLog, started, delegatedTo);
    await pc.run.report.itemResult({ ...event, item: noLog ? 'None' : label });
    if (lc?.pause && i < items.length - 1) await sleep(lc.pause * 1000);
  }
  const failed = results.some((r) => r.failed);
  const skipped = results.every((r) => r.skipped);
  return {
    changed: results.some((r) => r.changed),
    ...(failed ? { failed: true } : {}),
    ...(skipped ? { skipped: true } : {}),
    msg: failed ? 'One or more items failed' : 'All items completed',
    results,
  };
}

/** A failure outside any module (an include that cannot be loaded or rendered): recorded like a failed task. */
export async function recordFailure(pc: PlayContext, host: string, info: TaskInfo, err: unknown): Promise<void> {
  const msg = err instanceof ValidationError ? err.diagnostics.map((d) => d.message).join('; ') : errorMessage(err);
  const state = pc.run.hosts.get(host);
  const result = { changed: false, failed: true, msg };
  state.failed = true;
  state.lastFailure = { task: { name: info.name, module: info.module, file: info.location?.file, line: info.location?.line }, result };
  pc.run.stats.record(host, 'failed');
  await pc.run.report.hostResult({ host, task: info, status: 'failed', msg, result, durationMs: 0 });
}

async function recordUnreachable(pc: PlayContext, host: string, info: TaskInfo, err: ConnectionError, started: number): Promise<HostOutcome> {
  const state = pc.run.hosts.get(host);
  state.unreachable = true;
  pc.run.stats.record(host, 'unreachable');
  const result = { changed: false, unreachable: true, msg: err.message };
  await pc.run.report.unreachable({
    host,
    task: info,
    status: 'unreachable',
    msg: err.message,
    errorCode: err.code,
    hint: err.hint,
    result,
    durationMs: Date.now() - started,
  });
  return { host, status: 'unreachable', ignored: false, result };
}
