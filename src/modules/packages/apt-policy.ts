// What apt would install: `apt-cache policy` per package, its installed version, the candidate and
// every version the sources offer. A name apt does not know is absent from the answer.
import { shellQuote } from '../../connection/quote.js';
import type { Fact } from '../kit/fact.js';
import { APT_ENV } from './apt-command.js';

export interface AptPolicy {
  installed?: string;
  candidate?: string;
  /** Versions offered, in apt's order (highest first). */
  versions: string[];
}

export interface PolicyArgs {
  names: readonly string[];
  defaultRelease?: string;
}

export const aptPolicy: Fact<PolicyArgs, Record<string, AptPolicy>> = {
  name: "apt's candidate versions",
  requires: ['apt-cache'],
  script: ({ names, defaultRelease }) =>
    names.length === 0
      ? 'true'
      : `${APT_ENV} apt-cache${defaultRelease ? ` -o APT::Default-Release=${shellQuote(defaultRelease)}` : ''} policy -- ${names.map(shellQuote).join(' ')} 2>/dev/null`,
  parse: (stdout) => parsePolicy(stdout),
};

const NONE = '(none)';

export function parsePolicy(stdout: string): Record<string, AptPolicy> {
  const out: Record<string, AptPolicy> = {};
  let current: AptPolicy | undefined;
  for (const line of stdout.split('\n')) {
    const head = /^(\S+):$/.exec(line);
    if (head) {
      current = { versions: [] };
      out[head[1]] = current;
      continue;
    }
    if (!current) continue;
    const field = /^ {2}(Installed|Candidate): (.*)$/.exec(line);
    if (field) {
      const value = field[2].trim();
      if (value !== NONE) current[field[1] === 'Installed' ? 'installed' : 'candidate'] = value;
      continue;
    }
    // Version lines: "     2.1.0-1 500" or " *** 2.1.0-1 500" (the installed one).
    const version = /^ (?:\*\*\*| {3}) (\S+) -?\d+$/.exec(line);
    if (version) current.versions.push(version[1]);
  }
  return out;
}
