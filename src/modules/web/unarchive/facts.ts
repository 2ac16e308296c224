// What unarchive reads on the target, in one script: the archive's kind (from its first bytes),
// its members (tar --list or unzip -Z1), how the members on disk compare (tar --diff, as Ansible
// asks it; for zip each member's type, size and mtime) and each member's owner, group and mode.
import { shellJoin, shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Fact } from '../../kit/fact.js';
import { fnmatchRegExp } from '../../../util/fnmatch.js';

export type Handler = 'ZipArchive' | 'TgzArchive' | 'TarArchive' | 'TarBzipArchive' | 'TarXzArchive';

export interface ArchiveQuery {
  /** The archive's path on the target. */
  archive: string;
  dest: string;
  extraOpts: string[];
  include: string[];
  exclude: string[];
  owner?: string;
  group?: string;
  keepNewer: boolean;
}

export interface MemberOnDisk {
  type: string;
  size: number;
  mtime: number;
  mode: number;
  uid: number;
  gid: number;
  owner: string;
  group: string;
}

export interface ZipMember {
  name: string;
  directory: boolean;
  size: number;
  /** yyyymmdd.hhmmss as zipinfo -T prints it (local time of the target). */
  stamp: string;
}

export interface ArchiveFacts {
  handler: Handler;
  /** The members, excludes left out (Ansible's files_in_archive). */
  files: string[];
  /** tar --diff's answer (tar archives). */
  diff?: { rc: number; out: string; err: string };
  /** zipinfo's members (zip archives). */
  zip?: ZipMember[];
  /** The target's offset from UTC in seconds (zip times are local). */
  utcOffset: number;
  /** Each member's state under dest; absent members are missing. */
  onDisk: Record<string, MemberOnDisk>;
}

/** The tar flag of a compressed tar archive. */
export const TAR_FLAGS: Record<Handler, string> = { ZipArchive: '', TgzArchive: '-z', TarArchive: '', TarBzipArchive: '-j', TarXzArchive: '-J' };

/** tar's arguments before -f, as Ansible puts them (list and diff). */
export function tarOptions(q: ArchiveQuery, flag: string): string[] {
  return [...(flag ? [flag] : []), ...(q.extraOpts.length ? ['--show-transformed-names', ...q.extraOpts] : []), ...q.exclude.map((e) => `--exclude=${e}`)];
}

function tarScript(q: ArchiveQuery): string {
  const a = shellQuote(q.archive);
  const d = shellQuote(q.dest);
  const flag = '$flag';
  const opts = shellJoin(tarOptions(q, ''));
  const includes = shellJoin(q.include);
  const owners = shellJoin([...(q.owner ? [`--owner=${q.owner}`] : []), ...(q.group ? [`--group=${q.group}`] : []), ...(q.keepNewer ? ['--keep-newer-files'] : [])]);
  return [
    `LC_ALL=C tar --list -C ${d} ${flag} ${opts} -f ${a} ${includes} > list 2> err || { echo "listerr=$(base64 < err | tr -d '\\n')"; exit 0; }`,
    `LC_ALL=C tar --diff -C ${d} ${flag} ${opts} ${owners} -f ${a} ${includes} > out 2> err; echo "diffrc=$?"`,
    `echo "diffout=$(base64 < out | tr -d '\\n')"; echo "differr=$(base64 < err | tr -d '\\n')"`,
  ].join('\n');
}

function zipScript(q: ArchiveQuery): string {
  const a = shellQuote(q.archive);
  return [
    `unzip -Z1 ${a} > list 2> err || { echo "listerr=$(base64 < err | tr -d '\\n')"; exit 0; }`,
    `unzip -Z -T -l ${a} > out 2>/dev/null; echo "zipinfo=$(base64 < out | tr -d '\\n')"`,
  ].join('\n');
}

export const archiveState: Fact<ArchiveQuery, ArchiveFacts> = {
  name: 'the archive and what is unpacked of it',
  requires: ['tar', 'od', 'base64', 'mktemp', 'stat'],
  script: (q) =>
    [
      't=$(mktemp -d) || exit 1',
      'trap \'cd /; rm -rf "$t"\' EXIT',
      'cd "$t" || exit 1',
      `m=$(od -An -tx1 -N6 ${shellQuote(q.archive)} | tr -d ' \\n') || exit 3`,
      'echo "magic=$m"',
      'case "$m" in 504b0304*|504b0506*) h=ZipArchive; need=unzip;; 1f8b*) h=TgzArchive; flag=-z; need=gzip;; 425a68*) h=TarBzipArchive; flag=-j; need=bzip2;; fd377a585a00) h=TarXzArchive; flag=-J; need=xz;; *) h=TarArchive; flag=; need=tar;; esac',
      'echo "handler=$h"',
      'command -v $need >/dev/null 2>&1 || { echo "missing=$need"; exit 0; }',
      'echo "tz=$(date +%z)"',
      `if [ "$h" = ZipArchive ]; then\n${zipScript(q)}\nelse\n${tarScript(q)}\nfi`,
      // Each member's state on disk, in list order (a tab before the name: names may hold '|').
      `cd ${shellQuote(q.dest)} 2>/dev/null && while IFS= read -r f; do f=\${f#/}; s=$(stat -c '%F|%s|%Y|%a|%u|%g|%U|%G' -- "$f" 2>/dev/null) || s=absent; printf '%s\\t%s\\n' "$s" "$f"; done < "$t/list" > "$t/disk"`,
      'echo "disk=$(base64 < "$t/disk" | tr -d \'\\n\')"',
    ].join('\n'),
  parse: parseArchiveState,
};

const b64 = (v: string | undefined) => Buffer.from(v ?? '', 'base64').toString();

export function parseArchiveState(stdout: string, q: ArchiveQuery, rc: number): ArchiveFacts {
  const f: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) f[line.slice(0, eq)] = line.slice(eq + 1);
  }
  if (rc === 3 || f.magic === undefined) throw new ModuleFailure(`Source '${q.archive}' does not exist or cannot be read`);
  const handler = f.handler as Handler;
  if (f.missing) throw new ModuleFailure(`Failed to find handler for "${q.archive}". Make sure the required command to extract the file is installed: ${f.missing} is missing on the target`, { missing_tools: [f.missing] });
  if (f.listerr !== undefined) throw new ModuleFailure(`Failed to find handler for "${q.archive}": ${b64(f.listerr).trim() || 'it is not an archive tar or unzip can read'}`);
  const excluded = q.exclude.map(fnmatchRegExp);
  const onDisk: Record<string, MemberOnDisk> = {};
  const listed: string[] = [];
  for (const line of b64(f.disk).split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const name = line.slice(tab + 1);
    listed.push(name);
    const stat = line.slice(0, tab);
    if (stat === 'absent') continue;
    const [type, size, mtime, mode, uid, gid, owner, group] = stat.split('|');
    onDisk[name] = { type, size: Number(size), mtime: Number(mtime), mode: parseInt(mode, 8), uid: Number(uid), gid: Number(gid), owner, group };
  }
  const files = listed.filter((name) => !excluded.some((re) => re.test(name)));
  const tz = /^([+-])(\d\d)(\d\d)$/.exec(f.tz ?? '');
  const utcOffset = tz ? (tz[1] === '-' ? -1 : 1) * (Number(tz[2]) * 3600 + Number(tz[3]) * 60) : 0;
  const facts: ArchiveFacts = { handler, files, utcOffset, onDisk };
  if (handler === 'ZipArchive') facts.zip = parseZipinfo(b64(f.zipinfo));
  else facts.diff = { rc: Number(f.diffrc ?? 1), out: b64(f.diffout), err: b64(f.differr) };
  return facts;
}

/** zipinfo -T -l lines: "-rw-r--r--  3.0 unx  6 tx  8 defN 20261206.162709 name". */
export function parseZipinfo(text: string): ZipMember[] {
  const members: ZipMember[] = [];
  for (const line of text.split('\n')) {
    const m = /^([-dl?][-rwxsStT?]{9})\s+\S+\s+\S+\s+(\d+)\s+\S+\s+\d+\s+\S+\s+(\d{8}\.\d{6})\s(.*)$/.exec(line);
    if (m) members.push({ name: m[4], directory: m[1].startsWith('d') || m[4].endsWith('/'), size: Number(m[2]), stamp: m[3] });
  }
  return members;
}
