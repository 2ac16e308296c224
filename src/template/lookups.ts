// lookup('env'|'file'|'vars', ...) and query()/q(), evaluated on the controller like Ansible's.
// Command-running lookups (pipe, lines) are refused: templates must not run programs.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { TemplateError } from './errors.js';
import { isMapping, pyStr, truthy } from './python.js';
import { syntaxSetting, type TemplateSyntax } from './syntax.js';
import { templateVariables } from './template-variables.js';
import { readBackLiteral } from './template-value.js';
import type { Evaluator, Kwargs } from './types.js';
import { markUnsafe } from './unsafe.js';
import { isUndefined, undefinedError } from './undefined.js';

type LookupPlugin = (terms: unknown[], kwargs: Kwargs, ev: Evaluator) => unknown[];

function candidatesFor(term: string, ev: Evaluator, subdir: 'files' | 'templates'): string[] {
  if (isAbsolute(term)) return [term];
  return searchDirs(ev).flatMap((dir) => [resolve(dir, subdir, term), resolve(dir, term)]);
}

/** Given search paths, else Ansible's own: the current role's directory, then the playbook's; else the cwd. */
function searchDirs(ev: Evaluator): string[] {
  if (ev.ctx.searchPaths) return ev.ctx.searchPaths;
  const dirs = [ev.ctx.vars.role_path, ev.ctx.vars.playbook_dir].filter((d): d is string => typeof d === 'string' && d !== '');
  return dirs.length > 0 ? dirs : [process.cwd()];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Ansible's search order: each search path's files/ (or templates/) directory, then the path itself. */
function findFile(term: string, ev: Evaluator, subdir: 'files' | 'templates' = 'files'): string {
  const candidates = candidatesFor(term, ev, subdir);
  const found = candidates.find(isFile);
  if (found) return found;
  throw new TemplateError('template-error', `could not locate file in lookup: ${term}`, {
    hint: `searched: ${candidates.join(', ')}`,
  });
}

/** lookup('template')'s keyword arguments: its delimiters, template_vars and convert_data (default true). */
function templateLookupOptions(kwargs: Kwargs): { syntax: Partial<TemplateSyntax>; vars: Record<string, unknown>; convertData: boolean } {
  const syntax: Partial<TemplateSyntax> = {};
  let vars: Record<string, unknown> = {};
  let convertData = true;
  for (const [name, value] of Object.entries(kwargs)) {
    if (['variable_start_string', 'variable_end_string', 'comment_start_string', 'comment_end_string'].includes(name)) {
      Object.assign(syntax, syntaxSetting(name, value));
    } else if (name === 'template_vars') {
      if (!isMapping(value)) throw new TemplateError('template-error', `lookup('template'): template_vars must be a dictionary, got ${pyStr(value)}`);
      vars = value;
    } else if (name === 'convert_data') {
      convertData = truthy(value);
    } else if (name !== 'jinja2_native') {
      throw new TemplateError('template-error', `lookup('template') has no option '${name}'`, {
        hint: 'options: convert_data, template_vars, variable_start_string, variable_end_string, comment_start_string, comment_end_string',
      });
    }
  }
  return { syntax, vars, convertData };
}

const plugins: Record<string, LookupPlugin> = {
  env: (terms, kwargs) => terms.map((t) => process.env[pyStr(t)] ?? (kwargs.default === undefined ? '' : kwargs.default)),
  file: (terms, kwargs, ev) =>
    terms.map((t) => {
      const text = readFileSync(findFile(pyStr(t), ev), 'utf8');
      const rstrip = kwargs.rstrip === undefined ? true : truthy(kwargs.rstrip);
      const lstrip = kwargs.lstrip === undefined ? false : truthy(kwargs.lstrip);
      let out = rstrip ? text.replace(/\s+$/, '') : text;
      if (lstrip) out = out.replace(/^\s+/, '');
      return out;
    }),
  vars: (terms, kwargs, ev) =>
    terms.map((t) => {
      const value = ev.variable(pyStr(t));
      if (isUndefined(value)) {
        if (kwargs.default !== undefined) return kwargs.default;
        throw new TemplateError('undefined-variable', `No variable found with this name: ${pyStr(t)}`);
      }
      return value;
    }),
  template: (terms, kwargs, ev) => {
    const options = templateLookupOptions(kwargs);
    return terms.map((t) => {
      const file = findFile(pyStr(t), ev, 'templates');
      // Its includes: next to it first, then each search path's templates/ and the path (Ansible's order).
      const templateDirs = [dirname(file), ...searchDirs(ev).flatMap((dir) => [join(dir, 'templates'), dir])];
      const vars = { ...templateVariables({ src: pyStr(t), file }), ...options.vars };
      const text = ev.renderFile(readFileSync(file, 'utf8'), { templateDirs, syntax: options.syntax, vars });
      return options.convertData ? readBackLiteral(text) : text;
    });
  },
  first_found: (terms, kwargs, ev) => {
    const names = terms.flat().concat((kwargs.files as unknown[] | undefined) ?? []).map((t) => pyStr(t));
    for (const name of names) {
      const found = candidatesFor(name, ev, 'files').find(isFile);
      if (found) return [found];
    }
    if (kwargs.skip !== undefined && truthy(kwargs.skip)) return [];
    throw new TemplateError('template-error', `No file was found when using first_found: ${names.join(', ')}`);
  },
  items: (terms) => terms.flat(),
  list: (terms) => terms,
};

const REFUSED = new Set(['pipe', 'lines', 'shell', 'command', 'url', 'password']);

/** Whether `lookup(name)` can work (for static checks before the run). */
export function isSupportedLookup(name: string): boolean {
  const plugin = name.replace(/^ansible\.builtin\./, '');
  return Object.hasOwn(plugins, plugin) && !REFUSED.has(plugin);
}

function run(name: unknown, terms: unknown[], kwargs: Kwargs, ev: Evaluator): unknown[] {
  if (isUndefined(name)) throw undefinedError(name);
  const plugin = pyStr(name).replace(/^ansible\.builtin\./, '');
  for (const t of terms) if (isUndefined(t)) throw undefinedError(t);
  if (REFUSED.has(plugin)) {
    throw new TemplateError('template-error', `lookup('${plugin}') is not supported by ha-run`, {
      hint: plugin === 'pipe' || plugin === 'lines' ? 'run the command in a task (command/shell with register) and use its stdout' : undefined,
    });
  }
  const fn = Object.hasOwn(plugins, plugin) ? plugins[plugin] : undefined;
  if (!fn) throw new TemplateError('template-error', `lookup plugin '${plugin}' not found`, { hint: `supported: ${Object.keys(plugins).join(', ')}` });
  const { wantlist: _wantlist, errors: _errors, allow_unsafe: allowUnsafe, ...rest } = kwargs;
  const results = fn(terms, rest, ev);
  // As in Ansible, what a lookup reads (files, fetched from targets too; the environment) is data,
  // never rendered again, unless the call says allow_unsafe=True.
  if (results.length === 0 || (allowUnsafe !== undefined && truthy(allowUnsafe))) return results;
  ev.readUnsafe = true;
  return markUnsafe(results) as unknown[];
}

/** lookup(): one result as itself, several joined with commas (Ansible's wantlist=False). */
export function lookupValue(args: unknown[], kwargs: Kwargs, ev: Evaluator): unknown {
  const [name, ...terms] = args;
  const results = run(name, terms, kwargs, ev);
  if (kwargs.wantlist !== undefined && truthy(kwargs.wantlist)) return results;
  if (results.length === 1) return results[0];
  return results.map((r) => pyStr(r)).join(',');
}

/** query() / q(): always a list. */
export function queryValue(args: unknown[], kwargs: Kwargs, ev: Evaluator): unknown[] {
  const [name, ...terms] = args;
  return run(name, terms, kwargs, ev);
}
