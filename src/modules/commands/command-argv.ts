// The command module's argv as sh that runs it the way Ansible's command module does: each word
// gets `$NAME`/`${NAME}` replaced from the target's environment (left as written when unset) and a
// leading `~`/`~user` replaced by the home directory; the program is exec'd (never a sh builtin),
// and a program that cannot be run fails with Python's errno and message instead of sh's rc 127.
import { shellQuote } from '../../connection/quote.js';
import type { ModuleResult } from '../types.js';
import { newNonce } from '../../connection/sections.js';

/** Printed (then the expanded argv, NUL-separated) when the program cannot be run. */
// With a nonce: a program whose own output starts with these words is not mistaken for the verdict.
export const NO_EXEC = `@@ha-run-noexec-${newNonce()}`;

/** Python's os.path.expandvars: `$` then word characters, or `${...}`. */
const VAR_REF = /\$([\p{L}\p{N}_]+|\{[^}]*\})/gu;
/** Names sh can read; any other name cannot be in the environment sh sees, so it stays as written. */
const SH_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** User names sh's tilde expansion is given; anything else stays as written. */
const USER_NAME = /^[A-Za-z0-9._][A-Za-z0-9._-]*$/;

/** sh lines that append one expanded word to "$@" (variable __ha_w is scratch). */
function expandWord(word: string): string[] {
  const lines: string[] = [];
  let rest = word;
  const tilde = /^~([^/]*)/.exec(word);
  if (tilde && (tilde[1] === '' || USER_NAME.test(tilde[1]))) {
    lines.push(`__ha_w=${tilde[0]}`); // an assignment's leading ~ is expanded by sh itself
    rest = word.slice(tilde[0].length);
  } else {
    lines.push(`__ha_w=''`);
  }
  let last = 0;
  const append = (literal: string) => {
    if (literal !== '') lines.push(`__ha_w="$__ha_w"${shellQuote(literal)}`);
  };
  for (const m of rest.matchAll(VAR_REF)) {
    const name = m[1].startsWith('{') ? m[1].slice(1, -1) : m[1];
    if (!SH_NAME.test(name)) continue;
    append(rest.slice(last, m.index));
    lines.push(`if [ -n "\${${name}+x}" ]; then __ha_w="$__ha_w\$${name}"; else __ha_w="$__ha_w"${shellQuote(m[0])}; fi`);
    last = m.index! + m[0].length;
  }
  append(rest.slice(last));
  lines.push('set -- "$@" "$__ha_w"');
  return lines;
}

/** sh that fails with Python's errno when "$1" cannot be executed (a PATH search when it has no '/'). */
function runnableCheck(): string[] {
  const fail = (errno: number) => `{ printf '%s:${errno}\\n' ${NO_EXEC}; printf '%s\\0' "$@"; exit 0; }`;
  return [
    'case $1 in',
    `*/*) [ -e "$1" ] || ${fail(2)}; { [ -d "$1" ] || [ ! -x "$1" ]; } && ${fail(13)} ;;`,
    `*) __ha_found=; __ha_ifs=$IFS; IFS=:; set -f; for __ha_d in \${PATH-/bin:/usr/bin}; do [ -f "\${__ha_d:-.}/$1" ] && [ -x "\${__ha_d:-.}/$1" ] && { __ha_found=1; break; }; done; IFS=$__ha_ifs; set +f; [ -n "$__ha_found" ] || ${fail(2)} ;;`,
    'esac',
  ];
}

/** The sh that expands argv, checks the program and execs it. */
export function commandScript(argv: readonly string[]): string {
  return ['set --', ...argv.flatMap(expandWord), ...runnableCheck(), 'exec "$@"'].join('\n');
}

/** Python's shlex.quote, which Ansible's failure `cmd` uses. */
function pythonQuote(word: string): string {
  if (word === '') return "''";
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'"'"'`)}'`;
}

/** The failure Ansible reports when the program cannot be run; undefined when it ran. */
export function noExecFailure(stdout: string, marker = NO_EXEC): ModuleResult | undefined {
  if (!stdout.startsWith(`${marker}:`)) return undefined;
  const newline = stdout.indexOf('\n');
  const errno = Number(stdout.slice(marker.length + 1, newline));
  const argv = stdout.slice(newline + 1).split('\0').slice(0, -1);
  const reason = errno === 2 ? 'No such file or directory' : 'Permission denied';
  return {
    changed: false,
    failed: true,
    cmd: argv.map(pythonQuote).join(' '),
    msg: `[Errno ${errno}] ${reason}: b'${argv[0]}'`,
    rc: errno,
    stdout: '',
    stderr: '',
    stdout_lines: [],
    stderr_lines: [],
  };
}
