// Recording a host key in known_hosts, and the record of it that is always announced: a key trusted on
// first use must never be taken without a word (host, key type, SHA256 fingerprint, file, and why).
import { appendFileSync, mkdirSync, statSync } from 'node:fs';
import { readRegularText } from '../source/read-file.js';
import { dirname } from 'node:path';
import { knownHostsLine, parseKnownHosts, type KnownHostEntry } from './known-hosts.js';

export interface RecordedHostKey {
  /** Inventory name of the host (a jump host says so). */
  host: string;
  /** The name the key is recorded under: `address` on port 22, `[address]:port` otherwise. */
  name: string;
  keyType: string;
  fingerprint: string;
  file: string;
  /** What allowed it: `--trust-new-host-keys`, `StrictHostKeyChecking=accept-new`, `ha-run hostkeys trust`. */
  trustedBy: string;
  /** False when the file keeps nothing (UserKnownHostsFile=/dev/null): the next run takes any key again, unchecked. */
  kept: boolean;
}

/** A device such as /dev/null: appending "succeeds" and nothing is ever known. */
export function keepsNothing(file: string): boolean {
  try {
    const st = statSync(file);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false; // not there yet: created on the first record
  }
}

/** The entries of a known_hosts file; a missing file (or one that is no regular file: never read) knows no hosts. */
export function readKnownHosts(file: string): KnownHostEntry[] {
  try {
    return parseKnownHosts(readRegularText(file));
  } catch {
    return [];
  }
}

/** Appends the key's line (creating the file 0600 and its directory 0700 when missing). */
export function appendHostKey(file: string, name: string, blob: Buffer): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, knownHostsLine(name, blob), { mode: 0o600 });
}
