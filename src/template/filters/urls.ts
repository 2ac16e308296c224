// URL filters: urlsplit (a URL's parts, or one of them), urldecode (Python's unquote_plus) and
// Jinja2's urlencode (percent-encoding of a string, or a query string from a mapping or pairs).
import { TemplateError } from '../errors.js';
import { isMapping, isString, pyStr } from '../python.js';
import type { FilterDef } from '../types.js';
import { urlSplit } from '../url-split.js';

/** %XX sequences decoded as UTF-8 (an invalid sequence becomes U+FFFD), '+' as a space. */
function unquotePlus(text: string): string {
  return text.replace(/\+/g, ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
    return bytes.toString('utf8');
  });
}

/** UTF-8 bytes percent-encoded except letters, digits and `_.-~` (and `/` outside a query string, where a space is `+`). */
function urlQuote(value: unknown, forQuery: boolean): string {
  let out = '';
  for (const byte of Buffer.from(pyStr(value), 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.~-]/.test(c) || (!forQuery && c === '/') ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return forQuery ? out.replace(/%20/g, '+') : out;
}

function urlEncode(value: unknown): string {
  if (isString(value) || (!isMapping(value) && !Array.isArray(value))) return urlQuote(value, false);
  const pairs = isMapping(value) ? Object.entries(value) : (value as unknown[]).map((p) => (Array.isArray(p) ? p : [p, '']));
  return pairs.map(([k, v]) => `${urlQuote(k, true)}=${urlQuote(v, true)}`).join('&');
}

export const urlFilters: Record<string, FilterDef> = {
  urlsplit: {
    fn: (v, [query = ''], kw) => {
      const parts = urlSplit(pyStr(v));
      const wanted = pyStr(kw.query ?? query);
      if (wanted === '') return { ...parts };
      if (!Object.hasOwn(parts, wanted)) throw new TemplateError('template-error', `urlsplit: unknown URL component: ${wanted}`);
      return parts[wanted as keyof typeof parts];
    },
  },
  urldecode: { fn: (v) => unquotePlus(pyStr(v)) },
  urlencode: { fn: (v) => urlEncode(v) },
};
