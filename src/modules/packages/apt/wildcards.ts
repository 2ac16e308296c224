// Package names with shell wildcards (`nginx*`, `lib?ss`, `fonts-[dl]*`), as Ansible's apt reads
// them: every package apt knows with versions whose name matches (fnmatch, case-sensitive) is named
// instead; a version given with the pattern is dropped, as Ansible drops it. Without ':' in the
// pattern, only native packages (no `name:arch`) match. A pattern matching nothing fails.
import { shellQuote } from '../../../connection/quote.js';
import { fnmatchRegExp } from '../../../util/fnmatch.js';
import { ModuleFailure } from '../../failure.js';
import type { Fact } from '../../kit/fact.js';
import { specName } from './spec.js';

const WILDCARD = /[*?[\]!]/;

export function isPattern(spec: string): boolean {
  return WILDCARD.test(specName(spec));
}

/** The text before a pattern's first wildcard: `apt-cache pkgnames` lists the names starting with it. */
export function patternPrefix(spec: string): string {
  const name = specName(spec);
  return name.slice(0, name.search(WILDCARD));
}

/** The names of the packages apt knows with versions (virtual ones excluded), by prefix. */
export const aptPackageNames: Fact<readonly string[], string[]> = {
  name: 'the package names apt knows',
  requires: ['apt-cache'],
  script: (prefixes) => prefixes.map((p) => `apt-cache pkgnames ${shellQuote(p)}`).join('\n'),
  parse: (stdout) => [...new Set(stdout.split('\n').filter((l) => l !== ''))].sort(),
};

/** Each pattern's matching names, in name order, for the plan. */
export function patternMatches(specs: readonly string[], known: readonly string[]): Record<string, string[]> {
  const matches: Record<string, string[]> = {};
  for (const spec of specs.filter(isPattern)) {
    const pattern = specName(spec);
    const re = fnmatchRegExp(pattern);
    const candidates = pattern.includes(':') ? known : known.filter((n) => !n.includes(':'));
    const found = candidates.filter((n) => re.test(n));
    if (found.length === 0) throw new ModuleFailure(`No package(s) matching '${pattern}' available`);
    matches[spec] = found;
  }
  return matches;
}

/** The package specs with each pattern replaced by the names it matches. */
export function expandPatterns(specs: readonly string[], matches: Record<string, string[]> | undefined): string[] {
  return specs.flatMap((s) => (isPattern(s) ? (matches?.[s] ?? []) : [s]));
}
