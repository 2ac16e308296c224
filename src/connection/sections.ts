// The one section protocol: several fact scripts in one shell script, each answer between markers
// that carry a random nonce, so output from the target cannot forge or end a section. Each script
// runs in a subshell with stdin closed: an `exit` or a stray read cannot disturb the others.
import { randomBytes } from 'node:crypto';

export interface SectionRequest {
  script: string;
  requires?: readonly string[];
  /** A shell test; `requires` is checked only when it succeeds. */
  requiresIf?: string;
  /** Shell functions the script uses; each distinct prelude is written once, before every section. */
  prelude?: string;
  /** Run without a subshell (see Fact.inline). */
  inline?: boolean;
  /** A prelude function called once, before the sections, with the `args` of every request naming it (see Fact.prefetch). */
  prefetch?: { call: string; args: string };
}

export type SectionAnswer =
  | { kind: 'answer'; stdout: string; rc: number }
  | { kind: 'missing'; tools: string[] }
  /** The script stopped before this section ended (the shell died, or output was cut). */
  | { kind: 'lost' };

export function newNonce(): string {
  return randomBytes(9).toString('hex');
}

const TOOL = /^[A-Za-z0-9._+-]+(\|[A-Za-z0-9._+-]+)*$/;

/** `curl|wget`: a test that succeeds when any alternative exists, and the name to report otherwise. */
function requireCheck(tool: string): string {
  // Tool names are written by modules, never by users: a strange one is a bug in ha-run.
  if (!TOOL.test(tool)) throw new Error(`fact requires an odd tool name: ${tool}`);
  const found = tool.split('|').map((t) => `command -v ${t} >/dev/null 2>&1`).join(' || ');
  return `{ ${found}; } || m="$m ${tool}"`;
}

/** The script answering every request in order; `withStdin` leaves stdin open for a lone request with input. */
export function sectionsScript(nonce: string, requests: readonly SectionRequest[], withStdin = false): string {
  const preludes = [...new Set(requests.flatMap((r) => (r.prelude ? [r.prelude] : [])))];
  const prefetches = new Map<string, string[]>();
  for (const { prefetch } of requests) if (prefetch) prefetches.set(prefetch.call, [...(prefetches.get(prefetch.call) ?? []), prefetch.args]);
  const sections = requests.map((r, i) => {
    const mark = `@@ha-run:${nonce}:${i}`;
    const allChecks = (r.requires ?? []).map(requireCheck).join('; ');
    const checks = allChecks && r.requiresIf ? `if ${r.requiresIf}; then ${allChecks}; fi` : allChecks;
    const run = `${r.inline ? `{ ${r.script}\n}` : `( ${r.script}\n)`}${withStdin ? '' : ' </dev/null'}; printf '\\n${mark}:rc=%s\\n' "$?"`;
    const body = checks ? `m=; ${checks}; if [ -n "$m" ]; then echo "${mark}:missing$m"; else ${run}; fi` : run;
    return `echo '${mark}'\n${body}`;
  });
  const calls = [...prefetches].map(([call, args]) => `${call} ${args.join(' ')}`);
  return [...preludes, ...calls, ...sections, 'true'].join('\n');
}

/**
 * `command`, then, only if it succeeded, the sections script of `requests`, as one script: reads that must
 * see what the command left are made in its round trip, and are sure to run after it (one shell runs
 * both). The command's exit status stays the script's. `splitReadsAfter` takes the output apart.
 */
export function withReadsAfter(command: string, nonce: string, requests: readonly SectionRequest[]): string {
  return [
    `{ ${command}`,
    '}',
    '__ha_then=$?',
    `if [ "$__ha_then" -eq 0 ]; then printf '\\n%s\\n' '@@ha-run-then:${nonce}'; ( ${sectionsScript(nonce, requests)}`,
    ') </dev/null; fi',
    'exit "$__ha_then"',
  ].join('\n');
}

/** The command's own stdout, and what the reads printed (undefined: they did not run, or were cut short). */
export function splitReadsAfter(stdout: string, nonce: string): { command: string; reads?: string } {
  const mark = `\n@@ha-run-then:${nonce}\n`;
  const at = stdout.lastIndexOf(mark);
  if (at < 0) return { command: stdout };
  return { command: stdout.slice(0, at), reads: stdout.slice(at + mark.length) };
}

/** Splits the script's stdout back into one answer per request. */
export function parseSections(stdout: string, nonce: string, count: number): SectionAnswer[] {
  const answers: SectionAnswer[] = [];
  let pos = 0;
  for (let i = 0; i < count; i++) {
    const mark = `@@ha-run:${nonce}:${i}`;
    const start = stdout.indexOf(`${mark}\n`, pos);
    if (start < 0) {
      answers.push({ kind: 'lost' });
      continue;
    }
    const from = start + mark.length + 1;
    if (stdout.startsWith(`${mark}:missing`, from)) {
      const end = stdout.indexOf('\n', from);
      const line = stdout.slice(from + mark.length + ':missing'.length, end < 0 ? undefined : end);
      answers.push({ kind: 'missing', tools: line.trim().split(/\s+/) });
      pos = end < 0 ? stdout.length : end + 1;
      continue;
    }
    const endMark = `\n${mark}:rc=`;
    const end = stdout.indexOf(endMark, from);
    if (end < 0) {
      answers.push({ kind: 'lost' });
      continue;
    }
    const rcEnd = stdout.indexOf('\n', end + endMark.length);
    const rc = Number(stdout.slice(end + endMark.length, rcEnd < 0 ? undefined : rcEnd));
    answers.push({ kind: 'answer', stdout: stdout.slice(from, end), rc });
    pos = rcEnd < 0 ? stdout.length : rcEnd + 1;
  }
  return answers;
}

/** The stdout a target would have printed for these answers: parseSections(renderSections(n, a), n, a.length) gives `a` back. */
export function renderSections(nonce: string, answers: readonly SectionAnswer[]): string {
  return answers
    .map((a, i) => {
      const mark = `@@ha-run:${nonce}:${i}`;
      if (a.kind === 'missing') return `${mark}\n${mark}:missing ${a.tools.join(' ')}\n`;
      if (a.kind === 'lost') return '';
      return `${mark}\n${a.stdout}\n${mark}:rc=${a.rc}\n`;
    })
    .join('');
}
