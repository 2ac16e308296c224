// stat: read what a path is (never changes anything); registered as `stat.*` like Ansible.
import { shellQuote } from '../../connection/quote.js';
import type { ActionModule } from '../types.js';
import { fileState, type FileState } from './file-probe.js';
import { ask, type Fact } from '../kit/fact.js';
import { probeOf } from '../kit/probe.js';
import { formatMode } from './mode.js';
import { oneOf } from '../schema-rules.js';

export interface StatArgs {
  path?: string;
  dest?: string;
  name?: string;
  follow?: boolean;
  get_checksum?: boolean;
  checksum_algorithm?: 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
  get_mime?: boolean;
  mime?: boolean;
  mime_type?: boolean;
  'mime-type'?: boolean;
  get_attributes?: boolean;
}

/** A regular file's checksum with another algorithm than sha1 (coreutils' NAMEsum); nothing asked, nothing run. */
const otherChecksum: Fact<{ path: string; algorithm: string }, string | undefined> = {
  name: 'the checksum of a file',
  script: (a) => `[ -f ${shellQuote(a.path)} ] && ${a.algorithm}sum < ${shellQuote(a.path)} 2>/dev/null; true`,
  parse: (stdout) => stdout.trim().split(/\s+/)[0] || undefined,
};

/** `file`'s mime type and charset of a path ('unknown' without the `file` command). */
const mimeType: Fact<string, { mimetype: string; charset: string }> = {
  name: 'the mime type of a file',
  script: (path) => mimeScript(path),
  parse: (stdout) => mimeFields(stdout),
};

export const statModule: ActionModule<StatArgs> = {
  kind: 'action',
  readsOnly: true,
  name: 'stat',
  schema: {
    type: 'object',
    description: 'Reads facts about a file or directory (exists, mode, owner, checksum, ...) into `stat`.',
    additionalProperties: false,
    allOf: [oneOf('path', 'dest', 'name')],
    properties: {
      path: { type: 'string', description: 'The path to look at (aliases: dest, name).' },
      dest: { type: 'string', description: 'Alias of path.' },
      name: { type: 'string', description: 'Alias of path.' },
      follow: { type: 'boolean', default: false, description: 'Describe what a symlink points to.' },
      get_checksum: { type: 'boolean', default: true, description: 'Compute the checksum of regular files.' },
      checksum_algorithm: { type: 'string', enum: ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'], default: 'sha1', description: 'Checksum algorithm.' },
      get_mime: { type: 'boolean', default: true, description: "Report `mimetype` and `charset` (from the target's `file` command; 'unknown' without it)." },
      mime: { type: 'boolean', description: 'Alias of get_mime.' },
      mime_type: { type: 'boolean', description: 'Alias of get_mime.' },
      'mime-type': { type: 'boolean', description: 'Alias of get_mime.' },
      get_attributes: { type: 'boolean', default: false, description: 'Accepted for compatibility; attributes are not reported.' },
    },
  },
  async run(ctx, args) {
    const path = args.path ?? args.dest ?? args.name ?? '';
    const algorithm = args.checksum_algorithm ?? 'sha1';
    const wantSum = args.get_checksum !== false;
    const request = { path, checksum: wantSum && algorithm === 'sha1', follow: args.follow === true };
    const otherSum = wantSum && algorithm !== 'sha1';
    const wantMime = (args.get_mime ?? args.mime ?? args.mime_type ?? args['mime-type']) !== false;
    // One round trip; only what was asked for runs.
    const [state, ...rest]: unknown[] = await probeOf(ctx.conn).many(
      ask(fileState, request),
      ...(otherSum ? [ask(otherChecksum, { path, algorithm })] : []),
      ...(wantMime ? [ask(mimeType, path)] : []),
    );
    const other = otherSum ? (rest.shift() as string | undefined) : undefined;
    const mime = wantMime ? (rest.shift() as ReturnType<typeof mimeFields>) : undefined;
    const checksum = algorithm === 'sha1' ? (state as FileState).sha1 : other;
    const stat = statResult(state as FileState, wantSum ? checksum : undefined);
    return { changed: false, stat: mime && (state as FileState).exists ? { ...stat, ...mime } : stat };
  },
};

/** sh printing `file`'s mime type and encoding of the path; nothing when there is no `file` command. */
export function mimeScript(path: string): string {
  return `command -v file >/dev/null 2>&1 && file --mime-type --mime-encoding -- ${shellQuote(path)} 2>/dev/null; true`;
}

/** mimetype and charset from `file` ("path: text/plain; charset=us-ascii"), 'unknown' when it gave nothing usable. */
export function mimeFields(out: string): { mimetype: string; charset: string } {
  const fields = out.slice(out.lastIndexOf(':') + 1).split(';');
  const charset = fields[1]?.split('=')[1];
  if (!out.includes(':') || fields.length !== 2 || charset === undefined) return { mimetype: 'unknown', charset: 'unknown' };
  return { mimetype: fields[0].trim(), charset: charset.trim() };
}

/** Ansible's stat dictionary from a probed state. */
export function statResult(s: FileState, checksum: string | undefined): Record<string, unknown> {
  if (!s.exists) return { exists: false };
  const mode = s.mode ?? 0;
  const bit = (b: number) => (mode & b) !== 0;
  const kind = s.kind ?? '';
  return {
    exists: true,
    path: s.path,
    mode: formatMode(mode),
    isdir: s.type === 'directory',
    isreg: s.type === 'file',
    islnk: s.type === 'link',
    isblk: kind === 'block special file',
    ischr: kind === 'character special file',
    isfifo: kind === 'fifo',
    issock: kind === 'socket',
    uid: s.uid,
    gid: s.gid,
    pw_name: s.owner,
    gr_name: s.group,
    size: s.size,
    mtime: s.mtime,
    atime: s.atime,
    ctime: s.ctime,
    inode: s.inode,
    nlink: s.nlink,
    dev: s.dev,
    readable: s.readable,
    writeable: s.writeable,
    executable: s.executable,
    rusr: bit(0o400), wusr: bit(0o200), xusr: bit(0o100),
    rgrp: bit(0o40), wgrp: bit(0o20), xgrp: bit(0o10),
    roth: bit(0o4), woth: bit(0o2), xoth: bit(0o1),
    isuid: bit(0o4000), isgid: bit(0o2000),
    ...(s.type === 'link' ? { lnk_source: s.realpath ?? s.target, lnk_target: s.target } : {}),
    ...(checksum ? { checksum } : {}),
  };
}
