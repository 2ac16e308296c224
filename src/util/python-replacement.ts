// Python's replacement templates (re.sub, match.expand): the one translation shared by the modules
// (replace, lineinfile backrefs) and the regex_replace filter, since Ansible runs both through Python's `re`.
// \1..\99 and \g<n>/\g<name> are groups (\g<0> the whole match); \0, \0NN and three octal digits are
// characters, as are \a \b \f \n \r \t \v \\; any other escaped ASCII letter is an error; other escapes stay.

export class ReplacementError extends Error {}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

// After a backslash: \g<...>, \0 with up to two more octal digits, three octal digits, one or two digits, any char.
const ESCAPE = /\\(?:g<([^>]*)>|(0[0-7]{0,2}|[1-7][0-7]{2})|([1-9][0-9]?)|([\s\S])|$)/g;

/**
 * Expands `template` for one match: `groups[0]` is the whole match, `groups[n]` group n (undefined when it
 * took no part: empty, as in Python 3.5+); `named` has every named group of the pattern.
 */
export function expandReplacement(template: string, groups: readonly (string | undefined)[], named: Readonly<Record<string, string | undefined>> = {}): string {
  const group = (n: number): string => {
    if (n >= groups.length) throw new ReplacementError(`invalid group reference ${n}`);
    return groups[n] ?? '';
  };
  return template.replace(ESCAPE, (all, ref: string | undefined, octal: string | undefined, number: string | undefined, ch: string | undefined) => {
    if (ref !== undefined) {
      if (/^\d+$/.test(ref)) return group(Number(ref));
      if (!(ref in named)) throw new ReplacementError(`unknown group name '${ref}'`);
      return named[ref] ?? '';
    }
    if (octal !== undefined) {
      const code = parseInt(octal, 8);
      if (code > 0o377) throw new ReplacementError(`octal escape value \\${octal} outside of range 0-0o377`);
      return String.fromCharCode(code);
    }
    if (number !== undefined) return group(Number(number));
    if (ch === undefined) throw new ReplacementError('bad escape (end of pattern)');
    if (ch in ESCAPES) return ESCAPES[ch]!;
    if (ch === 'g') throw new ReplacementError('missing < after \\g');
    if (/[A-Za-z]/.test(ch)) throw new ReplacementError(`bad escape \\${ch}`);
    return all;
  });
}
