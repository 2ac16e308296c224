// A file written atomically from stdin (as the connection writes files), then a command that depends
// on it, in ONE op: when the command fails the task reports no change, as Ansible's modules do when
// they fail after writing (sysctl's reload, mount's mount, which also undoes the write).
import { createHash } from 'node:crypto';
import { putFromStdinScript } from '../../connection/transfer.js';
import type { Op } from '../types.js';

/** Temp files older than this next to the file are left over from a stopped run and are removed. */
const STALE_TEMP_SECONDS = 3600;

export function writeThen(path: string, content: string, options: { mode?: string }, then: string): Op {
  return { kind: 'exec', command: `${writeScript(path, content, options)} && {\n${then}\n}`, stdin: content };
}

/** sh writing stdin (which must be `content`) to `path` atomically, in a subshell: its status says whether it did. */
export function writeScript(path: string, content: string, options: { mode?: string }): string {
  const data = Buffer.from(content);
  const expected = { size: data.length, sha1: createHash('sha1').update(data).digest('hex') };
  return `( ${putFromStdinScript(path, options, expected, STALE_TEMP_SECONDS)} )`;
}
