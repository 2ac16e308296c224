// unarchive's pure plan. Unpacked already (Ansible's rule): for tar, `tar --diff` found nothing,
// or only differences in what the task sets anyway (mode, owner, group); for zip, every member is on
// disk with its type, size and mtime. Otherwise unpack; then owner/group/mode on every member.
import { posix } from 'node:path';
import { shellJoin, shellQuote } from '../../../connection/quote.js';
import { attrChanges } from '../../files/file-attrs.js';
import type { FileState } from '../../files/file-probe.js';
import { missingNow, ModuleFailure } from '../../failure.js';
import { formatMode } from '../../files/mode.js';
import type { Content } from '../../files/local-file.js';
import type { Change, Op } from '../../types.js';
import { TAR_FLAGS, tarOptions, type ArchiveFacts, type ArchiveQuery, type MemberOnDisk } from './facts.js';
import type { UnarchiveArgs } from './schema.js';
import { downloadOp } from './url-source.js';

export interface UnarchiveFacts {
  dest: FileState;
  creates?: FileState;
  /** The archive's path on the target (a temporary copy of a controller file). */
  archivePath: string;
  /** The controller file, copied to archivePath by the change. */
  upload?: Content;
  /** src is a URL: the change downloads it to archivePath again. */
  download?: boolean;
  /** Absent when creates exists or dest is not a directory. */
  archive?: ArchiveFacts;
}

export function archiveQuery(args: UnarchiveArgs, archive: string): ArchiveQuery {
  return { archive, dest: args.dest, extraOpts: args.extra_opts ?? [], include: args.include ?? [], exclude: args.exclude ?? [], owner: args.owner, group: args.group, keepNewer: args.keep_newer === true };
}

/** Why the archive is not unpacked yet; undefined when it is. */
export function notUnpackedBecause(args: UnarchiveArgs, archive: ArchiveFacts): string | undefined {
  if (archive.diff) {
    const toBeSet = new Set([...(args.mode !== undefined ? ['Mode'] : []), ...(args.owner !== undefined ? ['Uid'] : []), ...(args.group !== undefined ? ['Gid'] : [])]);
    const lines = archive.diff.out.split('\n').filter(Boolean);
    const kinds = new Set<string>();
    for (const line of lines) {
      const m = /: (.*) differs$/.exec(line);
      if (!m) return line;
      kinds.add(m[1]);
    }
    if (kinds.size > 0 && [...kinds].every((k) => toBeSet.has(k))) return undefined;
    if (archive.diff.rc === 0) return undefined;
    const said = [...lines, ...archive.diff.err.split('\n').filter(Boolean).map((l) => l.replace(/^tar: /, ''))];
    return said.slice(0, 3).join('; ') + (said.length > 3 ? `; and ${said.length - 3} more` : '') || `tar --diff exited ${archive.diff.rc}`;
  }
  const missing: string[] = [];
  for (const m of archive.zip ?? []) {
    const disk = archive.onDisk[m.name];
    if (!archive.files.includes(m.name)) continue;
    if (!disk) missing.push(`${m.name} is missing`);
    else if (m.directory !== (disk.type === 'directory')) missing.push(`${m.name} is a ${disk.type}`);
    else if (!m.directory && (disk.size !== m.size || disk.mtime !== zipTime(m.stamp, archive.utcOffset))) missing.push(`${m.name} differs`);
  }
  return missing.length ? missing.slice(0, 3).join('; ') + (missing.length > 3 ? `; and ${missing.length - 3} more` : '') : undefined;
}

/** A zip member's local time (yyyymmdd.hhmmss) as seconds since the epoch. */
function zipTime(stamp: string, utcOffset: number): number {
  const n = (a: number, b: number) => Number(stamp.slice(a, b));
  return Date.UTC(n(0, 4), n(4, 6) - 1, n(6, 8), n(9, 11), n(11, 13), n(13, 15)) / 1000 - utcOffset;
}

function extractCommand(args: UnarchiveArgs, archive: ArchiveFacts, path: string): string {
  const a = shellQuote(path);
  if (archive.handler === 'ZipArchive') {
    const excludes = args.exclude?.length ? ['-x', ...args.exclude] : [];
    return `unzip -o ${shellJoin(args.extra_opts ?? [])} ${a} ${shellJoin(args.include ?? [])} ${shellJoin(excludes)} -d ${shellQuote(args.dest)}`;
  }
  const q = archiveQuery(args, path);
  const owners = [...(args.owner ? [`--owner=${args.owner}`] : []), ...(args.group ? [`--group=${args.group}`] : []), ...(args.keep_newer ? ['--keep-newer-files'] : [])];
  return `LC_ALL=C tar --extract -C ${shellQuote(args.dest)} ${shellJoin([...tarOptions(q, TAR_FLAGS[archive.handler]), ...owners])} -f ${a} ${shellJoin(args.include ?? [])}`;
}

/** Sets owner, group and mode on each member named on stdin (links left alone), from dest. */
function membersAttrCommand(args: UnarchiveArgs): string | undefined {
  const steps: string[] = [];
  if (args.owner !== undefined) steps.push(`chown -- ${shellQuote(args.owner)} "$f"`);
  if (args.group !== undefined) steps.push(`chgrp -- ${shellQuote(args.group)} "$f"`);
  if (args.mode !== undefined && args.mode !== 'preserve') steps.push(`chmod ${shellQuote(typeof args.mode === 'number' ? formatMode(args.mode) : args.mode)} -- "$f"`);
  if (!steps.length) return undefined;
  return `cd ${shellQuote(args.dest)} && while IFS= read -r f; do [ -L "$f" ] || { ${steps.join(' && ')}; } || exit 1; done`;
}

/** The members and their top folders, as Ansible sets attributes on both. */
function attrTargets(files: string[]): string[] {
  const tops = files.filter((f) => f.includes('/')).map((f) => f.split('/')[0]);
  return [...new Set([...files.map((f) => f.replace(/\/+$/, '')), ...tops])].filter(Boolean);
}

function memberState(path: string, m: MemberOnDisk): FileState {
  const type = m.type === 'directory' ? 'directory' : m.type === 'symbolic link' ? 'link' : m.type.startsWith('regular') ? 'file' : 'other';
  return { path, type, exists: true, mode: m.mode, uid: m.uid, gid: m.gid, owner: m.owner, group: m.group, size: m.size, mtime: m.mtime };
}

export function planUnarchive(args: UnarchiveArgs, facts: UnarchiveFacts): Change[] {
  if (args.creates !== undefined && facts.creates?.exists) return [];
  if (!facts.dest.exists) throw missingNow(`Destination '${args.dest}' does not exist`, { dest: args.dest });
  if (facts.dest.type !== 'directory') throw new ModuleFailure(`Destination '${args.dest}' is not a directory`, { dest: args.dest });
  const archive = facts.archive;
  if (!archive) throw new ModuleFailure(`could not read the archive ${args.src}`);
  const reason = notUnpackedBecause(args, archive);
  const targets = attrTargets(archive.files);
  if (reason === undefined) {
    return targets.flatMap((name) => {
      const disk = archive.onDisk[name] ?? archive.onDisk[`${name}/`];
      if (!disk) return [];
      const path = posix.join(args.dest, name);
      return attrChanges(path, args, memberState(path, disk), { noFollow: disk.type === 'symbolic link' }).map((c) => ({ ...c, summary: `${name}: ${c.summary}` }));
    });
  }
  const ops: Op[] = [];
  if (facts.upload) ops.push({ kind: 'put', path: facts.archivePath, data: facts.upload, scratch: true });
  if (facts.download) ops.push(downloadOp(args, facts.archivePath));
  const cleanup = facts.upload || facts.download ? `; rc=$?; rm -f -- ${shellQuote(facts.archivePath)}; exit $rc` : '';
  ops.push({ kind: 'exec', command: `${extractCommand(args, archive, facts.archivePath)}${cleanup}` });
  const attrs = membersAttrCommand(args);
  if (attrs) ops.push({ kind: 'exec', command: attrs, stdin: targets.map((t) => `${t}\n`).join('') });
  return [{ summary: `unpack ${args.src} into ${args.dest} (${reason})`, ops }];
}
