// "This file should contain exactly these bytes": the shared plan of copy, template, lineinfile,
// blockinfile and replace. Compares sha1s (content only travels when a diff is wanted or the module
// edits lines), keeps the old file as a backup when asked, validates the new content before it
// replaces the old, and sets owner/group/mode in the same atomic write.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { shellQuote } from '../../connection/quote.js';
import type { Change, FileDiff, Op } from '../types.js';
import type { FileState } from './file-probe.js';
import { attrChanges, wantedMode, type FileAttrArgs } from './file-attrs.js';
import { formatMode } from './mode.js';
import { flagsAfterWrite, wantedFlags } from './file-flags.js';
import { ModuleFailure } from '../failure.js';
import { contentMd5, contentSha1, contentSize, type Content } from './local-file.js';

export interface DesiredContent extends FileAttrArgs {
  path: string;
  /** The bytes, or a big controller file that is streamed when sent. */
  content: Content;
  /** What gather found at path (content included when available). */
  state: FileState;
  backup?: boolean;
  /** A command with %s for the new file (e.g. 'visudo -cf %s'); must succeed before the file is replaced. */
  validate?: string;
  /** Why the content changes, when the module knows better than "content differs" (e.g. 'line added'). */
  reason?: string;
  /** Result key for the backup's name: copy says backup_file, lineinfile says backup. */
  backupKey?: string;
}

/** Bigger files are compared by checksum only: no diff. */
export const DIFF_LIMIT_BYTES = 256 * 1024;

export function sha1(data: Buffer | string): string {
  return createHash('sha1').update(data).digest('hex');
}

/** What copy and template register about the content they put: Ansible's checksum (sha1), md5sum, size. */
export function contentResultKeys(content: Content): Record<string, unknown> {
  return { checksum: contentSha1(content), md5sum: contentMd5(content), size: contentSize(content) };
}

/** Text for a diff, or a placeholder for binary or big content. */
export function diffText(data: Content | undefined): string {
  if (!data) return '';
  if (!Buffer.isBuffer(data)) return `[content not shown: ${data.size} bytes]\n`;
  return data.includes(0) ? '[binary content]\n' : data.toString('utf8');
}

/**
 * Ansible's backup (backup_local): path.<pid>.YYYY-MM-DD@HH:MM:SS~, the pid being that of the remote
 * process writing it; copied with mode and times like Python's shutil.copy2 (owner not kept).
 * Computed on the target, so the op prints the name.
 */
export function backupOp(path: string, resultKey = 'backup_file'): Op {
  const q = shellQuote(path);
  return {
    kind: 'exec',
    command: `b=${q}.$$.$(date +%Y-%m-%d@%H:%M:%S)~ && cp --preserve=mode,timestamps -- ${q} "$b" && printf %s "$b"`,
    resultKey,
  };
}

export function contentChanges(d: DesiredContent): Change[] {
  const { state } = d;
  // Following a symlink means writing the file it points to, not replacing the link.
  const path = state.resolved ?? d.path;
  if (state.type === 'directory') throw new ModuleFailure(`${path} is a directory, not a file`);
  const same = state.type === 'file' && state.sha1 === contentSha1(d.content);
  if (same) return attrChanges(path, d, state);

  const mode = wantedMode(d, state, false);
  // Attributes not asked for are kept from the file being replaced (conn.put does that).
  const put = { mode: mode === undefined ? undefined : formatMode(mode), owner: d.owner, group: d.group, unsafeWrites: d.unsafe_writes };
  const ops: Op[] = [];
  if (d.backup && state.type === 'file') ops.push(backupOp(path, d.backupKey));
  if (d.validate) {
    if (!d.validate.includes('%s')) throw new ModuleFailure(`validate must contain %s: ${d.validate}`);
    const temp = posix.join(posix.dirname(path), `.${posix.basename(path)}.ha-run-validate`);
    const qt = shellQuote(temp);
    ops.push({ kind: 'put', path: temp, data: d.content, ...put, scratch: true });
    const check = d.validate.split('%s').join(qt);
    ops.push({
      kind: 'exec',
      command: `if ${check}; then mv -f -- ${qt} ${shellQuote(path)}; else rc=$?; rm -f -- ${qt}; echo "failed to validate: rc:$rc" >&2; exit 1; fi`,
    });
  } else {
    ops.push({ kind: 'put', path, data: d.content, ...put });
  }
  // The write makes a new inode with the file system's default flags: set the wanted ones again.
  ops.push(...flagsAfterWrite(path, d));

  const replacesLink = state.type === 'link' ? 'replace symlink with a file' : undefined;
  const reasons = [d.reason ?? replacesLink ?? (state.exists ? `content differs (sha1 ${short(state.sha1)} → ${short(contentSha1(d.content))})` : `create file (${contentSize(d.content)} bytes)`)];
  if (state.exists) {
    // The write sets owner/group/mode too: fold their reasons into this one change.
    reasons.push(...attrChanges(path, d, state).map((c) => c.summary));
  } else {
    if (put.mode) reasons.push(`mode ${put.mode}`);
    const flags = wantedFlags(d);
    if (flags) reasons.push(`attributes '${flags.operator}${flags.flags}'`);
  }
  const diff: FileDiff | undefined =
    !state.exists || state.content !== undefined ? { path, before: diffText(state.content), after: diffText(d.content) } : undefined;
  return [{ summary: reasons.join(', '), diff, ops }];
}

function short(hash: string | undefined): string {
  return hash ? hash.slice(0, 10) : 'unreadable';
}
