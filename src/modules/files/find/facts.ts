// What find reads: each directory's entries, as GNU find prints them (type, mode, ids, names, size,
// inode, device, links, times, depth, relative name), NUL-separated and base64 so no name can
// break the answer; and the target's clock (age is measured on the target, as Ansible does).
import { shellQuote } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';

export interface Entry {
  /** find's %y: f, d, l, b, c, p, s. */
  kind: string;
  mode: number;
  uid: number;
  gid: number;
  owner: string;
  group: string;
  size: number;
  inode: number;
  dev: number;
  nlink: number;
  atime: number;
  mtime: number;
  ctime: number;
  depth: number;
  /** The name relative to the directory searched. */
  rel: string;
}

export interface Listing {
  now: number;
  /** Per path asked: its entries, or undefined when it is not a directory. */
  roots: { path: string; entries?: Entry[] }[];
}

export interface ListingArgs {
  paths: string[];
  follow: boolean;
  /** find's -maxdepth (undefined: no limit). */
  maxDepth?: number;
}

const FORMAT = '%y|%m|%U|%G|%u|%g|%s|%i|%D|%n|%A@|%T@|%C@|%d|%P\\0';

export const directoryListing: Fact<ListingArgs, Listing> = {
  name: 'the directory listing',
  requires: ['find', 'base64'],
  script: ({ paths, follow, maxDepth }) =>
    [
      'echo "now=$(date +%s.%N)"',
      ...paths.map((p) => {
        const q = shellQuote(p);
        const find = `find ${follow ? '-L ' : ''}${q} -mindepth 1 ${maxDepth === undefined ? '' : `-maxdepth ${maxDepth} `}-printf '${FORMAT}' 2>/dev/null`;
        return `if [ -d ${q} ]; then echo "entries=$(${find} | base64 | tr -d '\\n')"; else echo "notdir="; fi`;
      }),
    ].join('\n'),
  parse: (stdout, { paths }) => {
    const listing: Listing = { now: 0, roots: [] };
    for (const line of stdout.split('\n')) {
      if (line.startsWith('now=')) listing.now = Number(line.slice(4));
      else if (line.startsWith('notdir=')) listing.roots.push({ path: paths[listing.roots.length] });
      else if (line.startsWith('entries=')) listing.roots.push({ path: paths[listing.roots.length], entries: parseEntries(Buffer.from(line.slice(8), 'base64').toString()) });
    }
    return listing;
  },
};

export function parseEntries(text: string): Entry[] {
  return text
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const f = record.split('|');
      const rel = f.slice(14).join('|');
      return {
        kind: f[0],
        mode: parseInt(f[1], 8),
        uid: Number(f[2]),
        gid: Number(f[3]),
        owner: f[4],
        group: f[5],
        size: Number(f[6]),
        inode: Number(f[7]),
        dev: Number(f[8]),
        nlink: Number(f[9]),
        atime: Number(f[10]),
        mtime: Number(f[11]),
        ctime: Number(f[12]),
        depth: Number(f[13]),
        rel,
      };
    });
}
