// Regular expressions written by users (regex_* filters and tests, lineinfile/replace/blockinfile, `~` host
// patterns) run on the controller's only thread: a catastrophic one ((a+)+$ on a long line) would block
// it, Ctrl-C included. Two safeguards keep JavaScript's own engine, so ordinary patterns behave as before:
//  - V8 switches a pattern its linear-time engine can run (no backreferences, lookarounds, `i` or `u` flag)
//    over to that engine after 50,000 backtracks: such a pattern finishes in time linear in its input;
//  - any other pattern runs under a time budget (node:vm's watchdog), and Ctrl-C interrupts it.
// Exceeding the budget is the caller's error (a task failure naming the pattern), never a hang.
import v8 from 'node:v8';
import vm from 'node:vm';

// Process-wide and harmless for patterns that never backtrack that much; set before any user pattern compiles.
v8.setFlagsFromString('--enable-experimental-regexp-engine');
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

/** How long one regular-expression operation may run when it cannot run in linear time (HA_RUN_REGEX_TIMEOUT seconds overrides). */
export const REGEX_TIME_BUDGET_MS = 10_000;

function budgetMs(): number {
  const seconds = Number(process.env.HA_RUN_REGEX_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds * 1000) : REGEX_TIME_BUDGET_MS;
}

const linearCache = new WeakMap<RegExp, boolean>();

/** Whether V8 can fall back to its linear-time engine for this pattern (it compiles with the `l` flag). */
export function runsInLinearTime(re: RegExp): boolean {
  let linear = linearCache.get(re);
  if (linear === undefined) {
    try {
      new RegExp(re.source, re.flags + 'l');
      linear = true;
    } catch {
      linear = false;
    }
    linearCache.set(re, linear);
  }
  return linear;
}

let context: vm.Context | undefined;
let guarded = false;
const runWork = new vm.Script('work()');

/**
 * Runs `work`, which applies `regexes` (compiled from the user's `pattern`), within the time budget. Over
 * budget, or interrupted by Ctrl-C, it throws `fail(message)`; Ctrl-C then reaches the run's SIGINT handlers,
 * so the run stops as it always does.
 */
export function withRegexBudget<T>(
  regexes: readonly (RegExp | undefined)[],
  pattern: string,
  fail: (message: string) => Error,
  work: () => T,
): T {
  // Nested calls run under the outer budget; linear-time patterns need none.
  if (guarded || regexes.every((re) => re === undefined || runsInLinearTime(re))) return work();
  const budget = budgetMs();
  context ??= vm.createContext({});
  context.work = work;
  guarded = true;
  try {
    return runWork.runInContext(context, { timeout: budget, breakOnSigint: true }) as T;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw fail(`regular expression ${JSON.stringify(pattern)} ran for more than ${budget / 1000} s on its input and was stopped (it backtracks catastrophically; simplify nested repetitions like (a+)+)`);
    }
    if (code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') {
      // vm took this Ctrl-C from the run's own handlers: hand it to them now (no signal round trip, which
      // could arrive after the run ended), or let it end the process when nobody handles it.
      if (process.listenerCount('SIGINT') > 0) process.emit('SIGINT', 'SIGINT');
      else process.kill(process.pid, 'SIGINT');
      throw fail(`regular expression ${JSON.stringify(pattern)} was interrupted`);
    }
    throw err;
  } finally {
    guarded = false;
    context.work = undefined;
  }
}
