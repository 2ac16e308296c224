// lookup('pipe') and lookup('lines') (and with_pipe / with_lines): each term is a command run with
// /bin/sh on the controller, in the playbook's directory, as Ansible runs it. pipe gives the output
// without its trailing whitespace, lines gives its lines; a command that exits non-zero fails the lookup.
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { pyStr } from './python.js';
import type { Evaluator } from './types.js';
import { UnhandledLookupError } from './lookup-errors.js';

/** Ansible runs these in its loader's base directory: the playbook's, for role tasks too. */
function workingDirectory(ev: Evaluator): string {
  const dir = ev.ctx.vars.playbook_dir;
  return typeof dir === 'string' && dir !== '' ? dir : process.cwd();
}

function output(plugin: 'pipe' | 'lines', command: string, ev: Evaluator): string {
  // stderr is not shown: the live view owns the terminal (Ansible lets it through).
  const run = spawnSync('/bin/sh', ['-c', command], { cwd: workingDirectory(ev), stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new UnhandledLookupError(plugin, `lookup_plugin.${plugin}(${command}) could not run: ${run.error.message}`);
  // As Python's returncode: the negated signal number when a signal ended it.
  const code = run.status ?? -(run.signal === null ? 1 : constants.signals[run.signal]);
  if (code !== 0) throw new UnhandledLookupError(plugin, `lookup_plugin.${plugin}(${command}) returned ${code}`);
  return run.stdout.toString('utf8');
}

export function pipeLookup(terms: unknown[], _kwargs: unknown, ev: Evaluator): string[] {
  return terms.map((t) => output('pipe', pyStr(t), ev).replace(/\s+$/, ''));
}

/** Python's str.splitlines: \n, \r\n and \r end a line; no empty last line for a trailing newline. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r|\v|\f|\x1c|\x1d|\x1e|\x85|\u2028|\u2029/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function linesLookup(terms: unknown[], _kwargs: unknown, ev: Evaluator): string[] {
  return terms.flatMap((t) => splitLines(output('lines', pyStr(t), ev)));
}
