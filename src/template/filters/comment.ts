// Ansible's `comment` filter: text wrapped as a comment block in one of five styles, e.g. plain:
//   #
//   # Ansible managed
//   #
// Every piece can be changed by keyword: beginning, prefix, prefix_count, decoration, postfix,
// postfix_count, end, newline. The output must match Ansible's byte for byte, or a file Ansible
// wrote is seen as changed.
import { TemplateError } from '../errors.js';
import { pyStr, truthy } from '../python.js';
import type { FilterDef, Kwargs } from '../types.js';
import { UnsafeText } from '../../source/yaml.js';

interface CommentStyle {
  beginning?: string;
  decoration: string;
  end?: string;
}

const STYLES: Record<string, CommentStyle> = {
  plain: { decoration: '# ' },
  erlang: { decoration: '% ' },
  c: { decoration: '// ' },
  cblock: { beginning: '/*', decoration: ' * ', end: ' */' },
  xml: { beginning: '<!--', decoration: ' - ', end: '-->' },
};

/** Python's str.replace, where an empty `old` matches between every character and at both ends. */
function replaceAll(text: string, old: string, replacement: string): string {
  if (old === '') return replacement + [...text].join(replacement) + (text === '' ? '' : replacement);
  return text.split(old).join(replacement);
}

const rstrip = (s: string) => s.replace(/\s+$/, '');

function comment(value: unknown, styleName: unknown, kw: Kwargs): string {
  if (typeof value !== 'string' && !(value instanceof UnsafeText)) {
    throw new TemplateError('template-error', `comment: the text must be a string, got ${pyStr(value)}`);
  }
  const text = pyStr(value);
  const name = pyStr(styleName ?? 'plain');
  const style = Object.hasOwn(STYLES, name) ? STYLES[name]! : undefined;
  if (!style) throw new TemplateError('template-error', `comment: unknown style '${name}' (plain, erlang, c, cblock, xml)`);
  // The prefix and postfix lines default to the decoration without its trailing blanks.
  const edge = rstrip(kw.decoration === undefined ? style.decoration : pyStr(kw.decoration));
  const defaults = { newline: '\n', beginning: '', prefix: edge, prefix_count: 1, postfix: edge, postfix_count: 1, end: '' };
  const p: Record<string, unknown> = { ...defaults, ...style, ...kw };
  const newline = pyStr(p.newline);
  const decoration = pyStr(p.decoration);
  const count = (n: unknown) => Math.max(0, Math.trunc(Number(pyStr(n))));

  const beginning = truthy(p.beginning) ? pyStr(p.beginning) + newline : '';
  let prefix = '';
  if (truthy(p.prefix)) prefix = (pyStr(p.prefix) === newline ? newline : pyStr(p.prefix) + newline).repeat(count(p.prefix_count));
  // Each line gets the decoration; a line that is only the decoration loses its trailing blanks.
  const body = replaceAll(decoration + replaceAll(text, newline, newline + decoration), decoration + newline, rstrip(decoration) + newline);
  const postfix = (newline + pyStr(p.postfix)).repeat(count(p.postfix_count));
  const end = truthy(p.end) ? newline + pyStr(p.end) : '';
  return beginning + prefix + body + postfix + end;
}

export const commentFilters: Record<string, FilterDef> = {
  comment: { fn: (v, [style], kw) => comment(v, kw.style ?? style, kw) },
};
