// The file module's modification_time and access_time, as Ansible's file module treats them:
// 'preserve' (the default, except with state=touch), 'now' (touch's default, so every touch is a
// change), or a time written in *_time_format. Such a time is local to the target (Ansible runs
// mktime there), so the target converts it; it is set only when the file's time (to the
// nanosecond) differs, which makes a task with explicit times idempotent.
import { shellQuote } from '../../connection/quote.js';
import { ModuleFailure } from '../failure.js';
import { formatLocal, strptime, StrptimeError } from '../strptime.js';
import type { Change } from '../types.js';
import type { Fact } from '../kit/fact.js';

export interface FileTimeArgs {
  modification_time?: string;
  modification_time_format?: string;
  access_time?: string;
  access_time_format?: string;
}

const DEFAULT_FORMAT = '%Y%m%d%H%M.%S';

const timeValue = (which: string) => ({
  type: 'string',
  description: `What the ${which} time should be: 'preserve', 'now', or a time in ${which}_time_format (the target's local time). Default: 'now' with state=touch, else 'preserve'.`,
});
const timeFormat = (which: string) => ({
  type: 'string',
  default: DEFAULT_FORMAT,
  description: `How ${which}_time is written: Python strptime directives (%Y %m %d %H %M %S ...).`,
});

/** JSON Schema properties of the four arguments. */
export const fileTimeProperties = {
  modification_time: timeValue('modification'),
  modification_time_format: timeFormat('modification'),
  access_time: timeValue('access'),
  access_time_format: timeFormat('access'),
} as const;

/** What one timestamp should become: kept, the time of the run, or a local time. */
export type TimeWanted = { kind: 'preserve' } | { kind: 'now' } | { kind: 'at'; local: string };

export interface WantedTimes {
  mtime: TimeWanted;
  atime: TimeWanted;
}

function wanted(value: string | undefined, format: string | undefined, touch: boolean): TimeWanted {
  const v = value ?? (touch ? 'now' : 'preserve');
  if (v === 'preserve' || v === 'now') return { kind: v };
  const f = format ?? DEFAULT_FORMAT;
  try {
    return { kind: 'at', local: formatLocal(strptime(v, f)) };
  } catch (err) {
    if (!(err instanceof StrptimeError)) throw err;
    throw new ModuleFailure(`Error while obtaining timestamp for time ${v} using format ${f}: ${err.message}`);
  }
}

/** The times args ask for; Ansible's defaults depend on whether the state is touch. */
export function wantedTimes(args: FileTimeArgs, touch: boolean): WantedTimes {
  return {
    mtime: wanted(args.modification_time, args.modification_time_format, touch),
    atime: wanted(args.access_time, args.access_time_format, touch),
  };
}

export function setsTimes(w: WantedTimes): boolean {
  return w.mtime.kind !== 'preserve' || w.atime.kind !== 'preserve';
}

/** What the target said: the file's times ('seconds.nanoseconds', links followed), each wanted local time in epoch seconds. */
export interface TimeFacts {
  current?: { mtime: string; atime: string };
  epochs: { mtime?: string; atime?: string };
  parentExists: boolean;
}

/** The path's times, whether its parent exists, and explicit times as the target's clock reads them. */
export const fileTimes: Fact<{ path: string; parent: string; wanted: WantedTimes }, TimeFacts> = {
  name: 'the times of a file',
  script: (a) => timesScript(a.path, a.parent, a.wanted),
  parse: (stdout, a) => parseTimes(stdout, a.wanted),
};

/** Shell lines printing `t=`, `m=`, `a=` and `p=` for parseTimes. */
export function timesScript(path: string, parent: string, w: WantedTimes): string {
  const q = shellQuote(path);
  const lines = [`s=$(stat -L -c '%.9Y %.9X' -- ${q} 2>/dev/null) && echo "t=$s"`, `[ -e ${shellQuote(parent)} ] && echo p=1`];
  for (const [key, t] of [['m', w.mtime], ['a', w.atime]] as const) {
    if (t.kind === 'at') lines.push(`echo "${key}=$(date -d ${shellQuote(t.local)} +%s 2>/dev/null)"`);
  }
  lines.push('true');
  return lines.join('\n');
}

export function parseTimes(out: string, w: WantedTimes): TimeFacts {
  const values = new Map(out.split('\n').flatMap((l) => (/^[tmap]=/.test(l) ? [[l[0]!, l.slice(2).trim()] as const] : [])));
  const facts: TimeFacts = { epochs: {}, parentExists: values.get('p') === '1' };
  const [mtime, atime] = (values.get('t') ?? '').split(' ');
  if (mtime && atime) facts.current = { mtime, atime };
  for (const [key, name, t] of [['m', 'mtime', w.mtime], ['a', 'atime', w.atime]] as const) {
    if (t.kind !== 'at') continue;
    const epoch = values.get(key);
    if (!epoch || !/^-?\d+$/.test(epoch)) throw new ModuleFailure(`the target cannot read ${t.local} as a local time (date -d)`);
    facts.epochs[name] = epoch;
  }
  return facts;
}

/**
 * Changes that give the file the wanted times (`facts`: what gather found, needed for explicit
 * times). `created`: an earlier change of this task makes the file, so its times are those of the
 * run (no second stamp needed for 'now').
 */
export function timeChanges(path: string, w: WantedTimes, facts: TimeFacts | undefined, created = false): Change[] {
  const { mtime, atime } = w;
  const q = shellQuote(path);
  if (mtime.kind === 'now' && atime.kind === 'now') {
    // Ansible stamps the time of the run each time: always a change.
    return created ? [] : [{ summary: 'update access and modification times', ops: [{ kind: 'exec', command: `touch -- ${q}` }] }];
  }
  const steps: { summary: string; command: string }[] = [];
  for (const [name, flag, label, t] of [['mtime', '-m', 'modification', mtime], ['atime', '-a', 'access', atime]] as const) {
    if (t.kind === 'preserve') continue;
    if (t.kind === 'now') {
      steps.push({ summary: `${label} time → now`, command: `touch ${flag} -- ${q}` });
      continue;
    }
    const epoch = facts?.epochs[name];
    if (epoch === undefined) throw new Error(`${label} time ${t.local} was not converted on the target`);
    // A time from a format has whole seconds; equal only when the file's has no fraction either.
    if (!created && facts!.current?.[name] === `${epoch}.000000000`) continue;
    steps.push({ summary: `${label} time → ${t.local}`, command: `touch ${flag} -d @${epoch} -- ${q}` });
  }
  return steps.map((s) => ({ summary: s.summary, ops: [{ kind: 'exec', command: s.command }] }));
}
