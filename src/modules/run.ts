// Runs one module for one host: what the executor calls. Declarative modules: gather (read-only) →
// plan (pure) → in check mode report what would change, else apply each change's ops and re-read
// the facts for the registered result. Action modules: run. A module's own failure becomes a
// failed result; a broken connection propagates (the executor marks the host unreachable).
import { HaRunError } from '../errors.js';
import { newNonce, renderSections, type SectionAnswer, type SectionRequest } from '../connection/sections.js';
import { firstExchangeOnly } from '../connection/first-exchange.js';
import type { Connection } from '../connection/types.js';
import type { DeclarativeModule, ModuleContext, ModuleResult, Module, Op } from './types.js';
import { ModuleFailure } from './failure.js';

export async function runModule(module: Module, ctx: ModuleContext, args: Record<string, unknown>): Promise<ModuleResult> {
  try {
    if (module.kind === 'action') return await module.run(ctx, args);
    return await runDeclarative(module, ctx, args);
  } catch (err) {
    return failureResult(err);
  }
}

/** A module failure (or any input problem found at run time) is the task's failure, not ha-run's. */
export function failureResult(err: unknown): ModuleResult {
  if (err instanceof ModuleFailure) return { changed: false, failed: true, msg: err.message, ...err.extra };
  // A lost host is the executor's business (unreachable); one command that timed out is this task's failure.
  if (err instanceof HaRunError && (err as { unreachable?: boolean }).unreachable !== true) return { changed: false, failed: true, msg: err.message };
  throw err;
}

async function runDeclarative(module: DeclarativeModule, ctx: ModuleContext, args: Record<string, unknown>): Promise<ModuleResult> {
  if (!ctx.check) {
    for (const step of module.prelude?.(args) ?? []) {
      for (const op of step.ops) {
        const outcome = await applyOp(ctx, op, {});
        if ('msg' in outcome) return { changed: false, failed: true, msg: `${step.summary}: ${outcome.msg}`, rc: outcome.rc, stdout: outcome.stdout, stderr: outcome.stderr };
      }
    }
  }
  const facts = await module.gather(ctx, args);
  let changes;
  try {
    changes = module.plan(args, facts);
  } catch (err) {
    // A dry run cannot see what earlier tasks would have created: say so instead of failing.
    if (ctx.check && err instanceof ModuleFailure && err.missingBeforeEarlierTasks) {
      return { changed: true, msg: err.message, reasons: [`not there yet: ${err.message} (fine if an earlier task creates it; a real run fails otherwise)`] };
    }
    throw err;
  }
  if (changes.length === 0) return { changed: false, ...module.result?.(args, facts, changes, facts) };

  const reported = {
    changed: true,
    reasons: changes.map((c) => c.summary),
    // A module that returns its diff in Ansible's shape (returnsDiff) makes it in result().
    ...(ctx.diff && !module.returnsDiff ? { diff: changes.flatMap((c) => (c.diff ? [c.diff] : [])) } : {}),
  };
  if (ctx.check) return { ...module.result?.(args, facts, changes, facts), ...reported };

  const registered: Record<string, unknown> = {};
  let applied = 0;
  // The facts are read again after the last op, in its round trip when that op is a command.
  const lastOp = changes.at(-1)?.ops.at(-1);
  const reread = module.result && lastOp?.kind === 'exec' ? await firstRead(module, ctx, args) : undefined;
  let readAfter: ReadAfter | undefined;
  for (const change of changes) {
    for (const op of change.ops) {
      const outcome = await applyOp(ctx, op, registered, op === lastOp ? reread : undefined);
      // Changed only if an earlier op already changed the host: a task that failed before touching
      // anything reports no change, as Ansible's modules do (the recap counts it).
      if ('msg' in outcome) return { ...reported, changed: applied > 0, failed: true, msg: `${change.summary}: ${outcome.msg}`, rc: outcome.rc, stdout: outcome.stdout, stderr: outcome.stderr };
      if (!(op.kind === 'put' && op.scratch)) applied++;
      readAfter = outcome.readAfter;
    }
  }
  // Report the state the host is really in now, not the one we hoped for.
  const after = module.result ? await module.gather(readAfter ? { ...ctx, conn: answeringFirst(ctx.conn, readAfter) } : ctx, args) : facts;
  return { ...module.result?.(args, after, changes, facts), ...registered, ...reported };
}

/** Reads made in an op's round trip, right after it, and their answers. */
interface ReadAfter {
  requests: readonly SectionRequest[];
  answers: readonly SectionAnswer[];
}

/** The read the module's gather starts with (its arguments decide it, not the host), or undefined when it
 *  starts otherwise. Nothing is sent: the gather stops at its first exchange. */
async function firstRead(module: DeclarativeModule, ctx: ModuleContext, args: Record<string, unknown>): Promise<readonly SectionRequest[] | undefined> {
  let requests: readonly SectionRequest[] | undefined;
  const recording = firstExchangeOnly(ctx.conn.host, (x) => {
    if (x.kind === 'exec' && x.options.sections && x.options.stdin === undefined && !x.options.sections.keptOnly) requests = x.options.sections.requests;
  });
  try {
    await module.gather({ ...ctx, conn: recording }, args);
  } catch {
    // Recorded; or a problem of the gather itself, which it meets again when it runs.
  }
  return requests;
}

/** `conn`, except that the first read asking exactly what was read after the op is answered from that. */
function answeringFirst(conn: Connection, read: ReadAfter): Connection {
  let pending = true;
  const wanted = JSON.stringify(read.requests);
  return {
    get host() {
      return conn.host;
    },
    exec: async (command, options = {}) => {
      if (pending && options.sections && JSON.stringify(options.sections.requests) === wanted) {
        pending = false;
        const stdout = renderSections(options.sections.nonce, read.answers);
        return { rc: 0, stdout, stderr: '', stdoutBytes: Buffer.from(stdout) };
      }
      return conn.exec(command, options);
    },
    put: (path, data, options) => conn.put(path, data, options),
    get: (path, options) => conn.get(path, options),
    close: () => conn.close(),
  };
}

interface OpFailure {
  msg: string;
  rc?: number;
  stdout?: string;
  stderr?: string;
}

/** An op done (with what was read right after it, when asked), or why it failed. */
type OpOutcome = { readAfter?: ReadAfter } | OpFailure;

async function applyOp(ctx: ModuleContext, op: Op, registered: Record<string, unknown>, thenRead?: readonly SectionRequest[]): Promise<OpOutcome> {
  if (op.kind === 'put') {
    try {
      await ctx.conn.put(op.path, op.data, { mode: op.mode, owner: op.owner, group: op.group, unsafeWrites: op.unsafeWrites });
      return {};
    } catch (err) {
      if (!(err instanceof HaRunError) || (err as { unreachable?: boolean }).unreachable === true) throw err;
      return { msg: `could not write ${op.path}: ${err.message}` };
    }
  }
  const r = await ctx.conn.exec(op.command, {
    ...(op.stdin === undefined ? {} : { stdin: op.stdin }),
    ...(thenRead ? { thenRead: { nonce: newNonce(), requests: thenRead } } : {}),
  });
  if (r.rc !== 0) {
    const detail = (r.stderr.trim() || r.stdout.trim() || `exit status ${r.rc}`).split('\n').slice(-5).join('\n');
    return { msg: detail, rc: r.rc, stdout: r.stdout, stderr: r.stderr };
  }
  if (op.resultKey) registered[op.resultKey] = r.stdout.trim();
  // An answer cut short is read again the ordinary way.
  const complete = r.reads?.every((a) => a.kind !== 'lost');
  return thenRead && r.reads && complete ? { readAfter: { requests: thenRead, answers: r.reads } } : {};
}
