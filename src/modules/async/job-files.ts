// Async jobs on the target, without Python: a directory per job under ~/.ansible_async/JID holding the
// job's script, its stdin, the meta its module needs to build a result, then stdout, stderr, the times
// and, last (renamed into place), rc. The job runs detached (setsid/nohup) under `timeout`, so it
// outlives the connection and never outlives its time limit.
import { randomInt } from 'node:crypto';
import { shellQuote } from '../../connection/quote.js';
import { ModuleFailure } from '../failure.js';
import type { Fact } from '../kit/fact.js';
import type { AsyncJobSpec } from '../types.js';

/** Ansible's job id shape: j<12 digits>.<pid>. */
export function newJobId(): string {
  return `j${String(randomInt(1e11, 1e12 - 1))}.${process.pid}`;
}

const JID = /^j\d+\.\d+$/;

/** The job's directory, in the target user's home, as a sh word ($HOME expands there). */
export function jobDir(jid: string): string {
  if (!JID.test(jid)) throw new ModuleFailure(`'${jid}' is not an async job id (j<digits>.<digits>)`);
  return `"$HOME/.ansible_async/"${shellQuote(jid)}`;
}

/** What Ansible reports as results_file; needs the home directory the target printed. */
export function resultsFile(home: string, jid: string): string {
  return `${home.replace(/\/$/, '')}/.ansible_async/${jid}`;
}

/**
 * Stores the job and starts it detached; prints the home directory. Its stdin is
 * "<meta bytes> <stdin bytes>\n" + meta + job stdin + script, split here with `head -c` (which reads no further).
 */
export function launchScript(jid: string, seconds: number): string {
  const d = jobDir(jid);
  const runner = [
    'd=$1',
    'date +%s.%N > "$d/start"',
    // TERM at the limit, KILL one second later; 124 says the limit was reached.
    'timeout -k 1 "$2" sh "$d/job.sh" < "$d/stdin" > "$d/stdout" 2> "$d/stderr"; rc=$?',
    'date +%s.%N > "$d/end"',
    '[ "$rc" = 124 ] && : > "$d/timedout"',
    'echo "$rc" > "$d/rc.tmp" && mv "$d/rc.tmp" "$d/rc"',
  ].join('\n');
  return [
    'IFS=" " read -r ml sl || exit 1',
    `d=${d}`,
    '(umask 077 && mkdir -p "$d") || exit 1',
    'head -c "$ml" > "$d/meta.json" && head -c "$sl" > "$d/stdin" && cat > "$d/job.sh" || exit 1',
    'if command -v setsid >/dev/null 2>&1; then detach=setsid; else detach=; fi',
    `$detach nohup sh -c ${shellQuote(runner)} hajob "$d" ${Math.max(1, Math.floor(seconds))} </dev/null >/dev/null 2>&1 &`,
    'printf "%s\\n" "$HOME"',
  ].join('\n');
}

/** The bytes launchScript reads on stdin. */
export function launchInput(spec: AsyncJobSpec): Buffer {
  const meta = Buffer.from(JSON.stringify(spec.meta ?? null));
  const stdin = Buffer.from(spec.stdin ?? '');
  return Buffer.concat([Buffer.from(`${meta.length} ${stdin.length}\n`), meta, stdin, Buffer.from(spec.script)]);
}

export type JobState =
  | { state: 'absent'; home: string }
  | { state: 'running'; home: string }
  | { state: 'finished'; home: string; rc: number; timedOut: boolean; meta: unknown; stdout: string; stderr: string; startedAt: Date; endedAt: Date };

function epoch(text: string | undefined): Date {
  const seconds = Number(text);
  return Number.isFinite(seconds) ? new Date(Math.round(seconds * 1000)) : new Date(0);
}

/** A job's state; its outputs come back base64, so nothing in them can add a line. */
export const jobStatus: Fact<string, JobState> = {
  name: 'an async job',
  requires: ['base64'],
  script: (jid) =>
    [
      `d=${jobDir(jid)}`,
      'printf "home=%s\\n" "$(printf %s "$HOME" | base64 | tr -d "\\n")"',
      'if [ ! -d "$d" ]; then echo state=absent; exit 0; fi',
      'if [ ! -f "$d/rc" ]; then echo state=running; exit 0; fi',
      'echo state=finished',
      'printf "rc=%s\\n" "$(cat "$d/rc")"',
      '[ -f "$d/timedout" ] && echo timedout=1',
      'printf "start=%s\\nend=%s\\n" "$(cat "$d/start")" "$(cat "$d/end")"',
      'for f in meta.json stdout stderr; do printf "%s=%s\\n" "$f" "$(base64 < "$d/$f" | tr -d "\\n")"; done',
    ].join('\n'),
  parse(stdout) {
    const values = new Map(stdout.split('\n').flatMap((l) => (l.includes('=') ? [[l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const] : [])));
    const text = (key: string) => Buffer.from(values.get(key) ?? '', 'base64').toString();
    const home = text('home');
    const state = values.get('state');
    if (state === 'absent' || state === 'running') return { state, home };
    if (state !== 'finished') throw new ModuleFailure(`could not read the async job: ${stdout.trim() || 'no answer'}`);
    let meta: unknown;
    try {
      meta = JSON.parse(text('meta.json'));
    } catch {
      throw new ModuleFailure('the async job’s meta file is not readable JSON');
    }
    return {
      state,
      home,
      rc: Number(values.get('rc')),
      timedOut: values.get('timedout') === '1',
      meta,
      stdout: text('stdout'),
      stderr: text('stderr'),
      startedAt: epoch(values.get('start')),
      endedAt: epoch(values.get('end')),
    };
  },
};

/** Removes the job's files (async_status mode=cleanup, and after a poll that saw the job end). */
export function cleanupScript(jid: string): string {
  return `rm -rf -- ${jobDir(jid)}`;
}
