// Plain lines like Ansible's default callback, for CI logs and pipes (and the --diff / -v detail a
// terminal view has no room for).
import { formatLocation } from './diagnostics.js';
import { unifiedDiff } from './diff.js';
import type { HostKeyRecordedEvent, HostResultEvent, IncludedEvent, RetryEvent, PlayStartEvent, RunEndEvent, TaskInfo, TaskStartEvent, WarningEvent } from './events.js';
import { banner, formatRecap } from './recap.js';
import type { Reporter } from './reporter.js';
import { hostKeyNotice } from './host-key-notice.js';

export interface PlainOptions {
  write: (s: string) => void;
  verbosity: number;
  /** Colour the recap as Ansible does (see colour.ts for when). */
  colour?: boolean;
}

/** How many lines of stderr/stdout a failure shows; the log file has all of it. */
const TAIL_LINES = 12;

/** A warning as one line: where it applies first (`file:line:col: ` or `host: `), as before events carried it. */
export function warningText(e: WarningEvent): string {
  const where = e.location ? `${formatLocation(e.location)}: ` : e.host ? `${e.host}: ` : '';
  return `${where}${e.message}`;
}

export function taskTitle(t: TaskInfo): string {
  return t.role ? `${t.role} : ${t.name}` : t.name;
}

function hostLabel(e: HostResultEvent): string {
  return e.delegatedTo && e.delegatedTo !== e.host ? `${e.host} -> ${e.delegatedTo}` : e.host;
}

function tail(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const lines = text.replace(/\s+$/, '').split('\n');
  const shown = lines.slice(-TAIL_LINES);
  return (lines.length > TAIL_LINES ? `(last ${TAIL_LINES} of ${lines.length} lines)\n` : '') + shown.join('\n');
}

function indent(text: string, by = '    '): string {
  return text.replace(/^/gm, by);
}

function json(v: unknown, pretty = false): string {
  return JSON.stringify(v, null, pretty ? 4 : undefined) ?? 'null';
}

/** What a failure tells a person: the message, where the task is, the rc and the useful end of stderr. */
export function failureDetail(e: HostResultEvent): string[] {
  const r = e.result;
  const lines: string[] = [];
  if (e.task.location) lines.push(`task: ${formatLocation(e.task.location)}`);
  if (typeof r.rc === 'number') lines.push(`rc: ${r.rc}`);
  const err = tail(r.stderr);
  if (err) lines.push(`stderr:\n${indent(err, '  ')}`);
  else {
    const out = tail(r.stdout);
    if (out) lines.push(`stdout:\n${indent(out, '  ')}`);
  }
  return lines;
}

export class PlainReporter implements Reporter {
  private readonly w: (s: string) => void;
  constructor(private readonly opts: PlainOptions) {
    this.w = opts.write;
  }

  playStart(e: PlayStartEvent): void {
    const batch = e.batch && e.batch.count > 1 ? ` (batch ${e.batch.number}/${e.batch.count})` : '';
    this.w(`\n${banner(`PLAY [${e.name}]${batch}`)}\n`);
  }

  taskStart(e: TaskStartEvent): void {
    this.w(`\n${banner(`TASK [${taskTitle(e.task)}]`)}\n`);
  }

  handlerStart(e: TaskStartEvent): void {
    this.w(`\n${banner(`RUNNING HANDLER [${taskTitle(e.task)}]`)}\n`);
  }

  itemResult(e: HostResultEvent): void {
    this.printDiff(e);
    const item = `(item=${e.item ?? ''})`;
    if (e.status === 'failed') {
      this.w(`failed: [${hostLabel(e)}] ${item} => ${json(this.shownResult(e))}\n`);
      if (e.task.location) this.w(indent(`task: ${formatLocation(e.task.location)}`) + '\n');
      return;
    }
    const word = e.status === 'skipped' ? 'skipping' : e.status;
    this.w(`${word}: [${hostLabel(e)}] => ${item}${this.detail(e)}\n`);
  }

  hostResult(e: HostResultEvent): void {
    const loop = e.result.results !== undefined;
    if (!loop) this.printDiff(e);
    const who = hostLabel(e);
    if (e.status === 'interrupted') {
      this.w(`interrupted: [${who}]: ${e.msg ?? 'stopped mid-way'}\n`);
      return;
    }
    if (e.status === 'failed' && loop) {
      // Like Ansible: the failed items were shown one by one; no summary line.
      if (e.ignored) this.w('...ignoring\n');
      return;
    }
    if (e.status === 'failed') {
      const msg = typeof e.result.msg === 'string' && this.opts.verbosity === 0 ? e.result.msg : json(this.shownResult(e));
      this.w(`fatal: [${who}]: FAILED! => ${msg}\n`);
      for (const l of failureDetail(e)) this.w(indent(l) + '\n');
      if (e.ignored) this.w('...ignoring\n');
      return;
    }
    if (loop && e.status !== 'skipped') return; // the items said it all, as in Ansible
    const word = e.status === 'skipped' ? 'skipping' : e.status;
    this.w(`${word}: [${who}]${this.detail(e)}\n`);
  }

  unreachable(e: HostResultEvent): void {
    this.w(`fatal: [${hostLabel(e)}]: UNREACHABLE! => ${e.msg ?? 'unreachable'}\n`);
    if (e.hint) this.w(`    hint: ${e.hint}\n`);
  }

  retrying(e: RetryEvent): void {
    this.w(`FAILED - RETRYING: [${e.host}]: ${taskTitle(e.task)} (${e.retriesLeft} retries left).\n`);
  }

  included(e: IncludedEvent): void {
    this.w(`included: ${e.file} for ${e.hosts.join(', ')}${e.item !== undefined ? ` => (item=${e.item})` : ''}\n`);
  }

  hostKeyRecorded(e: HostKeyRecordedEvent): void {
    this.w(`[WARNING]: ${hostKeyNotice(e)}\n`);
  }

  warning(e: WarningEvent): void {
    this.w(`[WARNING]: ${warningText(e)}\n`);
  }

  runEnd(e: RunEndEvent): void {
    if (e.aborted) this.w(`\n${e.aborted}\n`);
    this.w(`\n${formatRecap(e.stats, this.opts.colour === true)}\n\n`);
    if (this.opts.verbosity > 0 && e.roundTrips && Object.keys(e.roundTrips).length > 0) {
      this.w(`round trips per host: ${Object.entries(e.roundTrips).map(([h, n]) => `${h}=${n}`).join(' ')}\n`);
    }
    if (e.exitCode !== 0 && e.logFile) this.w(`full log of this run: ${e.logFile}\n`);
  }

  /** debug always shows its result; other modules show it at -v; changed tasks show why. */
  private detail(e: HostResultEvent): string {
    if (e.status === 'skipped') {
      if (this.opts.verbosity > 0 && e.result.skip_reason) return ` => ${json({ skip_reason: e.result.skip_reason })}`;
      // A command skipped in check mode says what it would have run.
      return e.reasons && e.reasons.length > 0 ? `  (${e.reasons.join('; ')})` : '';
    }
    // Gathered facts are for ad-hoc output and JSON events; a playbook's text output never dumps them.
    if (e.task.output === 'facts' && e.status !== 'failed') return '';
    if (e.task.output === 'show-result' || this.opts.verbosity > 0) return ` => ${json(this.shownResult(e), true)}`;
    if (e.status === 'changed' && e.reasons && e.reasons.length > 0) return `  (${e.reasons.join('; ')})`;
    return '';
  }

  private shownResult(e: HostResultEvent): Record<string, unknown> {
    if (e.task.output !== 'show-result' || this.opts.verbosity > 0) return e.result;
    // Like Ansible, debug shows only what was asked for: a message alone, without the loop's item.
    const { changed: _c, failed: _f, ...rest } = e.result;
    return 'msg' in rest ? { msg: rest.msg } : rest;
  }

  private printDiff(e: HostResultEvent): void {
    // The executor only passes diffs along for tasks in diff mode (--diff or `diff: true`).
    if (!e.diff) return;
    for (const d of e.diff) {
      const text = unifiedDiff(d);
      if (text) this.w(text + '\n\n');
    }
  }
}
