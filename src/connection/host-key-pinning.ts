// What `ha-run hostkeys scan|trust` decide for one host's offered keys against its known_hosts file, and
// the recording of them: new keys are appended; a changed key is only replaced when asked (its old line
// removed), and a revoked key never.
import { readFileSync } from 'node:fs';
import { replaceFile } from '../util/replace-file.js';
import { appendHostKey, readKnownHosts } from './host-key-record.js';
import type { ScannedHostKey } from './host-key-scan.js';
import { classifyOfferedKey, fingerprintSha256, type KnownHostEntry } from './known-hosts.js';

export interface KeyFinding extends ScannedHostKey {
  status: 'known' | 'new' | 'changed' | 'revoked';
  /** The recorded line it matched (known, revoked) or contradicts (changed). */
  entry?: KnownHostEntry;
  /** Where that line is: the file ha-run records into, or a read-only global one. */
  entryFile?: string;
}

/** Each offered key against the recording file first, then the global files. */
export function findings(files: { own: string; global: readonly string[] }, name: string, keys: readonly ScannedHostKey[]): KeyFinding[] {
  const sources = [files.own, ...files.global].map((file) => ({ file, entries: readKnownHosts(file) }));
  return keys.map((k) => {
    for (const { file, entries } of sources) {
      const verdict = classifyOfferedKey(entries, name, k.key);
      if (verdict.status !== 'new') return { ...k, status: verdict.status, entry: verdict.entry, entryFile: file };
    }
    return { ...k, status: 'new' };
  });
}

export interface TrustAction {
  finding: KeyFinding;
  done: 'recorded' | 'replaced' | 'kept' | 'refused';
  /** For `replaced`: the line removed and the key it held. */
  removed?: { line: number; keyType: string; fingerprint: string };
}

/**
 * Records new keys in `file`; replaces changed ones only with `replaceChanged` (and only lines of `file`
 * itself: a global file is never written). Refuses everything for a host with a revoked key, and records
 * nothing for a host with a changed key that is not replaced, so a half-trusted host never results.
 */
export function trustFindings(file: string, name: string, found: readonly KeyFinding[], replaceChanged: boolean): TrustAction[] {
  const replaceable = (f: KeyFinding) => f.status === 'changed' && replaceChanged && f.entryFile === file;
  const blocked = found.some((f) => f.status === 'revoked' || (f.status === 'changed' && !replaceable(f)));
  if (blocked) return found.map((f) => ({ finding: f, done: f.status === 'known' ? 'kept' : 'refused' }));
  const actions: TrustAction[] = [];
  const removeLines = new Set<number>();
  for (const f of found) {
    if (f.status === 'known') actions.push({ finding: f, done: 'kept' });
    else if (f.status === 'new') actions.push({ finding: f, done: 'recorded' });
    else {
      removeLines.add(f.entry!.line);
      actions.push({ finding: f, done: 'replaced', removed: { line: f.entry!.line, keyType: f.entry!.keyType, fingerprint: fingerprintSha256(f.entry!.key) } });
    }
  }
  if (removeLines.size > 0) {
    const text = readFileSync(file, 'utf8');
    replaceFile(file, withoutLines(text, removeLines), 0o600);
  }
  for (const a of actions) if (a.done !== 'kept') appendHostKey(file, name, a.finding.key);
  return actions;
}

/** The text without the given 1-based lines. */
export function withoutLines(text: string, lines: ReadonlySet<number>): string {
  return text
    .split('\n')
    .filter((_, i) => !lines.has(i + 1))
    .join('\n');
}
