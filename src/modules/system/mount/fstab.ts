// fstab lines as ansible.posix's mount edits them: fields escaped (space \040, & \046, \ \134), a
// changed line rewritten `src name fstype opts dump passno`, a new one appended, a removed one
// dropped (only six-field lines count for removal, as in Ansible). Other lines stay as they are.

export interface FstabEntry {
  src: string;
  name: string;
  fstype: string;
  opts: string;
  dump: string;
  passno: string;
}

export function escapeField(v: string): string {
  return v.replace(/\\/g, '\\134').replace(/ /g, '\\040').replace(/&/g, '\\046');
}

const lineOf = (e: FstabEntry) => `${e.src} ${e.name} ${e.fstype} ${e.opts} ${e.dump} ${e.passno}\n`;

function readLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const isOther = (line: string) => !line.trim() || line.trim().startsWith('#');

/** Is this line the entry for `name` (for swap, `none` lines are told apart by src)? */
function sameMount(fields: Record<string, string>, name: string, src: string | undefined): boolean {
  return fields.name === name && !(src !== undefined && fields.name === 'none' && fields.fstype === 'swap' && fields.src !== src);
}

export interface FstabEdit {
  after: string;
  changed: boolean;
  /** The file's lines as Ansible keeps them to restore after a failed mount (each ending in a newline). */
  old: string;
}

/** Ansible's set_mount: `wanted` holds the unescaped values. */
export function setMount(text: string, wanted: FstabEntry, srcGiven: boolean): FstabEdit {
  const e = Object.fromEntries(Object.entries(wanted).map(([k, v]) => [k, escapeField(v)])) as unknown as FstabEntry;
  const out: string[] = [];
  const old: string[] = [];
  let exists = false;
  let changed = false;
  for (let line of readLines(text)) {
    if (!line.endsWith('\n')) line += '\n';
    old.push(line);
    const fields = line.split(/\s+/).filter(Boolean);
    if (isOther(line) || fields.length < 4 || fields.length > 6) {
      out.push(line);
      continue;
    }
    // A missing dump or passno never equals the wanted one: Ansible rewrites such lines in full.
    const [src, name, fstype, opts, dump, passno] = fields;
    const found = { src, name, fstype, opts, dump, passno } as FstabEntry;
    if (!sameMount({ ...found }, e.name, srcGiven ? wanted.src : undefined)) {
      out.push(line);
      continue;
    }
    exists = true;
    let differs = false;
    for (const k of ['src', 'fstype', 'opts', 'dump', 'passno'] as const) {
      if (found[k] !== e[k]) {
        found[k] = e[k];
        differs = true;
      }
    }
    // Python's flag stays set once a line changed: later lines of the same mount are rewritten too.
    changed ||= differs;
    out.push(changed ? lineOf(found) : line);
  }
  if (!exists) {
    out.push(lineOf(e));
    changed = true;
  }
  return { after: out.join(''), changed, old: old.join('') };
}

/** Ansible's unset_mount. */
export function unsetMount(text: string, name: string, src: string | undefined): FstabEdit {
  const escaped = escapeField(name);
  const out: string[] = [];
  let changed = false;
  for (const line of readLines(text)) {
    const fields = line.split(/\s+/).filter(Boolean);
    if (isOther(line) || fields.length !== 6) {
      out.push(line);
      continue;
    }
    const [fsrc, fname, fstype] = fields;
    if (!sameMount({ src: fsrc, name: fname, fstype }, escaped, src)) {
      out.push(line);
      continue;
    }
    changed = true;
  }
  return { after: out.join(''), changed, old: text };
}
