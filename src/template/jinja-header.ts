// The `#jinja2:` first line Ansible reads in a template it renders, e.g.
//   #jinja2: trim_blocks: False, lstrip_blocks: True, variable_start_string: '[['
// Comma-separated `name: python-literal` pairs that change the Jinja2 settings for this template
// (and what it includes). The line itself is not part of the output.
import { TemplateError } from './errors.js';
import { literalEval, NOT_LITERAL } from './python-literal.js';
import { syntaxSetting, type TemplateSyntax } from './syntax.js';

const HEADER = '#jinja2:';

export interface SplitTemplate {
  overrides: Partial<TemplateSyntax>;
  body: string;
}

export function readJinjaHeader(source: string): SplitTemplate {
  if (!source.startsWith(HEADER)) return { overrides: {}, body: source };
  const eol = source.indexOf('\n');
  const line = (eol === -1 ? source : source.slice(0, eol)).slice(HEADER.length).replace(/\r$/, '');
  const body = eol === -1 ? '' : source.slice(eol + 1);
  const overrides: Partial<TemplateSyntax> = {};
  for (const pair of line.split(',')) {
    const colon = pair.indexOf(':');
    if (colon === -1) {
      throw new TemplateError('template-error', `failed to parse jinja2 override '${pair.trim()}'. Did you use something different from colon as key-value separator?`, { line: 1 });
    }
    const name = pair.slice(0, colon).trim();
    const text = pair.slice(colon + 1).trim();
    // Python's literals only: JSON's true/false/null are names there, and fail as Ansible fails.
    const value = /^(true|false|null)$/.test(text) ? NOT_LITERAL : literalEval(text);
    if (value === NOT_LITERAL) {
      throw new TemplateError('template-error', `jinja2 override '${name}': ${text} is not a Python literal (write True/False, or a quoted string)`, { line: 1 });
    }
    try {
      Object.assign(overrides, syntaxSetting(name, value));
    } catch (err) {
      if (err instanceof TemplateError) throw new TemplateError('template-error', `jinja2 override: ${err.message}`, { line: 1, hint: err.hint });
      throw err;
    }
  }
  return { overrides, body };
}
