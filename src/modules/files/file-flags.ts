// `attributes` (alias `attr`): a file's ext2/3/4-style flags, read with lsattr and set with chattr on
// the target, as Ansible's common file arguments do. Unlike Ansible (which compares the flag strings
// as written, so '+A' or '-A' report a change on every run), the flags are compared as sets: a
// change only when chattr would change something.
import { shellQuote } from '../../connection/quote.js';
import { ModuleFailure } from '../failure.js';
import type { Change, Op } from '../types.js';

export interface FileFlagArgs {
  attributes?: string;
  attr?: string;
}

/** What lsattr said about a file: its flags (without the dashes), or why they could not be read. */
export interface FileFlags {
  /** The set flags as lsattr prints them ('e', 'Ae'); '' when lsattr failed (Ansible reads that as no flags). */
  flags: string;
  /** lsattr is not installed on the target. */
  missing?: boolean;
  /** lsattr ran and failed (a file system without flags): its message. */
  error?: string;
}

export interface WantedFlags {
  /** '=' sets exactly these, '+' adds them, '-' removes them (chattr's operators). */
  operator: '=' | '+' | '-';
  flags: string;
}

/**
 * Flags chattr cannot set or clear (extents, encrypted, indexed directory, inline data, verity):
 * `=A` on an ext4 file leaves 'Ae', which is what was asked.
 */
const READ_ONLY_FLAGS = new Set(['e', 'E', 'I', 'N', 'V']);

export const fileFlagProperties = {
  attributes: {
    type: 'string',
    pattern: '^[-+=]?[A-Za-z]*$',
    description: "File attributes as chattr takes them: 'i' or '=i' sets exactly these, '+i' adds, '-i' removes (lsattr/chattr on the target).",
  },
  attr: { type: 'string', pattern: '^[-+=]?[A-Za-z]*$', description: 'Alias of attributes.' },
} as const;

/** The flags args ask for, when they ask. */
export function wantedFlags(args: FileFlagArgs): WantedFlags | undefined {
  const spec = args.attributes ?? args.attr;
  if (spec === undefined) return undefined;
  const operator = spec[0] === '+' || spec[0] === '-' || spec[0] === '=' ? spec[0] : '=';
  return { operator, flags: operator === spec[0] ? spec.slice(1) : spec };
}

/** Whether a gather must read the file's flags (lsattr) for these args. */
export function readsFlags(args: FileFlagArgs): boolean {
  return wantedFlags(args) !== undefined;
}

/** The flags a file has after chattr with `wanted`, from the ones it has now. */
export function flagsAfter(now: string, wanted: WantedFlags): Set<string> {
  const current = new Set(now);
  const asked = new Set(wanted.flags);
  if (wanted.operator === '+') return new Set([...current, ...asked]);
  if (wanted.operator === '-') return new Set([...current].filter((f) => !asked.has(f) || READ_ONLY_FLAGS.has(f)));
  return new Set([...asked, ...[...current].filter((f) => READ_ONLY_FLAGS.has(f))]);
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** chattr with the wanted flags; names chattr when it is missing, as Ansible's 'chattr failed' names the cause. */
export function chattrOp(path: string, wanted: WantedFlags): Op {
  // chattr reads any word starting with - + = as flags and has no '--': keep a path from looking like one.
  const target = /^[-+=]/.test(path) ? `./${path}` : path;
  return {
    kind: 'exec',
    command: `command -v chattr >/dev/null 2>&1 || { echo 'chattr is missing on this host: needed to set attributes of '${shellQuote(path)} >&2; exit 127; }; chattr ${shellQuote(`${wanted.operator}${wanted.flags}`)} ${shellQuote(target)}`,
  };
}

/** The change that brings an EXISTING file's flags to what args ask, or none when they already are. */
export function flagChanges(path: string, args: FileFlagArgs, read: FileFlags | undefined): Change[] {
  const wanted = wantedFlags(args);
  if (!wanted) return [];
  if (!read) throw new ModuleFailure(`the attributes of ${path} were not read`, { path });
  if (read.missing) throw new ModuleFailure(`lsattr is missing on this host: needed to read the attributes of ${path} (Debian: e2fsprogs)`, { path, missing_tools: ['lsattr'] });
  if (sameSet(new Set(read.flags), flagsAfter(read.flags, wanted))) return [];
  const after = `${wanted.operator}${wanted.flags}`;
  const why = read.error ? ` (lsattr: ${read.error})` : '';
  return [
    {
      summary: `attributes '${read.flags}' → '${after}'${why}`,
      diff: { path, before: `attributes: ${read.flags}\n`, after: `attributes: ${after}\n` },
      ops: [chattrOp(path, wanted)],
    },
  ];
}

/** The chattr to run after a write made a new file (a new inode has the file system's default flags). */
export function flagsAfterWrite(path: string, args: FileFlagArgs): Op[] {
  const wanted = wantedFlags(args);
  return wanted ? [chattrOp(path, wanted)] : [];
}

/** Parses the probe's lines: `flags=<lsattr's first word>`, `flagserr=<base64 message>`, `flagsmissing=1`. */
export function parseFlagLine(key: string, value: string): FileFlags | undefined {
  if (key === 'flags') return { flags: value.replace(/-/g, '') };
  if (key === 'flagserr') return { flags: '', error: Buffer.from(value, 'base64').toString().trim().split('\n').pop() };
  if (key === 'flagsmissing') return { flags: '', missing: true };
  return undefined;
}
