// Look-ahead reads. Before a declarative task reads its host, the read-only fact requests of the tasks
// after it in the same list are gathered too and sent in the same round trip; the connection keeps the
// answers (connection/fact-cache.ts) until anything changes anywhere in the run. A converged play thus
// costs a few round trips per host instead of one per task. The reads are only a preview: each task
// still asks for its facts when it runs, and gets the kept answer only if its request is exactly the
// same (same script, user, environment) and nothing has run since; otherwise it reads again.
import { readFileSync } from 'node:fs';
import { firstExchangeOnly } from '../connection/first-exchange.js';
import type { ConnectionTarget } from '../connection/target.js';
import { newNonce, sectionsScript, type SectionRequest } from '../connection/sections.js';
import type { Connection, ExecOptions } from '../connection/types.js';
import type { Module } from '../modules/types.js';
import type { Task } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import { evaluateCondition, findModule, speculative } from './deps.js';
import { argumentProblems, moduleArguments } from './module-arguments.js';
import { moduleContext } from './module-context.js';
import { allConditions, effective, type Scope } from './scope.js';
import { searchPaths } from './search-path.js';
import { connectionFor } from './task-connection.js';
import { taskVars } from './task-vars.js';

type Vars = Record<string, unknown>;

/** How many tasks one look-ahead read covers at most. */
const WINDOW = 32;

/** A read the recording connection saw: where it would go and with which options (user, environment). */
interface RecordedRead {
  endpoint: ConnectionTarget;
  options: ExecOptions;
  requests: readonly SectionRequest[];
}


// A lookup can run a command or create a file on the controller (pipe, lines, password): never run one
// early. A task that calls one is not previewed, and the variables of a preview are speculative, so a
// lookup reached through a variable's template refuses to run (LookupDeferred) instead.
const LOOKUP = /\b(lookup|query|q)\s*\(/;

/** Per host, what its last window saw: a host that keeps changing gains nothing from look-ahead, and a
 *  task whose reads the last window already made (nothing having run since) needs no window of its own. */
interface LastWindow {
  changed: number;
  readAt: number;
  covered: Set<Task>;
}
const lastWindows = new WeakMap<PlayContext, Map<string, LastWindow>>();

/** Reads the facts of `task` and of the tasks ahead of it on `host` in one round trip, where they can be known now. */
export async function readAhead(pc: PlayContext, scope: Scope, task: Task, host: string): Promise<void> {
  const ahead = pc.lookahead;
  if (!ahead || ahead.scope !== scope || ahead.items[ahead.index] !== task) return;
  const windows = lastWindows.get(pc) ?? new Map<string, LastWindow>();
  lastWindows.set(pc, windows);
  const last = windows.get(host);
  const facts = pc.run.pool.facts;
  if (last && last.readAt === facts.now() && last.covered.has(task)) return;
  const changed = pc.run.stats.changedCount(host);
  // While a host is changing (a first run), each window would be thrown away by the next change: the
  // task reads its own facts when it runs, as without look-ahead.
  if (last && changed > last.changed) {
    windows.set(host, { changed, readAt: -1, covered: new Set() });
    return;
  }

  const reads: RecordedRead[] = [];
  const covered = new Set<Task>();
  const readAt = facts.now();
  // What the set_fact tasks passed so far would set: the tasks after them render with it.
  const previewed: Vars = {};
  for (let i = ahead.index; i < ahead.items.length && covered.size < WINDOW; i++) {
    const item = ahead.items[i]!;
    if (item.kind !== 'task') break;
    const module = findModule(item.module);
    if (!module || module.waits) break;
    if (module.kind === 'action' && !module.readsOnly && !module.readsBeforeRunning) {
      // debug, set_fact, assert touch no host: look past them.
      if (!module.controllerOnly) break;
      if (module.setsVars === 'host-facts') Object.assign(previewed, await previewFacts(pc, scope, item, module, host, previewed));
      continue;
    }
    const recorded = await recordReads(pc, scope, item, module, host, previewed);
    if (recorded === undefined) break;
    reads.push(...recorded);
    // The window's reads will need these connections: start the handshakes now, and let them progress
    // while the rest of the window is worked out (that work never yields on its own).
    for (const read of recorded) pc.run.pool.open(read.endpoint).catch(() => undefined);
    if (recorded.length > 0) await new Promise((resume) => setImmediate(resume));
    // A task whose arguments could not be rendered yet (a variable set later) reads for itself.
    if (recorded.length > 0) covered.add(item);
  }
  await sendTogether(pc, reads);
  windows.set(host, { changed, readAt, covered });
}

function speculable(scope: Scope, task: Task, module: Module): boolean {
  if (module.kind === 'declarative' ? module.prelude !== undefined : !module.readsOnly && !module.readsBeforeRunning) return false;
  if (task.loop !== undefined || task.async !== undefined) return false;
  if (effective(scope, task, 'delegateTo') !== undefined || effective(scope, task, 'runOnce')) return false;
  return !LOOKUP.test(JSON.stringify([task.args, allConditions(scope, task)]));
}

/**
 * The facts a set_fact task would set on `host` now ({} when it cannot tell). A wrong guess (a variable
 * that -e overrides, a value an earlier task changes) only makes a later request differ from what the
 * task asks when it runs, which then reads for itself: a preview never decides anything.
 */
async function previewFacts(pc: PlayContext, scope: Scope, task: Task, module: Module, host: string, previewed: Vars): Promise<Vars> {
  if (module.kind !== 'action' || task.loop !== undefined || effective(scope, task, 'delegateTo') !== undefined) return {};
  if (LOOKUP.test(JSON.stringify([task.args, allConditions(scope, task)]))) return {};
  try {
    const vars: Vars = speculative(taskVars(pc, scope, task, host, previewed));
    for (const condition of allConditions(scope, task)) if (!evaluateCondition(condition, { vars })) return {};
    const args = moduleArguments(task, module, vars, searchPaths(pc, scope, task));
    if (argumentProblems(task, module, args).length > 0) return {};
    const result = await module.run(moduleContext(pc, scope, task, host, vars, firstExchangeOnly(host)), args);
    return result.failed ? {} : ((result.ansible_facts as Vars | undefined) ?? {});
  } catch {
    return {};
  }
}


/** The reads the task would make first on `host` with today's variables; [] when its `when` is false; undefined to stop looking. */
async function recordReads(pc: PlayContext, scope: Scope, task: Task, module: Module, host: string, previewed: Vars): Promise<RecordedRead[] | undefined> {
  if (!speculable(scope, task, module)) return undefined;
  const reads: RecordedRead[] = [];
  // The task would change its host before (or without) reading anything: the reads after it are for nothing.
  let writesFirst = false;
  try {
    const vars: Vars = speculative(taskVars(pc, scope, task, host, previewed));
    for (const condition of allConditions(scope, task)) if (!evaluateCondition(condition, { vars })) return [];
    const paths = searchPaths(pc, scope, task);
    const args = moduleArguments(task, module, vars, paths);
    if (argumentProblems(task, module, args).length > 0) return undefined;
    // The module's gather stops at its first exchange, which is recorded.
    const recorder = (target: string, endpoint: ConnectionTarget): Connection =>
      firstExchangeOnly(target, (x) => {
        if (x.kind === 'put') writesFirst = true;
        if (x.kind !== 'exec') return;
        if (x.options.sections && x.options.stdin === undefined) reads.push({ endpoint, options: x.options, requests: x.options.sections.requests });
        else if (!x.options.sections) writesFirst = true;
      });
    const { conn } = await connectionFor(pc, scope, task, host, vars, recorder);
    const ctx = moduleContext(pc, scope, task, host, vars, conn);
    // A template file is rendered by gather: only one that cannot call a lookup (nor include another file).
    const templateFile = module.templateFileArg === undefined ? undefined : args[module.templateFileArg];
    if (templateFile !== undefined && !plainTemplate(ctx.findFile('templates', String(templateFile)))) return undefined;
    await (module.kind === 'declarative' ? module.gather(ctx, args) : module.run(ctx, args));
  } catch {
    // Recorded, or anything the task itself will meet and report when it runs.
  }
  return writesFirst && module.kind === 'action' ? undefined : reads;
}

function plainTemplate(path: string): boolean {
  const text = readFileSync(path, 'utf8');
  return !LOOKUP.test(text) && !/\{%-?\s*(include|import|from|extends)\b/.test(text);
}

/** One round trip per connection for every read recorded for it; the answers stay with the connection. */
async function sendTogether(pc: PlayContext, reads: RecordedRead[]): Promise<void> {
  const groups = new Map<string, { endpoint: ConnectionTarget; options: ExecOptions; requests: Map<string, SectionRequest> }>();
  for (const read of reads) {
    const { sections: _sections, ...options } = read.options;
    const key = JSON.stringify([read.endpoint, options]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { endpoint: read.endpoint, options, requests: new Map() }));
    for (const r of read.requests) group.requests.set(JSON.stringify(r), r);
  }
  for (const { endpoint, options, requests } of groups.values()) {
    const nonce = newNonce();
    const all = [...requests.values()];
    try {
      const conn = await pc.run.pool.open(endpoint);
      await conn.exec(sectionsScript(nonce, all), { ...options, ownScript: true, sections: { nonce, requests: all } });
    } catch {
      // The task's own read meets the same problem (an unreachable host) and reports it.
    }
  }
}
