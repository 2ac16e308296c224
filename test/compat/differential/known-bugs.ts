// Mismatches that are bugs in ha-run, not choices. Their tests are marked as expected failures
// (vitest `it.fails`): the suite stays honest about them, and the day a bug is fixed the test
// turns red until its entry is removed here. Each entry names the owner's module or keyword.
export type Aspect = 'statuses' | 'files';

export interface KnownBug {
  case: string;
  aspect: Aspect;
  /** Runs where the mismatch shows (1 = fresh hosts, 2 = re-run). */
  runs: (1 | 2)[];
  area: string;
  mismatch: string;
}

export const knownBugs: KnownBug[] = [
  {
    case: 'copy_src', aspect: 'statuses', runs: [1, 2], area: 'module copy',
    mismatch: "dest ending in '/' that does not exist: Ansible creates the directory (changed, then ok); ha-run fails 'Destination directory ... does not exist'",
  },
  {
    case: 'copy_src', aspect: 'files', runs: [1, 2], area: 'module copy',
    mismatch: "dest ending in '/': sub/ and sub/hello.txt are missing (the task failed)",
  },
  {
    case: 'copy_backup', aspect: 'files', runs: [1, 2], area: 'module copy (backup)',
    mismatch: "backup file name: Ansible 'conf.<pid>.<YYYY-MM-DD@HH:MM:SS>~', ha-run 'conf.<YYYY-MM-DD@HH:MM:SS>~' (no pid part)",
  },
  {
    case: 'file_directory', aspect: 'files', runs: [1, 2], area: 'module file (state=directory)',
    mismatch: 'mode on nested directories: Ansible gives every directory it creates the mode (0750); ha-run only the last one (parents 0755)',
  },
  {
    case: 'loop_register', aspect: 'files', runs: [1, 2], area: 'templating (native types)',
    mismatch: "content '{{ item }}\\n' with an integer item: Ansible turns the rendered '2\\n' back into the integer 2 and writes '2'; ha-run writes '2\\n'",
  },
];

export function knownBug(caseName: string, aspect: Aspect, run: 1 | 2): KnownBug | undefined {
  return knownBugs.find((b) => b.case === caseName && b.aspect === aspect && b.runs.includes(run));
}
