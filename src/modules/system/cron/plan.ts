// cron's pure plan: the edit of the crontab (or cron_file) Ansible would make, as one change that
// installs the new text with `crontab -` (stdin) or writes the file; an emptied cron_file is deleted.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { FileState } from '../../files/file-probe.js';
import type { Change, Op } from '../../types.js';
import { editEnv, editJob, jobLine, readCrontab, renderCrontab, type CrontabEdit } from './crontab.js';
import { crontabCommand } from './facts.js';
import type { CronArgs } from './schema.js';

export interface CronFacts {
  /** The user crontab's text (crontab -l), when no cron_file is managed. */
  crontab?: string;
  /** The cron_file as it is. */
  file?: FileState;
}

/** cron_file as Ansible resolves it: a bare name is in /etc/cron.d. */
export function cronFilePath(cronFile: string): string {
  return cronFile.startsWith('/') ? cronFile : `/etc/cron.d/${cronFile}`;
}

export function cronCheck(args: CronArgs): void {
  const fields = [args.minute, args.hour, args.day ?? args.dom, args.month, args.weekday ?? args.dow];
  if (args.cron_file === '/etc/crontab') throw new ModuleFailure('Will not manage /etc/crontab via cron_file, see documentation.');
  if (args.special_time && fields.some((f) => f !== undefined && f !== '*')) throw new ModuleFailure('You must specify time and date fields or special time.');
  if (args.state === 'absent') return;
  if (args.cron_file && !args.user) throw new ModuleFailure('To use cron_file=... parameter you must specify user=... as well');
  if ((args.job ?? args.value) === undefined) throw new ModuleFailure("You must specify 'job' to install a new cron job or variable");
  if ((args.insertafter !== undefined || args.insertbefore !== undefined) && !args.env) throw new ModuleFailure('Insertafter and insertbefore parameters are valid only with env=yes');
}

/** The crontab before (as Ansible reads it) and after the edit. */
export function cronEdit(args: CronArgs, facts: CronFacts): { before: string[]; existing: string; edit: CrontabEdit } {
  cronCheck(args);
  const text = args.cron_file ? (facts.file?.type === 'file' ? (facts.file.content?.toString('utf8') ?? '') : '') : (facts.crontab ?? '');
  const { lines, existing } = readCrontab(text, !args.cron_file);
  const present = args.state !== 'absent';
  const job = args.job ?? args.value;
  if (args.env) return { before: lines, existing, edit: editEnv(lines, args.name, present ? job : undefined, args) };
  const line = present
    ? jobLine({
        minute: args.minute ?? '*',
        hour: args.hour ?? '*',
        day: args.day ?? args.dom ?? '*',
        month: args.month ?? '*',
        weekday: args.weekday ?? args.dow ?? '*',
        job: job!,
        special: args.special_time,
        disabled: args.disabled ?? false,
        user: args.cron_file ? args.user : undefined,
      })
    : undefined;
  return { before: lines, existing, edit: editJob(lines, args.name, line) };
}

/** Where the diff says the crontab is: the file, or Ansible's header for a user crontab. */
function crontabLabel(args: CronArgs): string {
  if (args.cron_file) return cronFilePath(args.cron_file);
  return args.user ? `crontab for user "${args.user}"` : 'crontab';
}

/** Ansible's backup: the crontab as read, in a new temporary file named crontabXXXXXXXX. */
function backupOp(before: string): Op {
  return { kind: 'exec', command: 'b=$(mktemp "${TMPDIR:-/tmp}/crontabXXXXXXXX") && cat > "$b" && printf %s "$b"', stdin: before, resultKey: 'backup_file' };
}

export function planCron(args: CronArgs, facts: CronFacts): Change[] {
  const { before, existing, edit } = cronEdit(args, facts);
  // Ansible rewrites a crontab that lacks its final newline even when nothing else changes.
  const reason = edit.reason ?? (existing !== '' && !/[\r\n]$/.test(existing) ? 'add the missing newline at the end' : undefined);
  if (reason === undefined) return [];
  const label = crontabLabel(args);
  const after = renderCrontab(edit.lines);
  const ops: Op[] = args.backup ? [backupOp(renderCrontab(before))] : [];
  if (!args.cron_file) {
    ops.push({ kind: 'exec', command: crontabCommand(args.user, '-'), stdin: after });
    return [{ summary: `${reason} (${label})`, diff: { path: label, before: existing, after }, ops }];
  }
  const fileExists = facts.file?.type === 'file';
  if (args.state === 'absent' && !edit.lines.some((l) => l.trim())) {
    // The last job went: Ansible deletes the file.
    if (!fileExists) return [];
    ops.push({ kind: 'exec', command: `rm -f -- ${shellQuote(label)}` });
    return [{ summary: `${reason}; remove ${label} (no jobs left)`, diff: { path: label, before: existing, after: '' }, ops }];
  }
  ops.push({ kind: 'put', path: label, data: after, ...(fileExists ? {} : { mode: '0644' }) });
  return [{ summary: `${reason} (${label})`, diff: { path: label, before: existing, after }, ops }];
}
