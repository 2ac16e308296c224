// Python `re` patterns and replacement strings, translated to JavaScript RegExp.
import { expandReplacement, ReplacementError } from '../util/python-replacement.js';
import { TemplateError } from './errors.js';

export interface RegexOptions {
  ignorecase?: boolean;
  multiline?: boolean;
  global?: boolean;
}

export function compileRegex(pattern: string, options: RegexOptions = {}): RegExp {
  let flags = options.global ? 'g' : '';
  let source = pattern;
  // Leading inline flags: (?i), (?m), (?s), (?x is not supported).
  const inline = /^\(\?([aiLmsux]+)\)/.exec(source);
  let ignorecase = options.ignorecase ?? false;
  let multiline = options.multiline ?? false;
  let dotall = false;
  if (inline) {
    source = source.slice(inline[0].length);
    ignorecase ||= inline[1]!.includes('i');
    multiline ||= inline[1]!.includes('m');
    dotall = inline[1]!.includes('s');
  }
  source = source
    .replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_]\w*)\)/g, '\\k<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\Z/g, '$');
  if (ignorecase) flags += 'i';
  if (multiline) flags += 'm';
  if (dotall) flags += 's';
  try {
    return new RegExp(source, flags + 'u');
  } catch {
    try {
      return new RegExp(source, flags);
    } catch (err) {
      throw new TemplateError('template-error', `invalid regular expression ${JSON.stringify(pattern)}: ${(err as Error).message}`);
    }
  }
}

/** A Python replacement template (util/python-replacement.ts) as a function usable with String.replace. */
export function pythonReplacement(replacement: string): (match: string, ...rest: unknown[]) => string {
  return (match: string, ...rest: unknown[]) => {
    // String.replace passes the groups, then offset and input, then the named groups when there are any.
    const last = rest[rest.length - 1];
    const hasNamed = typeof last === 'object' && last !== null;
    const groups = rest.slice(0, hasNamed ? -3 : -2) as (string | undefined)[];
    try {
      return expandReplacement(replacement, [match, ...groups], hasNamed ? (last as Record<string, string | undefined>) : {});
    } catch (err) {
      if (err instanceof ReplacementError) throw new TemplateError('template-error', `regex_replace: invalid replacement ${JSON.stringify(replacement)}: ${err.message}`);
      throw err;
    }
  };
}

export function escapeRegex(text: string): string {
  // Python's re.escape escapes every non-alphanumeric ASCII character except '_'.
  return text.replace(/[^A-Za-z0-9_\u0080-\uffff]/g, (c) => '\\' + c);
}
