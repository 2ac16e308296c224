// lookup('password', 'path length=N chars=... seed=...'): a random password generated once and kept
// in a file on the controller, so every later run (and every host) reads the same one back.
// `path` is relative to the playbook's directory; /dev/null gives a new password each time, kept nowhere.
import { randomInt } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseKv } from '../playbook/parse-kv.js';
import { PythonRandom, type Draws } from '../util/python-random.js';
import { TemplateError } from './errors.js';
import { pyStr } from './python.js';
import type { Evaluator, Kwargs } from './types.js';

const PARAMS = ['length', 'chars', 'seed', 'encrypt', 'ident'];

/** The names Python's string module gives character sets (Ansible looks chars specs up there). */
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const CHAR_SETS: Record<string, string> = {
  ascii_letters: LOWER + UPPER,
  ascii_lowercase: LOWER,
  ascii_uppercase: UPPER,
  digits: DIGITS,
  hexdigits: `${DIGITS}abcdefABCDEF`,
  octdigits: '01234567',
  punctuation: PUNCTUATION,
  printable: `${DIGITS}${LOWER}${UPPER}${PUNCTUATION} \t\n\r\x0b\x0c`,
  whitespace: ' \t\n\r\x0b\x0c',
};

function fail(message: string): never {
  throw new TemplateError('template-error', message);
}

interface PasswordSpec {
  path: string;
  length: number;
  chars: string;
  seed?: string;
}

/** `chars=ascii_letters,digits,,` is a comma-separated list of set names or literal characters (`,,` is a comma); quotes are dropped. */
function candidateChars(spec: string[]): string {
  return spec.map((s) => CHAR_SETS[s] ?? s).join('').replace(/["']/g, '');
}

function specOf(term: string, kwargs: Kwargs): PasswordSpec {
  const space = term.indexOf(' ');
  let path = space < 0 ? term : term.slice(0, space);
  const params: Record<string, unknown> = { ...kwargs };
  if (space >= 0) {
    const { args, error } = parseKv(term.slice(space + 1), false);
    if (error !== undefined) fail(`password lookup: ${error}`);
    const { _raw_params: raw, ...named } = args;
    if (raw !== undefined) path = `${path} ${raw}`;
    if (!term.startsWith(path)) fail('Unrecognized value after key=value parameters given to password lookup');
    Object.assign(params, named);
  }
  const unknown = Object.keys(params).filter((k) => !PARAMS.includes(k));
  if (unknown.length > 0) fail(`Unrecognized parameter(s) given to password lookup: ${unknown.join(', ')}`);
  if (params.encrypt !== undefined && params.encrypt !== null) fail('password lookup: encrypt is not supported by ha-run; hash the password with a module that needs it');
  const length = Number(pyStr(params.length ?? 20));
  if (!Number.isInteger(length) || length < 0) fail(`password lookup: length must be a whole number, got ${pyStr(params.length)}`);
  const charsParam = params.chars ?? ['ascii_letters', 'digits', '.,:-_'];
  const specs = Array.isArray(charsParam)
    ? charsParam.map(pyStr)
    : [...(pyStr(charsParam).includes(',,') ? [','] : []), ...pyStr(charsParam).replace(/,,/g, ',').split(',').filter((c) => c !== '')];
  const chars = candidateChars(specs);
  if (chars === '') fail('password lookup: no characters to choose from');
  return { path, length, chars, ...(params.seed !== undefined && params.seed !== null ? { seed: pyStr(params.seed) } : {}) };
}

function generate(spec: PasswordSpec): string {
  const draws: Draws = spec.seed !== undefined ? new PythonRandom(spec.seed) : { below: (n) => randomInt(n) };
  const chars = [...spec.chars];
  return Array.from({ length: spec.length }, () => chars[draws.below(chars.length)]).join('');
}

/** The password part of a stored file (`secret salt=...` when Ansible stored a salt for encrypt). */
function storedPassword(content: string): string {
  const salt = content.lastIndexOf(' salt=');
  return salt < 0 ? content : content.slice(0, salt);
}

export function passwordLookup(terms: unknown[], kwargs: Kwargs, ev: Evaluator): string[] {
  const base = ev.ctx.vars.playbook_dir;
  return terms.map((t) => {
    const spec = specOf(pyStr(t), kwargs);
    const file = resolve(typeof base === 'string' ? base : process.cwd(), spec.path);
    if (file === '/dev/null') return generate(spec);
    if (existsSync(file)) return storedPassword(readFileSync(file, 'utf8').trimEnd());
    const password = generate(spec);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return password;
  });
}
