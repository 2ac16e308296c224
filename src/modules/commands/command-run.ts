// Running a command task: the shared part of command, shell, raw and script. creates/removes and
// chdir are checked in the same round trip as the command itself; results carry Ansible's keys
// (cmd, rc, stdout, stderr, *_lines, start, end, delta, msg).
import { shellQuote } from '../../connection/quote.js';
import type { AsyncJobSupport, ModuleContext, ModuleResult } from '../types.js';
import { NO_EXEC, noExecFailure } from './command-argv.js';
import { newNonce, parseSections, sectionsScript } from '../../connection/sections.js';
import type { Connection } from '../../connection/types.js';

export interface CommandTask {
  /** The /bin/sh command line to run on the target. */
  line: string;
  /** What to register as `cmd` (a list for command, the string for shell). */
  cmd: unknown;
  chdir?: string;
  creates?: string;
  removes?: string;
  stdin?: string;
  stdinAddNewline?: boolean;
  stripEmptyEnds?: boolean;
  /** sh run before everything else (e.g. a cleanup trap). */
  prelude?: string;
  /** creates/removes make the task skipped, with Ansible's script wording (command and shell stay ok). */
  guardSkips?: boolean;
}

/** Arguments command and shell share (Ansible's names). */
export interface CommandLikeArgs {
  _raw_params?: string;
  cmd?: string;
  chdir?: string;
  creates?: string;
  removes?: string;
  stdin?: string;
  stdin_add_newline?: boolean;
  strip_empty_ends?: boolean;
}

/** The task options those shared arguments give. */
export function commandOptions(args: CommandLikeArgs): Omit<CommandTask, 'line' | 'cmd'> {
  return {
    chdir: args.chdir,
    creates: args.creates,
    removes: args.removes,
    stdin: args.stdin,
    stdinAddNewline: args.stdin_add_newline,
    stripEmptyEnds: args.strip_empty_ends,
  };
}

/** Schema properties shared by command and shell. */
export const commandProperties = {
  _raw_params: { type: 'string', description: 'The command to run (the free-form text after the module name).' },
  chdir: { type: 'string', description: 'Change into this directory before running the command.' },
  creates: { type: 'string', description: 'A path or glob; when it already exists, the command is not run.' },
  removes: { type: 'string', description: 'A path or glob; when it does NOT exist, the command is not run.' },
  stdin: { type: 'string', description: "Text fed to the command's standard input." },
  stdin_add_newline: { type: 'boolean', default: true, description: 'Append a newline to stdin.' },
  strip_empty_ends: { type: 'boolean', default: true, description: 'Strip empty lines from the end of stdout/stderr.' },
} as const;

/**
 * The words the guards (and command's exec check) print instead of running the command. They carry a
 * nonce, so a command whose own output is the same words is not mistaken for them; an async job
 * keeps the ones it was started with (its result may be read by a later run).
 */
export interface VerdictMarkers {
  skip: string;
  noChdir: string;
  noExec: string;
}

export const MARKERS: VerdictMarkers = { skip: `@@ha-run-skip-${newNonce()}`, noChdir: `@@ha-run-nochdir-${newNonce()}`, noExec: NO_EXEC };
const SKIP = MARKERS.skip;
const NO_CHDIR = MARKERS.noChdir;

/** A glob for sh: everything quoted except the wildcard characters, so it expands but cannot inject. */
export function globWord(pattern: string): string {
  return pattern
    .split(/([*?[\]])/)
    .map((part) => (/^[*?[\]]$/.test(part) ? part : part === '' ? '' : shellQuote(part)))
    .join('');
}

/** sh that exits early (printing a marker) when creates/removes say the command should not run. */
function guards(task: CommandTask): string[] {
  const lines: string[] = task.prelude ? [task.prelude] : [];
  // -P: the directory as the kernel resolves it (symlinks followed, and $PWD so), as Ansible's chdir gives the command.
  if (task.chdir) lines.push(`cd -P -- ${shellQuote(task.chdir)} 2>/dev/null || { echo ${NO_CHDIR}; exit 0; }`);
  if (task.creates) lines.push(`for f in ${globWord(task.creates)}; do if [ -e "$f" ]; then echo ${SKIP}:creates; exit 0; fi; done`);
  if (task.removes)
    lines.push(`found=; for f in ${globWord(task.removes)}; do if [ -e "$f" ]; then found=1; fi; done; [ -n "$found" ] || { echo ${SKIP}:removes; exit 0; }`);
  return lines;
}

/** The script a command task runs on the target (guards, then the command) and the stdin it gets. */
export function commandJob(task: CommandTask): { script: string; stdin?: string } {
  const stdin = task.stdin === undefined ? undefined : task.stdin + (task.stdinAddNewline === false ? '' : '\n');
  return { script: [...guards(task), task.line].join('\n'), ...(stdin === undefined ? {} : { stdin }) };
}

/** What the command printed, and when (by the target's clock for async jobs), as Ansible's result. */
export interface CommandOutput {
  rc: number;
  stdout: string;
  stderr: string;
  startedAt: Date;
  endedAt: Date;
}

export function commandOutcome(task: CommandTask, r: CommandOutput, markers: VerdictMarkers = MARKERS): ModuleResult {
  const early = earlyExit(task, r.stdout.trim(), markers) ?? noExecFailure(r.stdout, markers.noExec);
  if (early) return early;
  const { startedAt, endedAt } = r;
  const strip = task.stripEmptyEnds !== false;
  const stdout = strip ? stripEnds(r.stdout) : r.stdout;
  const stderr = strip ? stripEnds(r.stderr) : r.stderr;
  const result: ModuleResult = {
    changed: true,
    cmd: task.cmd,
    rc: r.rc,
    stdout,
    stderr,
    stdout_lines: lines(stdout),
    stderr_lines: lines(stderr),
    start: timestamp(startedAt),
    end: timestamp(endedAt),
    delta: delta(endedAt.getTime() - startedAt.getTime()),
    msg: '',
  };
  if (r.rc !== 0) return { ...result, failed: true, msg: 'non-zero return code' };
  return result;
}

/** The async job of a command task: its script, with the task and markers kept to read its output later. */
export function commandAsyncJob<Args>(taskOf: (args: Args) => CommandTask): AsyncJobSupport<Args> {
  return {
    start: (args) => {
      const task = taskOf(args);
      return { ...commandJob(task), meta: { task, markers: MARKERS } };
    },
    result: (meta, output) => {
      const { task, markers } = meta as { task: CommandTask; markers: VerdictMarkers };
      return commandOutcome(task, output, markers);
    },
  };
}

/**
 * The verdict of creates/removes when the connection already read it (a look-ahead read, nothing having
 * run since): a converged command costs no round trip of its own. Nothing kept: undefined, and the
 * guards run with the command as always (they decide again there, so a stale answer cannot skip it).
 */
export async function keptSkip(conn: Connection, task: CommandTask): Promise<ModuleResult | undefined> {
  if (!task.creates && !task.removes) return undefined;
  // Without the task's prelude (a cleanup trap belongs to the run, not to a read).
  const requests = [{ script: guards({ ...task, prelude: undefined }).join('\n') }];
  const nonce = newNonce();
  const r = await conn.exec(sectionsScript(nonce, requests), { ownScript: true, sections: { nonce, requests, keptOnly: true } });
  const [answer] = parseSections(r.stdout, nonce, 1);
  if (answer?.kind !== 'answer') return undefined;
  const early = earlyExit(task, answer.stdout.trim());
  // Only a skip is taken from the kept answer; a missing chdir is reported by the run itself.
  return early && !early.failed ? early : undefined;
}

export async function runCommandTask(ctx: ModuleContext, task: CommandTask): Promise<ModuleResult> {
  return (await keptSkip(ctx.conn, task)) ?? runGuarded(ctx, task);
}

/** The command behind its guards, which decide on the target (for a caller that asked keptSkip itself). */
export async function runGuarded(ctx: ModuleContext, task: CommandTask): Promise<ModuleResult> {
  const pre = guards(task);
  if (ctx.check) {
    // Check mode runs only the guards: they decide, or the command would run.
    const probe = pre.length ? (await ctx.conn.exec(pre.join('\n'), { ownScript: true })).stdout.trim() : '';
    return earlyExit(task, probe) ?? wouldRun(task);
  }
  const job = commandJob(task);
  const startedAt = new Date();
  const r = await ctx.conn.exec(job.script, job.stdin === undefined ? undefined : { stdin: job.stdin });
  return commandOutcome(task, { ...r, startedAt, endedAt: new Date() });
}

/**
 * Check mode past the guards, as Ansible reports it: with creates/removes the command would run
 * (changed); without them nothing can tell, so it is skipped. Either way the output says what would
 * run (the reason), so a dry run hides no work.
 */
function wouldRun(task: CommandTask): ModuleResult {
  const reasons = [`would run: ${display(task.cmd)}`];
  if (task.creates || task.removes) return task.guardSkips ? { changed: true, reasons } : { changed: true, cmd: task.cmd, rc: 0, msg: 'Command would have run if not in check mode', reasons };
  if (task.guardSkips) return { changed: false, skipped: true, msg: 'Check mode is not supported for this task.', reasons };
  return { changed: false, skipped: true, cmd: task.cmd, rc: 0, msg: 'Command would have run if not in check mode', reasons };
}

function earlyExit(task: CommandTask, stdout: string, markers: VerdictMarkers = MARKERS): ModuleResult | undefined {
  const SKIP = markers.skip;
  if (stdout === markers.noChdir)
    return { changed: false, failed: true, cmd: task.cmd, rc: null, msg: `Unable to change directory before execution: ${task.chdir} does not exist or is not accessible` };
  if (stdout !== `${SKIP}:creates` && stdout !== `${SKIP}:removes`) return undefined;
  const [path, why] = stdout === `${SKIP}:creates` ? [task.creates, 'exists'] : [task.removes, 'does not exist'];
  if (task.guardSkips) return { changed: false, skipped: true, msg: `${path} ${why}, matching ${stdout === `${SKIP}:creates` ? 'creates' : 'removes'} option` };
  return {
    changed: false,
    cmd: task.cmd,
    rc: 0,
    stdout: `skipped, since ${path} ${why}`,
    stderr: '',
    stdout_lines: [`skipped, since ${path} ${why}`],
    stderr_lines: [],
    start: null,
    end: null,
    delta: null,
    msg: `Did not run command since '${path}' ${why}`,
  };
}

function display(cmd: unknown): string {
  return Array.isArray(cmd) ? cmd.join(' ') : String(cmd);
}

/** Ansible strips trailing newlines (strip_empty_ends), not other whitespace. */
export function stripEnds(text: string): string {
  return text.replace(/[\r\n]+$/, '');
}

export function lines(text: string): string[] {
  return text === '' ? [] : text.split(/\r?\n/);
}

/** '2024-05-01 10:00:00.123000', Ansible's start/end format (local time). */
export function timestamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}000`;
}

/** '0:00:01.234000', Ansible's delta format. */
export function delta(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h}:${String(m).padStart(2, '0')}:${s.toFixed(6).padStart(9, '0')}`;
}
