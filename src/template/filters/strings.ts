// Text filters: case, trim, replace, join, split, quote (POSIX shell), paths, format.
import { posix } from 'node:path';
import { pyCenter, pyReplace, pySplit } from '../attributes.js';
import { TemplateError } from '../errors.js';
import { percentFormat } from '../percent-format.js';
import { PyDateTime, strftime } from '../datetime.js';
import { isMapping, pyIter, pyStr, truthy } from '../python.js';
import type { FilterDef } from '../types.js';

/** POSIX single-quote quoting, like Python's shlex.quote (which Ansible's `quote` uses). */
export function shellQuote(text: string): string {
  if (text === '') return "''";
  if (/^[\w@%+=:,./-]+$/.test(text)) return text;
  return "'" + text.replace(/'/g, `'"'"'`) + "'";
}

function join(value: unknown, sep: unknown, attribute: unknown): string {
  const items = pyIter(value).map((item) => (attribute === undefined ? item : isMapping(item) ? item[pyStr(attribute)] : undefined));
  return items.map((x) => pyStr(x)).join(sep === undefined ? '' : pyStr(sep));
}

function title(s: string): string {
  return s.replace(/[\w']+/g, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
}

export const stringFilters: Record<string, FilterDef> = {
  lower: { fn: (v) => pyStr(v).toLowerCase() },
  upper: { fn: (v) => pyStr(v).toUpperCase() },
  capitalize: { fn: (v) => pyStr(v).charAt(0).toUpperCase() + pyStr(v).slice(1).toLowerCase() },
  title: { fn: (v) => title(pyStr(v)) },
  trim: { fn: (v, [chars]) => (chars === undefined ? pyStr(v).trim() : pyStr(v).replace(new RegExp(`^[${escapeClass(pyStr(chars))}]+|[${escapeClass(pyStr(chars))}]+$`, 'g'), '')) },
  replace: { fn: (v, [old, replacement, count]) => pyReplace(pyStr(v), pyStr(old), pyStr(replacement), count === undefined || count === null ? -1 : Number(count)) },
  join: { fn: (v, [sep], kw) => join(v, kw.d ?? sep, kw.attribute) },
  split: { fn: (v, [sep, maxsplit]) => pySplit(pyStr(v), sep, maxsplit === undefined ? -1 : Number(maxsplit)) },
  quote: { fn: (v) => shellQuote(v === null ? '' : pyStr(v)) },
  basename: { fn: (v) => posix.basename(pyStr(v)) },
  dirname: { fn: (v) => posix.dirname(pyStr(v)) === '.' && !pyStr(v).startsWith('.') ? '' : posix.dirname(pyStr(v)) },
  path_join: { fn: (v) => posix.join(...(Array.isArray(v) ? v : [v]).map((p) => pyStr(p))).replace(/^(?!\/)/, '') },
  expanduser: { fn: (v) => pyStr(v).replace(/^~(?=\/|$)/, process.env.HOME ?? '~') },
  realpath: { fn: (v) => posix.resolve(pyStr(v)) },
  splitext: { fn: (v) => [pyStr(v).slice(0, pyStr(v).length - posix.extname(pyStr(v)).length), posix.extname(pyStr(v))] },
  format: { fn: (v, args, kw) => percentFormat(pyStr(v), Object.keys(kw).length ? kw : args) },
  indent: {
    fn: (v, [width = 4, first = false, blank = false], kw) => {
      const pad = typeof (kw.width ?? width) === 'string' ? pyStr(kw.width ?? width) : ' '.repeat(Number(kw.width ?? width));
      const lines = pyStr(v).split('\n');
      return lines.map((line, i) => ((i === 0 && !(kw.first ?? first)) || (line === '' && !(kw.blank ?? blank)) ? line : pad + line)).join('\n');
    },
  },
  center: { fn: (v, [width = 80]) => pyCenter(pyStr(v), Number(width)) },
  truncate: {
    fn: (v, [length = 255, killwords = false, end = '...', leeway = 5]) => {
      const s = pyStr(v);
      const max = Number(length);
      if (s.length <= max + Number(leeway)) return s;
      if (killwords) return s.slice(0, max - pyStr(end).length) + pyStr(end);
      const cut = s.slice(0, max - pyStr(end).length);
      return cut.replace(/\s*\S*$/, '') + pyStr(end);
    },
  },
  // Ansible's strftime filter: '%Y-%m-%d' | strftime(epoch_seconds?, utc=false)
  strftime: {
    fn: (v, [seconds, utc], kw) => {
      const at = seconds === undefined || seconds === null ? new Date() : new Date(Number(seconds) * 1000);
      return strftime(pyStr(v), new PyDateTime(at, truthy(kw.utc ?? utc ?? false)));
    },
  },
  wordcount: { fn: (v) => (pyStr(v).match(/\w+/g) ?? []).length },
};

function escapeClass(chars: string): string {
  if (chars === '') throw new TemplateError('template-error', 'trim: empty character set');
  return chars.replace(/[\]\\^-]/g, '\\$&');
}
