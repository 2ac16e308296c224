// Ansible's modules take Python regular expressions. JavaScript's are close; these helpers bridge
// the differences that show up in playbooks: (?P<name>..) groups, \g<1> / \1 backreferences in
// replacements, inline flags at the start, \A and \Z.
import { ModuleFailure } from './failure.js';

export function pythonRegex(pattern: string, flags = ''): RegExp {
  let source = pattern.replace(/\(\?P<(\w+)>/g, '(?<$1>').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  let allFlags = flags;
  const inline = /^\(\?([aiLmsux]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]) if ('ims'.includes(f) && !allFlags.includes(f)) allFlags += f;
  }
  source = source.replace(/\\A/g, '^').replace(/\\Z/g, '$');
  try {
    return new RegExp(source, allFlags);
  } catch (err) {
    throw new ModuleFailure(`invalid regular expression ${JSON.stringify(pattern)}: ${(err as Error).message}`);
  }
}

/** Python's match.expand: \1, \g<1>, \g<name> and escapes (\n, \t, \\) in a replacement template. */
export function expandMatch(template: string, match: RegExpExecArray): string {
  return template.replace(/\\(?:g<(\w+)>|(\d{1,2})|([ntr\\]))/g, (_all, g: string | undefined, n: string | undefined, esc: string | undefined) => {
    if (esc) return esc === 'n' ? '\n' : esc === 't' ? '\t' : esc === 'r' ? '\r' : '\\';
    const key = g ?? n!;
    const value = /^\d+$/.test(key) ? match[Number(key)] : match.groups?.[key];
    if (value === undefined && !(/^\d+$/.test(key) && Number(key) < match.length)) throw new ModuleFailure(`invalid group reference ${key}`);
    return value ?? '';
  });
}

/** Lines with their line endings kept, like Python's readlines(). */
export function splitLinesKeepEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
