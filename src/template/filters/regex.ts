// regex_replace, regex_search, regex_findall, regex_escape with Python `re` syntax.
import { TemplateError } from '../errors.js';
import { compileRegex, escapeRegex, pythonReplacement } from '../regex.js';
import { pyStr, truthy } from '../python.js';
import type { FilterDef, Kwargs } from '../types.js';
import { withRegexBudget } from '../../util/regex-budget.js';

const templateFailure = (message: string): Error => new TemplateError('template-error', message);

function options(kw: Kwargs, global = false) {
  return { ignorecase: truthy(kw.ignorecase ?? false), multiline: truthy(kw.multiline ?? false), global };
}

/** regex_search's extra args: '\\1' or '\\g<name>' select groups to return as a list. */
function selectGroups(m: RegExpExecArray, selectors: unknown[]): unknown {
  return selectors.map((sel) => {
    const s = pyStr(sel);
    const num = /^\\(\d+)$/.exec(s);
    if (num) return m[Number(num[1])] ?? null;
    const named = /^\\g<(\w+)>$/.exec(s);
    if (named) return m.groups?.[named[1]!] ?? null;
    throw new TemplateError('template-error', `regex_search: unknown group selector ${s}; use '\\\\1' or '\\\\g<name>'`);
  });
}

export const regexFilters: Record<string, FilterDef> = {
  regex_replace: {
    fn: (v, [pattern = '', replacement = '', ignorecase, multiline], kw) => {
      const count = Number(kw.count ?? 0);
      const re = compileRegex(pyStr(pattern), options({ ignorecase: kw.ignorecase ?? ignorecase, multiline: kw.multiline ?? multiline }, true));
      const replace = pythonReplacement(pyStr(replacement));
      let done = 0;
      const text = pyStr(v);
      return withRegexBudget([re], pyStr(pattern), templateFailure, () =>
        text.replace(re, (...args: unknown[]) => (count > 0 && done++ >= count ? (args[0] as string) : replace(...(args as [string, ...unknown[]])))),
      );
    },
  },
  regex_search: {
    fn: (v, [pattern, ...groups], kw) => {
      const re = compileRegex(pyStr(pattern), options(kw));
      const text = pyStr(v);
      const m = withRegexBudget([re], pyStr(pattern), templateFailure, () => re.exec(text));
      if (!m) return null;
      return groups.length ? selectGroups(m, groups) : m[0];
    },
  },
  regex_findall: {
    fn: (v, [pattern], kw) => {
      const re = compileRegex(pyStr(pattern), options(kw, true));
      const text = pyStr(v);
      return withRegexBudget([re], pyStr(pattern), templateFailure, () => [...text.matchAll(re)]).map((m) => (m.length === 1 ? m[0] : m.length === 2 ? (m[1] ?? '') : m.slice(1).map((g) => g ?? '')));
    },
  },
  regex_escape: { fn: (v) => escapeRegex(pyStr(v)) },
};
