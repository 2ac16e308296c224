// lookup('csvfile', 'KEY [file=... delimiter=... col=... default=... encoding=...]', file=..., ...):
// the `col` field of the first row whose first field is KEY, as Ansible's csvfile lookup. Options come
// as keyword arguments or as k=v words after the key (those stay set for the terms after, as in
// Ansible); the rest of the term, quotes kept as written, is the key.
import { readFileSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { parseKv } from '../playbook/parse-kv.js';
import { csvRows } from './csv-reader.js';
import { UnhandledLookupError } from './lookup-errors.js';
import { pyStr } from './python.js';
import type { Kwargs } from './types.js';

const OPTIONS = ['file', 'delimiter', 'col', 'default', 'encoding'] as const;

type Options = Record<(typeof OPTIONS)[number], unknown>;

function fail(message: string): never {
  throw new UnhandledLookupError('csvfile', message);
}

function isOption(name: string): name is (typeof OPTIONS)[number] {
  return (OPTIONS as readonly string[]).includes(name);
}

/** Python's int() of a column number (text or number); a message like Python's otherwise. */
function columnIndex(col: unknown): number {
  if (typeof col === 'number' && Number.isInteger(col)) return col;
  const text = pyStr(col);
  if (!/^\s*[-+]?\d+(_\d+)*\s*$/.test(text)) fail(`csvfile: invalid literal for int() with base 10: '${text}'`);
  return Number(text.replace(/_/g, ''));
}

/** Python's names for Latin-1, which the WHATWG decoder would read as windows-1252. */
const LATIN1 = new Set(['latin-1', 'latin1', 'l1', 'iso-8859-1', 'iso8859-1', '8859', 'cp819', 'latin']);

function decode(bytes: Buffer, encoding: string): string {
  const name = encoding.toLowerCase().replace(/_/g, '-');
  if (LATIN1.has(name)) return bytes.toString('latin1');
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(name, { fatal: true });
  } catch {
    fail(`csvfile: unknown encoding: ${encoding}`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    fail(`csvfile: '${encoding}' codec can't decode the file`);
  }
}

function readColumn(path: string, key: string, options: Options): unknown {
  const delimiter = pyStr(options.delimiter) === 'TAB' ? '\t' : pyStr(options.delimiter);
  if ([...delimiter].length !== 1) fail('csvfile: "delimiter" must be a 1-character string');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    fail(`csvfile: [Errno 2] No such file or directory: '${path}'${err instanceof Error && 'code' in err && err.code !== 'ENOENT' ? ` (${err.code})` : ''}`);
  }
  for (const row of csvRows(decode(bytes, pyStr(options.encoding)), delimiter)) {
    if (row.length === 0 || row[0] !== key) continue;
    const index = columnIndex(options.col);
    const value = index < 0 ? row[row.length + index] : row[index];
    if (value === undefined) fail('csvfile: list index out of range');
    return value;
  }
  return options.default;
}

/** `locate` finds a file as lookup('file') does (files/ of each search path, then the path); undefined if nowhere. */
export function csvfileLookup(terms: unknown[], kwargs: Kwargs, locate: (name: string) => string | undefined): unknown[] {
  const options: Options = { file: 'ansible.csv', delimiter: 'TAB', col: '1', default: null, encoding: 'utf-8' };
  for (const [name, value] of Object.entries(kwargs)) {
    if (!isOption(name)) fail(`${name} is not a valid option`);
    options[name] = value;
  }
  const out: unknown[] = [];
  for (const term of terms) {
    const { args, error } = parseKv(pyStr(term), false);
    if (error !== undefined) fail(`csvfile: ${error}`);
    const { _raw_params: key, ...named } = args;
    if (key === undefined) fail('Search key is required but was not found');
    for (const [name, value] of Object.entries(named)) {
      if (!isOption(name)) fail(`${name} is not a valid option`);
      options[name] = value;
    }
    const file = pyStr(options.file);
    const value = readColumn(locate(file) ?? file, key, options);
    if (Array.isArray(value)) out.push(...value);
    else if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}
