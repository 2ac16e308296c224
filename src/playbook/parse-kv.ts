// Ansible's `key=value` argument strings (`copy: src=a dest=b`, `command: ls -l chdir=/tmp`),
// parsed the way ansible-core's parse_kv does: words cut by splitArgs (quotes, Jinja2 blocks and the
// newlines of a `|` block kept), escapes decoded in option values, and for a command line every word
// that is not one of its options left, as written, in `_raw_params`.
import { decodePythonEscapes, EscapeError } from './python-escapes.js';
import { joinArgs, splitArgs } from './split-args.js';

/** Options command-line modules (command, shell, raw, script) take as `k=v`; any other `k=v` is part of the command. */
export const FREE_FORM_OPTIONS: readonly string[] = [
  'creates',
  'removes',
  'chdir',
  'executable',
  'warn',
  'stdin',
  'stdin_add_newline',
  'strip_empty_ends',
];

export interface ParsedKv {
  args: Record<string, string>;
  /** Set when a quote or a Jinja2 block is never closed, or an escape cannot be decoded. */
  error?: string;
}

/**
 * Splits `text` into `k=v` options and raw words (joined into `_raw_params`). With `commandLine`
 * (Ansible's check_raw), only FREE_FORM_OPTIONS are options and other `k=v` words stay in the command.
 */
export function parseKv(text: string, commandLine: boolean): ParsedKv {
  const { tokens, error } = splitArgs(text);
  if (error !== undefined) return { args: {}, error };
  const args: Record<string, string> = {};
  const raw: string[] = [];
  for (const token of tokens) {
    let decoded: string;
    try {
      decoded = decodePythonEscapes(token);
    } catch (err) {
      if (err instanceof EscapeError) return { args: {}, error: err.message };
      throw err;
    }
    const eq = unescapedEquals(decoded);
    if (eq < 0) {
      // Only escaped `\=` (or a leading `=`): a plain word, with the escapes of the equals removed.
      raw.push(decoded.includes('=') ? decoded.replace(/\\=/g, '=') : token);
      continue;
    }
    const key = decoded.slice(0, eq);
    if (commandLine && !FREE_FORM_OPTIONS.includes(key)) {
      raw.push(token);
      continue;
    }
    args[key.trim()] = unquote(decoded.slice(eq + 1).trim());
  }
  if (raw.length > 0) args._raw_params = joinArgs(raw);
  return { args };
}

/** Index of the first `=` not preceded by a backslash (never index 0: `=x` has no key), or -1. */
function unescapedEquals(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (word[i] === '=' && word[i - 1] !== '\\') return i;
  }
  return -1;
}

/** Removes one pair of matching surrounding quotes, unless the closing one is escaped (as Ansible's unquote). */
export function unquote(value: string): string {
  const q = value[0];
  if (value.length >= 2 && (q === '"' || q === "'") && value[value.length - 1] === q && value[value.length - 2] !== '\\') {
    return value.slice(1, -1);
  }
  return value;
}
