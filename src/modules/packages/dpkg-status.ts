// What dpkg knows about packages: one line per package it has a record of (installed, removed with
// its config files left, or merely known). Without names: every package dpkg has a record of.
import { shellQuote } from '../../connection/quote.js';
import type { Fact } from '../kit/fact.js';

export interface DpkgRecord {
  name: string;
  version: string;
  arch: string;
  /** dpkg's two-letter abbreviation: want (u/i/h/r/p) then state (n/c/H/U/F/W/t/i). */
  status: string;
  source: string;
  section: string;
}

export const dpkgStatus: Fact<readonly string[] | undefined, DpkgRecord[]> = {
  name: 'the packages dpkg knows',
  requires: ['dpkg-query'],
  script: (names) =>
    // Unknown names make dpkg-query exit 1 after printing the others: that is an answer, not an error.
    `dpkg-query -W -f='\${Package}\\t\${Version}\\t\${Architecture}\\t\${db:Status-Abbrev}\\t\${source:Package}\\t\${Section}\\n'${names && names.length ? ` -- ${names.map(shellQuote).join(' ')}` : ''} 2>/dev/null || true`,
  parse: (stdout) =>
    stdout
      .split('\n')
      .filter((l) => l.includes('\t'))
      .map((line) => {
        const [name, version, arch, status, source, section] = line.split('\t');
        return { name, version, arch, status: (status ?? '').trim(), source: source || name, section: section ?? '' };
      }),
};

/** Installed (unpacked and configured, or at least unpacked): dpkg's state letter says so. */
export function isInstalled(r: DpkgRecord): boolean {
  return /^.[iUFWt]/.test(r.status);
}

/** Removed but its configuration files are still there (a purge would change something). */
export function hasConfigFiles(r: DpkgRecord): boolean {
  return r.status[1] === 'c';
}

/** The record for `name` (optionally `name:arch`). */
export function recordOf(records: readonly DpkgRecord[], spec: string): DpkgRecord | undefined {
  const [name, arch] = spec.split(':');
  const found = records.filter((r) => r.name === name && (arch === undefined || r.arch === arch || r.arch === 'all'));
  return found.find(isInstalled) ?? found[0];
}

/** A comparable picture of what is installed: changed iff this differs after the task. */
export function installedSnapshot(records: readonly DpkgRecord[]): string {
  return records
    .map((r) => `${r.name}:${r.arch} ${r.version} ${r.status}`)
    .sort()
    .join('\n');
}
