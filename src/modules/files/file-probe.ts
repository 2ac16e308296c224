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

// The stat format: size first, so the content test needs no second stat; then what parseProbe reads.
const STAT_FORMAT = "'%s %a|%u|%g|%U|%G|%s|%Y|%X|%Z|%i|%h|%d|%F'";

// Functions written once per round trip; each haprobe call prints one fact's answer. Paths that come
// back from the target (link targets, resolved paths) are base64: a newline in a link's target cannot
// add a line of its own. haprefetch runs first with every path of the round trip: one stat and one
// sha1sum for all of them instead of one each per path (a fork and exec costs a few milliseconds on a
// small target; a converged play reads some twenty paths a host). It keeps a line per path only when
// the tool printed exactly one per path (any error, or a newline sha1sum could not escape, keeps
// nothing), and haprobe reads for itself whatever was not kept.
const PROBE_FUNCTION = [
  'haprefetch() {',
  '  __hb_n=0; __hb_st=; __hb_sn=; __hb_su=; __hb_un=; __hb_cur=1',
  '  while [ $# -ge 3 ]; do',
  '    __hb_n=$((__hb_n + 1))',
  '    eval "__hb_p_$__hb_n=\\$1; __hb_s_$__hb_n=; __hb_c_$__hb_n="',
  '    if [ -e "$1" ] || [ -L "$1" ]; then',
  '      __hb_st="$__hb_st \\"\\$__hb_p_$__hb_n\\""; __hb_sn="$__hb_sn $__hb_n"',
  '      if [ "$2" = 1 ] && [ "$3" -lt 0 ] && [ -f "$1" ] && [ ! -L "$1" ] && [ -r "$1" ]; then __hb_su="$__hb_su \\"\\$__hb_p_$__hb_n\\""; __hb_un="$__hb_un $__hb_n"; fi',
  '    fi',
  '    shift 3',
  '  done',
  `  [ -z "$__hb_st" ] || __hb_keep s "$__hb_sn" "$(eval "stat -c ${STAT_FORMAT} -- $__hb_st" 2>/dev/null)"`,
  '  [ -z "$__hb_su" ] || __hb_keep c "$__hb_un" "$(eval "sha1sum -- $__hb_su" 2>/dev/null)"',
  '  return 0',
  '}',
  '__hb_keep() {',
  '  __hb_kind=$1; __hb_idx=$2; __hb_want=0',
  '  for __hb_x in $__hb_idx; do __hb_want=$((__hb_want + 1)); done',
  "  set -f; __hb_ifs=$IFS; IFS='\n'; set -- $3; IFS=$__hb_ifs; set +f",
  '  [ "$#" -eq "$__hb_want" ] || return 0',
  '  for __hb_x in $__hb_idx; do',
  '    __hb_l=$1; shift',
  // sha1sum: "<sha1>  <name>", with a leading backslash when it escaped the name.
  '    if [ "$__hb_kind" = c ]; then __hb_l=${__hb_l#\\\\}; __hb_l=${__hb_l%% *}; fi',
  '    eval "__hb_${__hb_kind}_$__hb_x=\\$__hb_l"',
  '  done',
  '}',
  // Sets __hb_k to the prefetched index of path $1 (empty: none). Calls come in prefetch order: the next
  // index is tried first.
  '__hb_find() {',
  '  __hb_k=',
  '  [ -n "${__hb_n:-}" ] || return 0',
  '  __hb_x=$__hb_cur',
  '  while [ "$__hb_x" -le "$__hb_n" ]; do eval "[ \\"\\$__hb_p_$__hb_x\\" = \\"\\$1\\" ]" && { __hb_k=$__hb_x; __hb_cur=$((__hb_x + 1)); return 0; }; __hb_x=$((__hb_x + 1)); done',
  '  __hb_x=1',
  '  while [ "$__hb_x" -lt "$__hb_cur" ]; do eval "[ \\"\\$__hb_p_$__hb_x\\" = \\"\\$1\\" ]" && { __hb_k=$__hb_x; return 0; }; __hb_x=$((__hb_x + 1)); done',
  '}',
  'haprobe() {',
  '  p="$1"',
  '  if [ "$4" = 1 ] && [ -L "$p" ]; then p=$(readlink -f -- "$p" 2>/dev/null || printf %s "$p"); fi',
  '  if [ -L "$p" ]; then t=link; elif [ -d "$p" ]; then t=directory; elif [ -f "$p" ]; then t=file; elif [ -e "$p" ]; then t=other; else t=absent; fi',
  '  echo "type=$t"',
  '  [ "$p" != "$1" ] && printf "resolved=%s\\n" "$(printf "%s\\n" "$p" | base64 | tr -d "\\n")"',
  '  [ "$t" = absent ] && return 0',
  // What haprefetch kept describes $1 itself: of no use once a link was followed to another path.
  '  __hb_k=; [ "$p" = "$1" ] && __hb_find "$1"',
  '  s=; [ -z "$__hb_k" ] || eval "s=\\$__hb_s_$__hb_k"',
  `  [ -n "$s" ] || s=$(stat -c ${STAT_FORMAT} -- "$p" 2>/dev/null) || s=`,
  '  [ -z "$s" ] || echo "stat=${s#* }"',
  '  a=; [ -r "$p" ] && a=${a}r; [ -w "$p" ] && a=${a}w; [ -x "$p" ] && a=${a}x; echo "access=$a"',
  // lsattr only where a module sets attributes; a file system without flags says why (base64: any text).
  '  if [ "$5" = 1 ] && [ "$t" != link ]; then if ! command -v lsattr >/dev/null 2>&1; then echo flagsmissing=1; elif f=$(lsattr -d -- "$p" 2>&1); then echo "flags=${f%% *}"; else printf "flagserr=%s\\n" "$(printf %s "$f" | base64 | tr -d "\\n")"; fi; fi',
  '  if [ "$t" = link ]; then printf "target=%s\\n" "$(readlink -- "$p" | base64 | tr -d "\\n")"; printf "real=%s\\n" "$(readlink -m -- "$p" | base64 | tr -d "\\n")"; fi',
  '  [ "$t" = file ] || return 0',
  // Content read anyway: its sha1 is computed by parseProbe, one fork fewer on the target.
  '  if [ "$3" -ge 0 ] && [ -n "$s" ] && [ "${s%% *}" -le "$3" ]; then echo @@content; if base64 < "$p"; then echo @@end; fi; return 0; fi',
  '  if [ "$2" = 1 ]; then',
  '    c=; [ -z "$__hb_k" ] || eval "c=\\$__hb_c_$__hb_k"',
  '    if [ -n "$c" ]; then echo "sha1=$c"; elif c=$(sha1sum < "$p" 2>/dev/null); then echo "sha1=${c%% *}"; fi',
  '  fi',
  '  return 0',
  '}',
].join('\n');

/** What a path looks like on the target: a fact of the fact library, so any number share one round trip. */
export const fileState: Fact<ProbeRequest, FileState> = {
  name: 'the state of a file',
  prelude: PROBE_FUNCTION,
  inline: true,
  prefetch: { call: 'haprefetch', args: (r) => `${shellQuote(r.path)} ${r.checksum ? 1 : 0} ${r.contentUpTo ?? -1}` },
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
