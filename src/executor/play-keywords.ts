// Play keywords Ansible templates with the play's own variables (its vars, vars_files and -e; no
// host's): serial, gather_facts, any_errors_fatal, max_fail_percentage and force_handlers. Rendered
// once, as the play starts, into a play whose keywords are plain values. One that cannot be is bad
// input (exit 4, as ansible-playbook exits).
import { ExitCode, HaRunError } from '../errors.js';
import type { Play } from '../playbook/types.js';
import type { RunContext } from './context.js';
import { renderValue } from './deps.js';
import { keywordBoolean } from './scope.js';
import { isTemplateString } from '../schema/validate.js';

/** A play as it runs: the keywords below decided. */
export type RunnablePlay = Omit<Play, 'gatherFacts' | 'maxFailPercentage' | 'anyErrorsFatal' | 'forceHandlers'> & {
  gatherFacts: boolean;
  maxFailPercentage?: number;
  anyErrorsFatal?: boolean;
  forceHandlers?: boolean;
};

export function withPlayKeywordsRendered(run: RunContext, play: Play): RunnablePlay {
  const vars = { ...play.varsFromFiles, ...play.vars, ...run.options.extraVars };
  const render = (keyword: string, value: unknown): unknown => {
    if (!isTemplateString(value)) return value;
    try {
      return renderValue(value, { vars });
    } catch (err) {
      throw new HaRunError('invalid-keyword', `the play's '${keyword}' could not be rendered with the play's variables: ${err instanceof Error ? err.message : String(err)}`, {
        location: play.location,
        exitCode: ExitCode.invalidInput,
      });
    }
  };
  const { gatherFacts, maxFailPercentage, anyErrorsFatal, forceHandlers, ...rest } = play;
  const runnable: RunnablePlay = {
    ...rest,
    gatherFacts: keywordBoolean('gather_facts', render('gather_facts', gatherFacts)),
    serial: play.serial.flatMap((entry) => (isTemplateString(entry) ? serialEntries(render('serial', entry)) : [entry])),
  };
  if (maxFailPercentage !== undefined) runnable.maxFailPercentage = percentage(render('max_fail_percentage', maxFailPercentage));
  if (anyErrorsFatal !== undefined) runnable.anyErrorsFatal = keywordBoolean('any_errors_fatal', render('any_errors_fatal', anyErrorsFatal));
  if (forceHandlers !== undefined) runnable.forceHandlers = keywordBoolean('force_handlers', render('force_handlers', forceHandlers));
  return runnable;
}

/** What a `serial:` entry rendered to: a count, a percentage, or a list of those. */
function serialEntries(value: unknown): (number | string)[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (typeof item === 'number' || (typeof item === 'string' && /^\s*(\d+(\.\d+)?%|\d+)\s*$/.test(item))) return item;
    throw new HaRunError('invalid-keyword', `the field 'serial' has an invalid value (${JSON.stringify(item)}): a number of hosts or a percentage such as '30%'`, {
      exitCode: ExitCode.invalidInput,
    });
  });
}

function percentage(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) {
    throw new HaRunError('invalid-keyword', `the field 'max_fail_percentage' has an invalid value (${JSON.stringify(value)}): a number from 0 to 100`, {
      exitCode: ExitCode.invalidInput,
    });
  }
  return n;
}
