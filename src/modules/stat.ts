// stat: read what a path is (never changes anything); registered as `stat.*` like Ansible.
import { shellQuote } from '../connection/quote.js';
import type { ActionModule } from './types.js';
import { parseProbes, probeScript, type FileState } from './file-probe.js';
import { formatMode } from './mode.js';
import { oneOf } from './schema-rules.js';

export interface StatArgs {
  path?: string;
  dest?: string;
  name?: string;
  follow?: boolean;
  get_checksum?: boolean;
  checksum_algorithm?: 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
  get_mime?: boolean;
  get_attributes?: boolean;
}

const OTHER_SUM = '@@ha-run-sum';

export const statModule: ActionModule<StatArgs> = {
  kind: 'action',
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
      get_mime: { type: 'boolean', default: false, description: 'Accepted for compatibility; mime types are not reported.' },
      get_attributes: { type: 'boolean', default: false, description: 'Accepted for compatibility; attributes are not reported.' },
    },
  },
  async run(ctx, args) {
    const path = args.path ?? args.dest ?? args.name ?? '';
    const algorithm = args.checksum_algorithm ?? 'sha1';
    const wantSum = args.get_checksum !== false;
    const requests = [{ path, checksum: wantSum && algorithm === 'sha1', follow: args.follow === true }];
    let script = probeScript(requests);
    if (wantSum && algorithm !== 'sha1') {
      const q = shellQuote(path);
      script += `\necho ${OTHER_SUM}\n[ -f ${q} ] && ${algorithm}sum < ${q} 2>/dev/null; true`;
    }
    const out = (await ctx.conn.exec(script, { ownScript: true })).stdout;
    const [probe, other] = out.split(`\n${OTHER_SUM}\n`);
    const [state] = parseProbes(requests, probe);
    const checksum = algorithm === 'sha1' ? state.sha1 : other?.trim().split(/\s+/)[0] || undefined;
    return { changed: false, stat: statResult(state, wantSum ? checksum : undefined) };
  },
};

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
