// URL filters: urlsplit (a URL's parts, or one of them) and urldecode (Python's unquote_plus).
import { TemplateError } from '../errors.js';
import { pyStr } from '../python.js';
import type { FilterDef } from '../types.js';
import { urlSplit } from '../url-split.js';

/** %XX sequences decoded as UTF-8 (an invalid sequence becomes U+FFFD), '+' as a space. */
function unquotePlus(text: string): string {
  return text.replace(/\+/g, ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
    return bytes.toString('utf8');
  });
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
};
