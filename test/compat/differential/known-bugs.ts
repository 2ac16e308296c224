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
  {
    case: 'copy_tree', aspect: 'statuses', runs: [1, 2], area: 'module copy (directory src)',
    mismatch: "a directory src: ha-run rejects 'src: tree' before running ('copy source not found' though files/tree exists), so the case does not run; Ansible copies the tree (and its contents for 'tree/')",
  },
  {
    case: 'copy_tree', aspect: 'files', runs: [1, 2], area: 'module copy (directory src)',
    mismatch: 'consequence of the above: nothing is copied',
  },
  {
    case: 'text_edits_more', aspect: 'files', runs: [1, 2], area: 'module lineinfile (backup)',
    mismatch: "backup file name without Ansible's '.<pid>' part, as for copy",
  },
  {
    case: 'stat_details', aspect: 'files', runs: [1, 2], area: 'module stat',
    mismatch: "stat.lnk_source of a relative symlink: Ansible gives the resolved absolute path ('/tmp/hadiff/stat_details/f'); ha-run the raw target ('f', which is lnk_target)",
  },
  {
    case: 'include_tasks', aspect: 'recap', runs: [1, 2], area: 'executor (include_tasks)',
    mismatch: 'an include_tasks is not counted in the recap: Ansible counts the include itself as ok=1 per host',
  },
];

export function knownBug(caseName: string, aspect: Aspect, run: 1 | 2): KnownBug | undefined {
  return knownBugs.find((b) => b.case === caseName && b.aspect === aspect && b.runs.includes(run));
}
