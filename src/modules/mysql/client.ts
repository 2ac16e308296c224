// Running the target's own client (mysql, mysqldump) with the login in a 0600 option file. The option
// file and the SQL both travel on stdin: the script copies the first N bytes (the options) into a
// file made under umask 077, removes it when the client ends, and leaves the rest (the SQL) to the
// client. Nothing secret is ever on a command line, so `ps` on the target shows no password.
import { shellPathFromHome } from '../../connection/quote.js';
import type { Fact } from '../kit/fact.js';
import type { Op } from '../types.js';
import { clientOptions, type LoginArgs } from './login.js';

/** The client's name: Debian's MariaDB ships `mysql` and `mariadb` (and the dump tools likewise). */
export type ClientTool = 'mysql' | 'mysqldump';

/** The tools a fact needs: either name of the client will do. */
export const CLIENT_REQUIRES: Record<ClientTool, string> = { mysql: 'mysql|mariadb', mysqldump: 'mysqldump|mariadb-dump' };

/** "$HOME/.my.cnf" for "~/.my.cnf": the target's home, as Ansible expands it there. */
/** The first lines of every client script: the option file from stdin, removed however the script ends. */
function optionFileScript(login: LoginArgs, optionBytes: number): string {
  const config = login.config_file ? shellPathFromHome(login.config_file) : undefined;
  const copyConfig = config ? `if [ -f ${config} ] && [ -r ${config} ]; then cat ${config}; echo; fi; ` : '';
  return [
    'umask 077',
    'f=$(mktemp "${TMPDIR:-/tmp}/ha-run-my.XXXXXXXX") || exit 1',
    `trap 'rm -f "$f"' EXIT`,
    `trap 'exit 129' HUP INT TERM`,
    `{ ${copyConfig}head -c ${optionBytes}; } >"$f" || exit 1`,
  ].join('\n');
}

/** Picks whichever name of the tool the target has. */
function toolCommand(tool: ClientTool): string {
  const [a, b] = CLIENT_REQUIRES[tool].split('|');
  return `$(command -v ${a} || command -v ${b})`;
}

/**
 * A script that runs the client on SQL read from stdin (after the options) and prints its answer
 * as XML, errors on the same stream (they are the failure's message).
 */
export function mysqlScript(login: LoginArgs, optionBytes: number, flags: string[] = []): string {
  const extra = flags.length ? ` ${flags.join(' ')}` : '';
  return `${optionFileScript(login, optionBytes)}\n"${toolCommand('mysql')}" --defaults-file="$f" --xml --batch${extra} 2>&1`;
}

/** The stdin of a client script: the option file, then the SQL. */
export function clientInput(login: LoginArgs, sql: string): { input: Buffer; optionBytes: number } {
  const options = Buffer.from(clientOptions(login));
  return { input: Buffer.concat([options, Buffer.from(sql)]), optionBytes: options.length };
}

/** An op that runs SQL on the server; the client's error is the op's failure. */
export function sqlOp(login: LoginArgs, sql: string): Op {
  const { input, optionBytes } = clientInput(login, sql);
  return { kind: 'exec', command: mysqlScript(login, optionBytes), stdin: input };
}

/**
 * An op that runs a dump or import pipeline: `body` is sh calling `client` (mysql or mysqldump with
 * the option file). The option file is all the stdin this script gets.
 */
export function toolOp(login: LoginArgs, tool: ClientTool, body: string): Op {
  const options = Buffer.from(clientOptions(login));
  const client = `client() { "${toolCommand(tool)}" --defaults-file="$f" "$@"; }`;
  return { kind: 'exec', command: `${optionFileScript(login, options.length)}\n${client}\n${body}`, stdin: options };
}

/** Nothing to read: asked only so that a missing tool the ops need (mysqldump) is named before planning. */
export const mysqldumpPresent: Fact<string, true> = {
  name: 'mysqldump (the dump client)',
  requires: [CLIENT_REQUIRES.mysqldump],
  inline: true,
  script: () => 'true',
  parse: () => true,
};
