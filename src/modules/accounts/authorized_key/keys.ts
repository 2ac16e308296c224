// An authorized_keys file read and written as Ansible's authorized_key reads and writes it: entries
// keyed by their key data (a line that is not a key is kept under its own text), options as an
// ordered list that compares like a mapping, and lines written back as "options type key comment".
export interface KeyOption {
  name: string;
  /** undefined for a flag such as no-pty. */
  value?: string;
}

export interface KeyEntry {
  /** The key data (base64), or the whole line for a line that is not a key. */
  id: string;
  /** The key type; undefined for a line that is not a key (written back as it was). */
  type?: string;
  options: KeyOption[];
  comment: string;
  /** Position in the output (file order, new keys after). */
  rank: number;
}

const KEY_TYPES = new Set([
  'sk-ecdsa-sha2-nistp256@openssh.com',
  'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com',
  'webauthn-sk-ecdsa-sha2-nistp256@openssh.com',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp256-cert-v01@openssh.com',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp384-cert-v01@openssh.com',
  'ecdsa-sha2-nistp521',
  'ecdsa-sha2-nistp521-cert-v01@openssh.com',
  'sk-ssh-ed25519@openssh.com',
  'sk-ssh-ed25519-cert-v01@openssh.com',
  'ssh-ed25519',
  'ssh-ed25519-cert-v01@openssh.com',
  'ssh-dss',
  'ssh-rsa',
  'ssh-xmss@openssh.com',
  'ssh-xmss-cert-v01@openssh.com',
  'rsa-sha2-256',
  'rsa-sha2-512',
  'ssh-rsa-cert-v01@openssh.com',
  'rsa-sha2-256-cert-v01@openssh.com',
  'rsa-sha2-512-cert-v01@openssh.com',
  'ssh-dss-cert-v01@openssh.com',
]);

/** "no-pty,from=\"a,b\"" as a list: commas inside quotes do not split. */
export function parseOptions(text: string | undefined): KeyOption[] {
  if (!text) return [];
  const out: KeyOption[] = [];
  // Split with a capturing group: odd pieces are the options, even ones what lies between them.
  const pieces = text.split(/((?:[^,"']|"[^"]*"|'[^']*')+)/).slice(1, -1);
  for (const piece of pieces) {
    const eq = piece.indexOf('=');
    if (eq >= 0) out.push({ name: piece.slice(0, eq), value: piece.slice(eq + 1) });
    else if (piece !== ',') out.push({ name: piece });
  }
  return out;
}

/** A key line, or undefined when it holds no known key type; a '#' line is kept as text. */
export function parseKey(raw: string, rank: number): KeyEntry | undefined {
  const line = raw.replace(/\\#/g, '#');
  const words = line.split(/[ \t\r\n]+/).filter((w) => w !== '');
  if (words[0] === '#') return { id: line, options: [], comment: '', rank };
  const at = words.findIndex((w) => KEY_TYPES.has(w));
  if (at < 0 || at + 1 >= words.length) return undefined;
  return { id: words[at + 1], type: words[at], options: parseOptions(words.slice(0, at).join(' ')), comment: words.slice(at + 2).join(' '), rank };
}

/** A file's entries by id, in file order; a repeated id keeps its first place and its last line. */
export function parseKeyFile(content: string): Map<string, KeyEntry> {
  const entries = new Map<string, KeyEntry>();
  const lines = content.match(/[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  lines.forEach((line, rank) => {
    const entry = parseKey(line, rank) ?? { id: line, options: [], comment: '', rank };
    entries.set(entry.id, entry);
  });
  return entries;
}

function optionsText(options: readonly KeyOption[]): string {
  return options.map((o) => (o.value === undefined ? o.name : `${o.name}=${o.value}`)).join(',');
}

/** Same options, as a mapping from name to its values in order. */
export function sameOptions(a: readonly KeyOption[], b: readonly KeyOption[]): boolean {
  const grouped = (list: readonly KeyOption[]) => {
    const m = new Map<string, (string | undefined)[]>();
    for (const o of list) m.set(o.name, [...(m.get(o.name) ?? []), o.value]);
    return m;
  };
  const ga = grouped(a);
  const gb = grouped(b);
  return ga.size === gb.size && [...ga].every(([k, v]) => JSON.stringify(gb.get(k)) === JSON.stringify(v));
}

/** The file's text: entries by rank, keys as "options type key comment" (the comment may be empty). */
export function serializeKeys(entries: Map<string, KeyEntry>): string {
  return [...entries.values()]
    .sort((a, b) => a.rank - b.rank)
    .map((e) => (e.type === undefined ? e.id : `${e.options.length ? `${optionsText(e.options)} ` : ''}${e.type} ${e.id} ${e.comment}\n`))
    .join('');
}
