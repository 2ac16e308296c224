// Mismatches that are bugs in ha-run, not choices. Their tests are marked as expected failures
// (vitest `it.fails`): the suite stays honest about them, and the day a bug is fixed the test
// turns red until its entry is removed here. Each entry names the owner's module or keyword.
/** `recap`: the PLAY RECAP counters (case names the case that causes the mismatch). */
export type Aspect = 'statuses' | 'files' | 'recap';

export interface KnownBug {
  case: string;
  aspect: Aspect;
  /** Runs where the mismatch shows (1 = fresh hosts, 2 = re-run). */
  runs: (1 | 2)[];
  area: string;
  mismatch: string;
}

// None open: each one fixed so far had its entry (and its DIFFERENCES.md row) removed.
export const knownBugs: KnownBug[] = [];

export function knownBug(caseName: string, aspect: Aspect, run: 1 | 2): KnownBug | undefined {
  return knownBugs.find((b) => b.case === caseName && b.aspect === aspect && b.runs.includes(run));
}
