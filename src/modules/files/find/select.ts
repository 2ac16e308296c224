// find's pure selection, as Ansible's find walks: every entry of every directory visited counts as
// examined; hidden names are left out (their directories are still walked); then type, patterns,
// age and size choose what is returned. `contains` and checksums need the files' content: the module
// reads those for the files chosen here.
import { posix } from 'node:path';
import { ModuleFailure } from '../../failure.js';
import { pythonRegex, pythonSearch } from '../../py-regex.js';
import { fnmatchRegExp } from '../../../util/fnmatch.js';
import type { Entry, Listing } from './facts.js';
import type { FindArgs } from './schema.js';

export interface Found {
  path: string;
  entry: Entry;
}

export interface Selection {
  found: Found[];
  examined: number;
  skipped: Record<string, string>;
}

/** A list argument given as a list or a comma-separated string. */
export function listArg(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : value.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

export function searchPaths(args: FindArgs): string[] {
  return listArg(args.paths ?? args.path ?? args.name);
}

/** -maxdepth for the listing: one level below what is returned, as Ansible's walk looks into it. */
export function listingDepth(args: FindArgs): number | undefined {
  if (!args.recurse) return 1;
  return args.depth === undefined ? undefined : args.depth + 1;
}

const UNITS = {
  age: { '': 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 },
  size: { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 },
} as const;

/** '2d' -> 172800 for an age; '4k' -> 4096 for a size ('m' is minutes for age, MiB for size). */
export function amount(text: string, kind: 'age' | 'size'): number {
  const m = /^(-?\d+)([a-z]?)$/i.exec(text.trim());
  const factor = m ? (UNITS[kind] as Record<string, number>)[m[2].toLowerCase()] : undefined;
  if (!m || factor === undefined) throw new ModuleFailure(`failed to process ${kind}: ${text}`);
  return Number(m[1]) * factor;
}

function nameMatcher(args: FindArgs): (name: string) => boolean {
  const compile = (p: string) => (args.use_regex ? pythonRegex(`^(?:${p})`) : fnmatchRegExp(p));
  const patterns = listArg(args.patterns ?? args.pattern).map(compile);
  const excludes = listArg(args.excludes ?? args.exclude).map(compile);
  return (name) => (patterns.length === 0 || patterns.some((re) => re.test(name))) && !excludes.some((re) => re.test(name));
}

function withinBound(value: number, bound: number | undefined): boolean {
  if (bound === undefined) return true;
  return bound >= 0 ? value >= bound : value <= -bound;
}

export function selectEntries(args: FindArgs, listing: Listing): Selection {
  const matches = nameMatcher(args);
  const age = args.age === undefined ? undefined : amount(args.age, 'age');
  const size = args.size === undefined ? undefined : amount(args.size, 'size');
  const stamp = args.age_stamp ?? 'mtime';
  const type = args.file_type ?? 'file';
  const deepest = args.recurse ? (args.depth ?? Infinity) : 1;
  const found: Found[] = [];
  const skipped: Record<string, string> = {};
  let examined = 0;
  for (const root of listing.roots) {
    if (!root.entries) {
      skipped[root.path] = `${root.path} was skipped as it does not seem to be a valid directory or it cannot be accessed\n`;
      continue;
    }
    for (const entry of root.entries) {
      examined++;
      if (entry.depth > deepest) continue;
      const base = posix.basename(entry.rel);
      if (base.startsWith('.') && !args.hidden) continue;
      const kind = entry.kind === 'f' ? 'file' : entry.kind === 'd' ? 'directory' : entry.kind === 'l' ? 'link' : 'other';
      if (type !== 'any' && kind !== type) continue;
      if (!matches(base)) continue;
      if (age !== undefined && !withinBound(listing.now - entry[stamp], age)) continue;
      if ((type === 'file' || (type === 'any' && kind === 'file')) && !withinBound(entry.size, size)) continue;
      found.push({ path: posix.normalize(posix.join(root.path, entry.rel)), entry });
    }
  }
  return { found, examined, skipped };
}

/** Ansible's `contains`: a line matching from its start (or anywhere in the file with read_whole_file). */
export function containsMatch(content: string, pattern: string, wholeFile: boolean): boolean {
  if (wholeFile) return pythonSearch(pythonRegex(pattern), content);
  const re = pythonRegex(`^(?:${pattern})`);
  // Each line keeps its newline, before which Python's $ matches too.
  return content.split(/(?<=\n)/).some((line) => pythonSearch(re, line));
}

/** The stat-like fields Ansible returns for each file found. */
export function fileFields(f: Found): Record<string, unknown> {
  const e = f.entry;
  const bit = (b: number) => (e.mode & b) !== 0;
  return {
    path: f.path,
    mode: e.mode.toString(8).padStart(4, '0'),
    isdir: e.kind === 'd',
    ischr: e.kind === 'c',
    isblk: e.kind === 'b',
    isreg: e.kind === 'f',
    isfifo: e.kind === 'p',
    islnk: e.kind === 'l',
    issock: e.kind === 's',
    uid: e.uid,
    gid: e.gid,
    size: e.size,
    inode: e.inode,
    dev: e.dev,
    nlink: e.nlink,
    atime: e.atime,
    mtime: e.mtime,
    ctime: e.ctime,
    gr_name: e.group,
    pw_name: e.owner,
    wusr: bit(0o200),
    rusr: bit(0o400),
    xusr: bit(0o100),
    wgrp: bit(0o20),
    rgrp: bit(0o40),
    xgrp: bit(0o10),
    woth: bit(0o2),
    roth: bit(0o4),
    xoth: bit(0o1),
    isuid: bit(0o4000),
    isgid: bit(0o2000),
  };
}
