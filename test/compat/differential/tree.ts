// What a playbook left behind under the cases' root on a host: type, mode, owner, group, link
// target and content of every entry. Read with python3 on the host (lab hosts have it for Ansible).

export const CASES_ROOT = '/tmp/hadiff';

export interface TreeEntry {
  /** Path relative to CASES_ROOT, backup names normalized (see normalizeBackupName). */
  path: string;
  type: 'file' | 'dir' | 'link' | 'other';
  mode: string;
  owner: string;
  group: string;
  target?: string;
  content?: string;
}

// Prints a JSON list of entries; no output-side parsing of `find` lines (names may hold tabs).
const SNAPSHOT_PY = `
import os, sys, json, stat, pwd, grp
root = sys.argv[1]
out = []
def name(fn, id):
    try: return fn(id)[0]
    except KeyError: return str(id)
for d, dirs, files in os.walk(root):
    for n in dirs + files:
        p = os.path.join(d, n)
        st = os.lstat(p)
        e = {"path": os.path.relpath(p, root), "mode": "%04o" % stat.S_IMODE(st.st_mode),
             "owner": name(pwd.getpwuid, st.st_uid), "group": name(grp.getgrgid, st.st_gid)}
        if stat.S_ISLNK(st.st_mode): e["type"] = "link"; e["target"] = os.readlink(p)
        elif stat.S_ISDIR(st.st_mode): e["type"] = "dir"
        elif stat.S_ISREG(st.st_mode):
            e["type"] = "file"
            with open(p, "rb") as f: e["content"] = f.read().decode("utf-8", "backslashreplace")
        else: e["type"] = "other"
        out.append(e)
print(json.dumps(out))
`;

/** A shell command that prints the snapshot of CASES_ROOT as JSON (an empty list when it is missing). */
export function snapshotCommand(): string {
  const quoted = `'${SNAPSHOT_PY.replace(/'/g, `'\\''`)}'`;
  return `python3 -c ${quoted} ${CASES_ROOT}`;
}

// Ansible names backups `<file>.<pid>.<YYYY-MM-DD@HH:MM:SS>~`: pid and time differ run to run.
const BACKUP_SUFFIX = /\.\d+\.\d{4}-\d{2}-\d{2}@\d{2}:\d{2}:\d{2}~$/;

export function normalizeBackupName(path: string): string {
  return path.replace(BACKUP_SUFFIX, '.<pid>.<time>~');
}

export function parseSnapshot(stdout: string): TreeEntry[] {
  const entries = JSON.parse(stdout) as TreeEntry[];
  return entries
    .map((e) => ({ ...e, path: normalizeBackupName(e.path) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The case a top-level name belongs to: the longest case name it equals or extends with `_`
 * (`check_mode_real` is check_mode's, `blockinfile_update` is its own case, not blockinfile's).
 */
export function caseOf(topLevelName: string, caseNames: string[]): string | undefined {
  const owners = caseNames.filter((n) => topLevelName === n || topLevelName.startsWith(`${n}_`));
  return owners.sort((a, b) => b.length - a.length)[0];
}

export function caseEntries(entries: TreeEntry[], caseName: string, caseNames: string[]): TreeEntry[] {
  return entries.filter((e) => caseOf(e.path.split('/')[0]!, caseNames) === caseName);
}
