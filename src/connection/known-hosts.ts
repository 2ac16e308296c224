// known_hosts in OpenSSH's format: parsing, matching a host (plain, [host]:port, wildcards, negation,
// hashed |1| entries) and deciding known / unknown / changed for a presented key. Pure, no I/O.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface KnownHostEntry {
  /** 1-based line in the file, for messages. */
  line: number;
  marker?: 'cert-authority' | 'revoked';
  /** The comma-separated host patterns as written (possibly hashed). */
  hosts: string;
  keyType: string;
  key: Buffer;
}

export type HostKeyVerdict =
  | { status: 'known'; entry: KnownHostEntry }
  | { status: 'unknown' }
  /** A recorded key for this host differs from (or has another type than) the one presented. */
  | { status: 'changed'; entry: KnownHostEntry }
  | { status: 'revoked'; entry: KnownHostEntry };

/** Malformed lines are skipped, as OpenSSH does: one bad line must not hide the good ones. */
export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'];
    if (fields[0]?.startsWith('@')) {
      const m = fields.shift();
      if (m === '@cert-authority') marker = 'cert-authority';
      else if (m === '@revoked') marker = 'revoked';
      else return;
    }
    const [hosts, keyType, keyBase64] = fields;
    if (!hosts || !keyType || !keyBase64 || !/^[A-Za-z0-9+/]+=*$/.test(keyBase64)) return;
    entries.push({ line: index + 1, marker, hosts, keyType, key: Buffer.from(keyBase64, 'base64') });
  });
  return entries;
}

/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
export function knownHostName(address: string, port: number): string {
  const host = address.toLowerCase();
  return port === 22 ? host : `[${host}]:${port}`;
}

/** OpenSSH's `*` and `?` wildcards, whole-string. */
function wildcardMatch(pattern: string, name: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(name);
}

/** `|1|salt|hash`: HMAC-SHA1 of the host name keyed with the salt (HashKnownHosts yes). */
function hashedMatch(pattern: string, name: string): boolean {
  const parts = pattern.split('|');
  if (parts.length !== 4 || parts[1] !== '1') return false;
  const salt = Buffer.from(parts[2]!, 'base64');
  const expected = Buffer.from(parts[3]!, 'base64');
  const actual = createHmac('sha1', salt).update(name).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function patternMatches(pattern: string, name: string): boolean {
  return pattern.startsWith('|') ? hashedMatch(pattern, name) : wildcardMatch(pattern.toLowerCase(), name);
}

/** True when the entry's host list names `name` (a negated pattern that matches vetoes the line). */
export function entryMatches(entry: KnownHostEntry, name: string): boolean {
  let matched = false;
  for (const pattern of entry.hosts.split(',')) {
    if (pattern.startsWith('!')) {
      if (patternMatches(pattern.slice(1), name)) return false;
    } else if (patternMatches(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

/** The key type written inside an SSH public key blob (its first length-prefixed string). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const len = blob.readUInt32BE(0);
  return len > 0 && 4 + len <= blob.length ? blob.subarray(4, 4 + len).toString('latin1') : 'unknown';
}

/** `SHA256:...` exactly as `ssh-keygen -lf` prints it. */
export function fingerprintSha256(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

export function verifyHostKey(entries: readonly KnownHostEntry[], name: string, blob: Buffer): HostKeyVerdict {
  const type = keyTypeOf(blob);
  const forHost = entries.filter((e) => e.marker !== 'cert-authority' && entryMatches(e, name));
  const revoked = entries.find((e) => e.marker === 'revoked' && e.key.equals(blob));
  if (revoked) return { status: 'revoked', entry: revoked };
  const plain = forHost.filter((e) => e.marker === undefined);
  const same = plain.find((e) => e.key.equals(blob));
  if (same) return { status: 'known', entry: same };
  // The connection asks for already-known key types first, so another type here means the known one is gone.
  const changed = plain.find((e) => e.keyType === type) ?? plain[0];
  return changed ? { status: 'changed', entry: changed } : { status: 'unknown' };
}

/** Key types recorded for a host, so the handshake can ask for those first (as OpenSSH does). */
export function knownKeyTypes(entries: readonly KnownHostEntry[], name: string): string[] {
  const types = entries.filter((e) => e.marker === undefined && entryMatches(e, name)).map((e) => e.keyType);
  return [...new Set(types)];
}

export function knownHostsLine(name: string, blob: Buffer): string {
  return `${name} ${keyTypeOf(blob)} ${blob.toString('base64')}\n`;
}

export type OfferedKeyVerdict =
  | { status: 'known' | 'changed' | 'revoked'; entry: KnownHostEntry }
  | { status: 'new' };

/**
 * One of several keys a host offers (a scan sees them all): known; changed when the host has another key
 * of this same type recorded; new otherwise (also when the host is known by a key of another type).
 */
export function classifyOfferedKey(entries: readonly KnownHostEntry[], name: string, blob: Buffer): OfferedKeyVerdict {
  const revoked = entries.find((e) => e.marker === 'revoked' && e.key.equals(blob));
  if (revoked) return { status: 'revoked', entry: revoked };
  const plain = entries.filter((e) => e.marker === undefined && entryMatches(e, name));
  const same = plain.find((e) => e.key.equals(blob));
  if (same) return { status: 'known', entry: same };
  const type = keyTypeOf(blob);
  const other = plain.find((e) => e.keyType === type);
  return other ? { status: 'changed', entry: other } : { status: 'new' };
}
