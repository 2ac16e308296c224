// The sysvinit side of a service: is it running (its script's `status`, or a `ps` pattern) and
// is the `service` command there to drive it.
import { shellQuote, shellJoin } from '../../../connection/quote.js';
import { shlexSplit } from '../../../util/shlex.js';
import type { Fact } from '../../kit/fact.js';
import { initScriptPath } from '../sysv-facts.js';

/** Where the sbin tools live even when the login PATH lacks them. */
export const SBIN_PATH = 'PATH="$PATH:/usr/sbin:/sbin"; export PATH; LC_ALL=C; export LC_ALL';

export interface ControlArgs {
  name: string;
  arguments?: string;
}

/** `service NAME VERB ARGS` when the service command exists, else the init script itself. */
export function controlWords(a: ControlArgs, verb: string, viaService: boolean): string {
  const extra = a.arguments ? shellJoin(shlexSplit(a.arguments)) : '';
  const head = viaService ? `service ${shellQuote(a.name)}` : shellQuote(initScriptPath(a.name));
  return `${head} ${verb}${extra ? ` ${extra}` : ''}`;
}

export const serviceCommandFact: Fact<void, boolean> = {
  name: 'the service command',
  script: () => `${SBIN_PATH}; command -v service >/dev/null 2>&1 && echo service; true`,
  parse: (stdout) => stdout.trim() === 'service',
};

export interface StatusAnswer {
  rc: number;
  stdout: string;
}

export const statusFact: Fact<ControlArgs, StatusAnswer> = {
  name: "the service's status",
  // Without a script there is no status to ask for (the plan reports the service missing).
  script: (a) =>
    `${SBIN_PATH}; [ -f ${shellQuote(initScriptPath(a.name))} ] || exit 0\n` +
    `if command -v service >/dev/null 2>&1; then ${controlWords(a, 'status', true)}; else ${controlWords(a, 'status', false)}; fi 2>/dev/null`,
  parse: (stdout, _a, rc) => ({ rc, stdout }),
};

/**
 * Running or not from the status answer, as Ansible reads it: exit 1-4 or 69 is stopped; a single
 * line of output is read for words (stop, running, not running, dead...); exit 0 is running.
 * Undefined when nothing tells.
 */
export function runningFromStatus(name: string, s: StatusAnswer): boolean | undefined {
  if ([1, 2, 3, 4, 69].includes(s.rc)) return false;
  if ((s.stdout.match(/\n/g) ?? []).length <= 1) {
    const clean = s.stdout.toLowerCase().split(name.toLowerCase()).join('');
    if (clean.includes('stop')) return false;
    if (clean.includes('run')) return !clean.includes('not ');
    if (clean.includes('start') && !clean.includes('not ')) return true;
    if (['could not access pid file', 'is dead and pid file exists', 'dead but subsys locked', 'dead but pid file exists'].some((w) => clean.includes(w))) return false;
  }
  if (s.rc === 0) return true;
  return undefined;
}

/** `ps auxww` lines; ha-run's own probe (its markers are on sudo's command line) never counts. */
export const processesFact: Fact<void, string[]> = {
  name: 'the running processes (ps)',
  requires: ['ps'],
  script: () => 'ps auxww',
  parse: (stdout) => stdout.split('\n').filter((l) => l !== '' && !l.includes('@@ha-run:')),
};
