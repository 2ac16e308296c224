// Ansible's modules take Python regular expressions. JavaScript's are close; these helpers bridge
// the differences that show up in playbooks: (?P<name>..) groups, inline flags at the start, \A and \Z;
// replacements expand as Python's do.
import { expandReplacement, ReplacementError } from '../util/python-replacement.js';
import { ModuleFailure } from './failure.js';
import { withRegexBudget } from '../util/regex-budget.js';

/**
 * Python's anchors in JavaScript: \A and \Z are the very start and end in either mode. Written without
 * lookarounds where the mode allows, so V8's linear engine can still run the pattern (regex-budget.ts).
 * `$` without MULTILINE also matches before a final newline in Python: a caller matching a whole text
 * uses pythonSearch, which sees that case too.
 */
function anchorsOf(source: string, multiline: boolean): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      out += inClass ? c + next : next === 'A' ? (multiline ? '(?<![\\s\\S])' : '^') : next === 'Z' ? (multiline ? '(?![\\s\\S])' : '$') : c + next;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      // A `]` first in a class is a member, not its end.
      if (source[i + 1] === ']' || (source[i + 1] === '^' && source[i + 2] === ']')) {
        const member = source[i + 1] === '^' ? '^]' : ']';
        out += c + member.replace(']', '\\]');
        i += member.length;
      } else out += c;
    } else out += c;
  }
  return out;
}

/** Python's re.search on a whole text: without MULTILINE its `$` also matches before a final newline. */
export function pythonSearch(re: RegExp, text: string): boolean {
  if (re.test(text)) return true;
  return !re.multiline && text.endsWith('\n') && re.test(text.slice(0, -1));
}

export function pythonRegex(pattern: string, flags = ''): RegExp {
  let source = pattern.replace(/\(\?P<(\w+)>/g, '(?<$1>').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  let allFlags = flags;
  const inline = /^\(\?([aiLmsux]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]) if ('ims'.includes(f) && !allFlags.includes(f)) allFlags += f;
  }
  source = anchorsOf(source, allFlags.includes('m'));
  try {
    return new RegExp(source, allFlags);
  } catch (err) {
    throw new ModuleFailure(`invalid regular expression ${JSON.stringify(pattern)}: ${(err as Error).message}`);
  }
}

/**
 * Runs a module's edit within the time budget for the user's patterns (util/regex-budget.ts): a pattern
 * that backtracks catastrophically fails the task, naming it, instead of blocking the controller.
 */
export function withPatternBudget<T>(patterns: readonly (string | undefined)[], work: () => T, flags = ''): T {
  const given = patterns.filter((p): p is string => p !== undefined);
  return withRegexBudget(
    given.map((p) => pythonRegex(p, flags)),
    given.join("', '"),
    (message) => new ModuleFailure(message),
    work,
  );
}

/** Python's match.expand for one match (the template rules: util/python-replacement.ts). */
export function expandMatch(template: string, match: RegExpExecArray): string {
  try {
    return expandReplacement(template, [...match], match.groups);
  } catch (err) {
    if (err instanceof ReplacementError) throw new ModuleFailure(`invalid replacement ${JSON.stringify(template)}: ${err.message}`);
    throw err;
  }
}

/** Lines with their line endings kept, like Python's readlines(). */
export function splitLinesKeepEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
