// Ansible's `key=value` argument strings (`copy: src=a dest=b`, `command: ls -l chdir=/tmp`),
// parsed the way ansible-core's parse_kv/split_args do: quotes and Jinja2 blocks keep spaces inside one token.

/** Options free-form modules (command, shell, raw, script) take as `k=v`; any other `k=v` is part of the command. */
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
  /** Set when a quote or a Jinja2 block is never closed. */
  error?: string;
}

/**
 * Splits `text` into `k=v` options and raw words. With `freeForm`, only FREE_FORM_OPTIONS are options and
 * everything else stays (quotes included) in `_raw_params`, like Ansible's check_raw.
 */
export function parseKv(text: string, freeForm: boolean): ParsedKv {
  const { tokens, error } = splitArgs(text);
  const args: Record<string, string> = {};
  const raw: string[] = [];
  for (const token of tokens) {
    const eq = unescapedEquals(token);
    if (eq <= 0) {
      raw.push(token.replace(/\\=/g, '='));
      continue;
    }
    const key = token.slice(0, eq).trim();
    if (freeForm && !FREE_FORM_OPTIONS.includes(key)) {
      raw.push(token);
      continue;
    }
    args[key] = unquote(token.slice(eq + 1).trim());
  }
  if (raw.length > 0) args._raw_params = raw.join(' ');
  return error === undefined ? { args } : { args, error };
}

/** Index of the first `=` not preceded by a backslash (never index 0: `=x` has no key), or -1. */
function unescapedEquals(token: string): number {
  for (let i = 1; i < token.length; i++) {
    if (token[i] === '=' && token[i - 1] !== '\\') return i;
  }
  return -1;
}

/** Removes one pair of matching surrounding quotes, as Ansible's unquote does. */
export function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
    return value.slice(1, -1);
  }
  return value;
}

const JINJA_OPEN: Record<string, string> = { '{{': '}}', '{%': '%}', '{#': '#}' };

/** Whitespace-separated tokens, keeping quoted strings and Jinja2 blocks whole. */
export function splitArgs(text: string): { tokens: string[]; error?: string } {
  const tokens: string[] = [];
  let current = '';
  let quote: string | null = null;
  const jinja: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const pair = text.slice(i, i + 2);
    if (quote === null && JINJA_OPEN[pair] !== undefined) {
      jinja.push(JINJA_OPEN[pair]!);
      current += pair;
      i++;
      continue;
    }
    if (jinja.length > 0 && pair === jinja[jinja.length - 1]) {
      jinja.pop();
      current += pair;
      i++;
      continue;
    }
    if (quote !== null) {
      current += c;
      if (c === '\\' && i + 1 < text.length) {
        current += text[++i];
      } else if (c === quote) {
        quote = null;
      }
      continue;
    }
    if ((c === '"' || c === "'") && jinja.length === 0) {
      quote = c;
      current += c;
      continue;
    }
    if (/\s/.test(c) && jinja.length === 0) {
      if (current !== '') tokens.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  if (current !== '') tokens.push(current);
  if (quote !== null) return { tokens, error: `unbalanced quote (${quote}) in arguments` };
  if (jinja.length > 0) return { tokens, error: `unclosed Jinja2 block (missing '${jinja[jinja.length - 1]}') in arguments` };
  return { tokens };
}
