// What a file looks like on the target, read with POSIX sh + coreutils in ONE command for any
// number of paths: type, permission bits, owner, size, times, link target, sha1 and (when asked)
// the content as base64. Every module that looks at files batches its questions through here.
import { createHash } from 'node:crypto';
import { shellQuote } from '../../connection/quote.js';
import type { Connection } from '../../connection/types.js';
import { ask, type Fact } from '../kit/fact.js';
import { probeOf } from '../kit/probe.js';
import { parseFlagLine, type FileFlags } from './file-flags.js';

export type FileType = 'file' | 'directory' | 'link' | 'other' | 'absent';

export interface FileState {
  path: string;
  type: FileType;
  exists: boolean;
  /** Permission bits (e.g. 0o644). */
  mode?: number;
  uid?: number;
  gid?: number;
  owner?: string;
  group?: string;
  size?: number;
  mtime?: number;
  atime?: number;
  ctime?: number;
  inode?: number;
  nlink?: number;
  dev?: number;
  /** stat's own words: 'regular file', 'directory', 'symbolic link', ... */
  kind?: string;
  /** When asked to follow and path is a symlink: the real path described (and to write to). */
  resolved?: string;
  /** For links: where the link points, as written. */
  target?: string;
  /** For links: the absolute path it resolves to (Python's os.path.realpath). */
  realpath?: string;
  /** Access for the connecting user. */
  readable?: boolean;
  writeable?: boolean;
  executable?: boolean;
  /** sha1 of a regular file's content (Ansible's `checksum`). */
  sha1?: string;
  /** The content, when asked for and not larger than the limit. */
  content?: Buffer;
  /** lsattr's flags of a file or directory, when asked for (`attributes`). */
  flags?: FileFlags;
}

export interface ProbeRequest {
  path: string;
  checksum?: boolean;
  /** Fetch the content of regular files up to this many bytes. */
  contentUpTo?: number;
  /** Describe what a symlink points to instead of the link itself. */
  follow?: boolean;
  /** Read the file's flags with lsattr (for `attributes`). */
  flags?: boolean;
}

// One function, written once per round trip; each call prints one fact's answer. Paths that come
// back from the target (link targets, resolved paths) are base64: a newline in a link's target
// cannot add a line of its own.
const PROBE_FUNCTION = [
  'haprobe() {',
  '  p="$1"',
  '  if [ "$4" = 1 ] && [ -L "$p" ]; then p=$(readlink -f -- "$p" 2>/dev/null || printf %s "$p"); fi',
  '  if [ -L "$p" ]; then t=link; elif [ -d "$p" ]; then t=directory; elif [ -f "$p" ]; then t=file; elif [ -e "$p" ]; then t=other; else t=absent; fi',
  '  echo "type=$t"',
  '  [ "$p" != "$1" ] && printf "resolved=%s\\n" "$(printf "%s\\n" "$p" | base64 | tr -d "\\n")"',
  '  [ "$t" = absent ] && return 0',
  // Size first, so the content test below needs no second stat.
  "  s=$(stat -c '%s %a|%u|%g|%U|%G|%s|%Y|%X|%Z|%i|%h|%d|%F' -- \"$p\" 2>/dev/null) && echo \"stat=${s#* }\"",
  '  a=; [ -r "$p" ] && a=${a}r; [ -w "$p" ] && a=${a}w; [ -x "$p" ] && a=${a}x; echo "access=$a"',
  // lsattr only where a module sets attributes; a file system without flags says why (base64: any text).
  '  if [ "$5" = 1 ] && [ "$t" != link ]; then if ! command -v lsattr >/dev/null 2>&1; then echo flagsmissing=1; elif f=$(lsattr -d -- "$p" 2>&1); then echo "flags=${f%% *}"; else printf "flagserr=%s\\n" "$(printf %s "$f" | base64 | tr -d "\\n")"; fi; fi',
  '  if [ "$t" = link ]; then printf "target=%s\\n" "$(readlink -- "$p" | base64 | tr -d "\\n")"; printf "real=%s\\n" "$(readlink -m -- "$p" | base64 | tr -d "\\n")"; fi',
  '  [ "$t" = file ] || return 0',
  // Content read anyway: its sha1 is computed by parseProbe, one fork fewer on the target.
  '  if [ "$3" -ge 0 ] && [ -n "$s" ] && [ "${s%% *}" -le "$3" ]; then echo @@content; if base64 < "$p"; then echo @@end; fi; return 0; fi',
  '  if [ "$2" = 1 ]; then c=$(sha1sum < "$p" 2>/dev/null) && echo "sha1=${c%% *}"; fi',
  '  return 0',
  '}',
].join('\n');

/** What a path looks like on the target: a fact of the fact library, so any number share one round trip. */
export const fileState: Fact<ProbeRequest, FileState> = {
  name: 'the state of a file',
  prelude: PROBE_FUNCTION,
  inline: true,
  script: (r) => `haprobe ${shellQuote(r.path)} ${r.checksum ? 1 : 0} ${r.contentUpTo ?? -1} ${r.follow ? 1 : 0}${r.flags ? ' 1' : ''}`,
  parse: (stdout, r) => parseProbe(r.path, stdout),
};

/** The states of several paths, in request order, in one round trip. */
export function probeFiles(conn: Connection, requests: readonly ProbeRequest[]): Promise<FileState[]> {
  return probeOf(conn).many(...requests.map((r) => ask(fileState, r)));
}

/** A path the probe printed as base64 (with the newline readlink ended it with). */
function decodedPath(value: string): string {
  return Buffer.from(value, 'base64').toString().replace(/\n$/, '');
}

export function parseProbe(path: string, section: string): FileState {
  const state: FileState = { path, type: 'absent', exists: false };
  const contentStart = section.indexOf('\n@@content\n');
  const head = contentStart >= 0 ? section.slice(0, contentStart) : section;
  // Without @@end, base64 could not read the file: no content, and no checksum either.
  const contentEnd = contentStart >= 0 ? section.indexOf('\n@@end', contentStart) : -1;
  if (contentEnd >= 0) {
    state.content = Buffer.from(section.slice(contentStart + 11, contentEnd), 'base64');
    state.sha1 = createHash('sha1').update(state.content).digest('hex');
  }
  for (const line of head.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (key === 'type') {
      state.type = value as FileType;
      state.exists = value !== 'absent';
    } else if (key === 'stat') {
      const [mode, uid, gid, owner, group, size, mtime, atime, ctime, inode, nlink, dev, ...kind] = value.split('|');
      Object.assign(state, {
        mode: parseInt(mode, 8),
        uid: Number(uid),
        gid: Number(gid),
        owner,
        group,
        size: Number(size),
        mtime: Number(mtime),
        atime: Number(atime),
        ctime: Number(ctime),
        inode: Number(inode),
        nlink: Number(nlink),
        dev: Number(dev),
        kind: kind.join('|'),
      });
    } else if (key === 'access') {
      state.readable = value.includes('r');
      state.writeable = value.includes('w');
      state.executable = value.includes('x');
    } else if (key === 'target') state.target = decodedPath(value);
    else if (key === 'real') state.realpath = decodedPath(value) || undefined;
    else if (key === 'resolved') state.resolved = decodedPath(value);
    else if (key === 'sha1') state.sha1 = value;
    else state.flags = parseFlagLine(key, value) ?? state.flags;
  }
  return state;
}
