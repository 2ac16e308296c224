// assemble's pure part, as Ansible joins fragments: names sorted as Python sorts them (by code point,
// which is UTF-8 byte order), the regexp searched anywhere in the name, directories and other
// non-files left out, a newline added after a fragment that lacks one when another follows, and the
// delimiter (escapes decoded) between fragments, followed by a newline unless it ends with one.
import { ModuleFailure } from '../../failure.js';
import { withPatternBudget, pythonRegex } from '../../py-regex.js';

export interface Fragment {
  /** The name's bytes, as the directory holds them. */
  name: Buffer;
  /** A regular file (or a link to one). */
  isFile: boolean;
  /** Its bytes; undefined when it could not be read. */
  content?: Buffer;
}

export interface JoinOptions {
  delimiter?: string;
  regexp?: string;
  ignoreHidden?: boolean;
  /** Where the fragments are, for messages. */
  src: string;
}

const SIMPLE_ESCAPES: Record<string, number> = { '\\': 0x5c, "'": 0x27, '"': 0x22, a: 0x07, b: 0x08, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b };

/**
 * Python's codecs.escape_decode: backslash escapes (\n, \t, \\, \x41, \101...) become the bytes they
 * name, a backslash before a newline disappears, and any other backslash stays as it is.
 */
export function escapeDecode(input: Buffer): Buffer {
  const out: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const byte = input[i]!;
    if (byte !== 0x5c || i + 1 >= input.length) {
      if (byte === 0x5c) throw new ModuleFailure('delimiter: a trailing backslash escapes nothing (\\ at end of string)');
      out.push(byte);
      continue;
    }
    const next = String.fromCharCode(input[i + 1]!);
    if (next === '\n') {
      i++;
    } else if (next in SIMPLE_ESCAPES) {
      out.push(SIMPLE_ESCAPES[next]!);
      i++;
    } else if (/[0-7]/.test(next)) {
      let digits = '';
      while (digits.length < 3 && i + 1 < input.length && /[0-7]/.test(String.fromCharCode(input[i + 1]!))) digits += String.fromCharCode(input[++i]!);
      out.push(parseInt(digits, 8) & 0xff);
    } else if (next === 'x') {
      const hex = input.subarray(i + 2, i + 4).toString('latin1');
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new ModuleFailure(`delimiter: invalid \\x escape at position ${i}`);
      out.push(parseInt(hex, 16));
      i += 3;
    } else {
      out.push(byte);
    }
  }
  return Buffer.from(out);
}

/** The fragments Ansible would take, in its order. */
export function chosenFragments(fragments: readonly Fragment[], options: JoinOptions): Fragment[] {
  const search = options.regexp === undefined ? undefined : pythonRegex(options.regexp);
  const sorted = [...fragments].sort((a, b) => Buffer.compare(a.name, b.name));
  return withPatternBudget([options.regexp], () =>
    sorted.filter((f) => {
      const name = f.name.toString('utf8');
      if (search && !search.test(name)) return false;
      return f.isFile && !(options.ignoreHidden && name.startsWith('.'));
    }),
  );
}

/** The assembled bytes. */
export function joinFragments(fragments: readonly Fragment[], options: JoinOptions): Buffer {
  const parts: Buffer[] = [];
  // Ansible decodes the delimiter again before each use: a doubly escaped one loses a level each time.
  let delimiter: Buffer | undefined = options.delimiter ? Buffer.from(options.delimiter) : undefined;
  let previous: Buffer | undefined;
  for (const fragment of chosenFragments(fragments, options)) {
    if (fragment.content === undefined) throw new ModuleFailure(`could not read the fragment ${posixJoin(options.src, fragment.name.toString('utf8'))}`);
    if (previous !== undefined) {
      if (!endsWithNewline(previous)) parts.push(Buffer.from('\n'));
      if (delimiter) {
        const decoded = escapeDecode(delimiter);
        delimiter = decoded;
        parts.push(decoded);
        if (!endsWithNewline(decoded)) parts.push(Buffer.from('\n'));
      }
    }
    parts.push(fragment.content);
    previous = fragment.content;
  }
  return Buffer.concat(parts);
}

function endsWithNewline(data: Buffer): boolean {
  return data.length > 0 && data[data.length - 1] === 0x0a;
}

function posixJoin(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, '')}/${name}`;
}
