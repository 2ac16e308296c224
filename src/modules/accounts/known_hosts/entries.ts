// known_hosts entries as ssh reads them: an optional @marker, the host field (comma-separated patterns
// with * ? and ! negation, or one hashed name |1|salt|hmac), the key type and the key. Matching a host
// is what `ssh-keygen -F` does; hashing is what `ssh-keygen -H` writes (HMAC-SHA1 of the name, keyed
// by a random salt).
import { createHmac } from 'node:crypto';

export interface HostKey {
  /** @cert-authority or @revoked. */
  marker?: string;
  host: string;
  type: string;
  key: string;
}

/** An entry's fields, or undefined for a comment, a blank line or a line with too few fields. */
export function parseEntry(line: string): HostKey | undefined {
  const words = line.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words[0]!.startsWith('#')) return undefined;
  const marker = words[0]!.startsWith('@') ? words.shift() : undefined;
  if (words.length < 3) return undefined;
  return { ...(marker ? { marker } : {}), host: words[0]!, type: words[1]!, key: words[2]! };
}

const HASHED = /^\|1\|([^|]+)\|([^|]+)$/;

export function hashedName(name: string, salt: Buffer): string {
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

/** A shell-style pattern (* and ?) as a whole-string test, case-insensitive as ssh's host matching. */
function patternMatches(pattern: string, name: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(name);
}

/** Whether an entry's host field names `name` (lower case), as ssh-keygen -F finds it. */
export function hostFieldMatches(field: string, name: string): boolean {
  const hashed = HASHED.exec(field);
  if (hashed) return hashedName(name, Buffer.from(hashed[1]!, 'base64')) === field;
  let matched = false;
  for (const pattern of field.split(',')) {
    const negated = pattern.startsWith('!');
    if (!patternMatches(negated ? pattern.slice(1) : pattern, name)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** The key text with its host field hashed (the marker, type, key and comment kept), words joined by spaces. */
export function withHashedHost(keyText: string, name: string, salt: Buffer): string {
  const words = keyText.trim().split(/\s+/);
  const at = words[0]?.startsWith('@') ? 1 : 0;
  words[at] = hashedName(name, salt);
  return words.join(' ');
}

/** The file's lines with their line ends, numbered from 1 as ssh-keygen counts them. */
export function fileLines(content: string): string[] {
  return content.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export interface Search {
  /** The host has at least one entry. */
  found: boolean;
  /** The key must be written (a new key, or the host's key of this type differs). */
  replaceOrAdd: boolean;
  /** The 1-based line of the entry of this key type (the same key, or the one to replace). */
  line?: number;
}

function sameEntry(a: HostKey, b: HostKey): boolean {
  return a.marker === b.marker && a.host === b.host && a.type === b.type && a.key === b.key;
}

/**
 * Ansible's search: the host's entries in file order; the first that is the same key (a hashed name
 * counts as the same hashed name) means no change, the first of the same type is the one to replace;
 * with neither, the key is added. Without a key, only whether the host has entries.
 */
export function searchHost(content: string, name: string, wanted: HostKey | undefined): Search {
  const entries = fileLines(content)
    .map((text, i) => ({ line: i + 1, entry: parseEntry(text) }))
    .filter((e): e is { line: number; entry: HostKey } => e.entry !== undefined && hostFieldMatches(e.entry.host, name));
  if (entries.length === 0) return { found: false, replaceOrAdd: false };
  if (!wanted) return { found: true, replaceOrAdd: false };
  for (const { line, entry } of entries) {
    const host = wanted.host.startsWith('|1|') && entry.host.startsWith('|1|') ? entry.host : wanted.host;
    if (sameEntry({ ...wanted, host }, entry)) return { found: true, replaceOrAdd: false, line };
    if (wanted.type === entry.type) return { found: true, replaceOrAdd: true, line };
  }
  return { found: true, replaceOrAdd: true };
}

/** The file without the entries of `name` (ssh-keygen -R, which keeps @cert-authority and @revoked lines). */
export function withoutHost(content: string, name: string): string {
  return fileLines(content)
    .filter((text) => {
      const entry = parseEntry(text);
      return !(entry && !entry.marker && hostFieldMatches(entry.host, name));
    })
    .join('');
}
