// lookup('env'|'file'|'vars', ...) and query()/q(), evaluated on the controller like Ansible's;
// they are also what the `with_<lookup>` loops run. pipe and lines run commands on the controller, as
// Ansible's do; shell, command and url are refused.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { UnsafeText } from '../source/yaml.js';
import { InventoryBuilder } from '../inventory/builder.js';
import { selectHosts } from '../inventory/patterns.js';
import { fnmatchRegExp } from '../util/fnmatch.js';
import { TemplateError } from './errors.js';
import { configLookup } from './lookup-config.js';
import { csvfileLookup } from './lookup-csvfile.js';
import { UnhandledLookupError } from './lookup-errors.js';
import { passwordLookup } from './lookup-password.js';
import { linesLookup, pipeLookup } from './lookup-pipe.js';
import { readTemplateFile } from './template-loader.js';
import { dictItems, flattened, indexedItems, nested, randomChoice, sequence, subelements, together } from './lookups-lists.js';
import { isMapping, pyStr, truthy, typeName } from './python.js';
import { compileRegex } from './regex.js';
import { syntaxSetting, type TemplateSyntax } from './syntax.js';
import { templateVariables } from './template-variables.js';
import { readBackLiteral } from './template-value.js';
import type { Evaluator, Kwargs } from './types.js';
import { markUnsafe } from './unsafe.js';
import { isSpeculative } from './speculative.js';
import { isUndefined, undefinedError } from './undefined.js';

type LookupPlugin = (terms: unknown[], kwargs: Kwargs, ev: Evaluator) => unknown[];

/** Lookups that act on the controller (write a password file, run a command): never run before the run itself. */
const ACTING = new Set(['password', 'pipe', 'lines']);

/** Thrown instead of running an acting lookup while checking before the run: the value is known only then. */
export class LookupDeferred extends TemplateError {
  constructor(plugin: string) {
    super('template-error', `lookup('${plugin}') acts on the controller: its value is known only when the run reads it`);
    this.name = 'LookupDeferred';
  }
}

function candidatesFor(term: string, ev: Evaluator, subdir: 'files' | 'templates' | 'vars'): string[] {
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
      const text = readTemplateFile(findFile(pyStr(t), ev));
      const rstrip = kwargs.rstrip === undefined ? true : truthy(kwargs.rstrip);
      const lstrip = kwargs.lstrip === undefined ? false : truthy(kwargs.lstrip);
      let out = rstrip ? text.replace(/\s+$/, '') : text;
      if (lstrip) out = out.replace(/^\s+/, '');
      return out;
    }),
  vars: (terms, kwargs, ev) =>
    terms.map((t) => {
      if (typeName(t) !== 'str') throw new TemplateError('template-error', `Invalid setting identifier, "${pyStr(t)}" is not a string, its a <class '${typeName(t)}'>`);
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
      const text = ev.renderFile(readTemplateFile(file), { templateDirs, syntax: options.syntax, vars });
      return options.convertData ? readBackLiteral(text) : text;
    });
  },
  first_found: (terms, kwargs, ev) => firstFound(terms, kwargs, ev),
  password: passwordLookup,
  pipe: pipeLookup,
  lines: linesLookup,
  csvfile: (terms, kwargs, ev) => csvfileLookup(terms, kwargs, (name) => candidatesFor(name, ev, 'files').find(isFile)),
  config: configLookup,
  fileglob: (terms, _kwargs, ev) => terms.flatMap((t) => fileglob(pyStr(t), ev)),
  inventory_hostnames: (terms, _kwargs, ev) => inventoryHostnames(terms, ev),
  together,
  nested,
  cartesian: nested,
  subelements,
  sequence,
  indexed_items: indexedItems,
  flattened,
  'community.general.flattened': flattened,
  dict: dictItems,
  random_choice: randomChoice,
  items: (terms) => terms.flat(),
  list: (terms) => terms,
  varnames,
};

/** The names of the variables visible here that match any of the regexes (searched, not anchored), in the order variables are defined. */
function varnames(terms: unknown[], _kwargs: Kwargs, ev: Evaluator): string[] {
  const names = Object.keys(ev.ctx.vars);
  return terms.flatMap((term) => {
    if (typeof term !== 'string') {
      throw new TemplateError('template-error', `Invalid setting identifier, "${pyStr(term)}" is not a string, it is a ${typeName(term)}`);
    }
    let pattern: RegExp;
    try {
      pattern = compileRegex(term);
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).replace(/^.*: /, '').toLowerCase();
      throw new TemplateError('template-error', `Unable to use "${term}" as a search parameter: ${reason}`);
    }
    return names.filter((name) => pattern.test(name));
  });
}

/** Names to try, in order: strings, lists of them, and `{files, paths, skip}` mappings (names split on , and ;, paths on , : and ;). */
function firstFoundCandidates(terms: unknown[], kwargs: Kwargs): { names: string[]; skip: boolean } {
  const split = (v: unknown, seps: RegExp): string[] =>
    (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).flatMap((x) => pyStr(x).split(seps)).map((x) => x.trim()).filter((x) => x !== '');
  let skip = kwargs.skip !== undefined && truthy(kwargs.skip);
  const names: string[] = [];
  const visit = (term: unknown, options: Kwargs): void => {
    if (Array.isArray(term)) return term.forEach((t) => visit(t, options));
    // A name rendered from facts (`{{ ansible_distribution }}.yml`) is unsafe text: still a name.
    if (term instanceof UnsafeText) term = pyStr(term);
    if (isMapping(term)) options = term;
    else if (typeof term !== 'string') throw new TemplateError('template-error', `first_found: a term must be a string, a list or a mapping, got ${pyStr(term)}`);
    const files = split(options.files, /[,;]/);
    const paths = split(options.paths, /[,:;]/);
    if (options.skip !== undefined) skip = truthy(options.skip);
    if (paths.length > 0) names.push(...paths.flatMap((p) => files.map((f) => join(p, f))));
    else if (files.length > 0) names.push(...files);
    else if (typeof term === 'string') names.push(term);
  };
  visit(terms, kwargs);
  return { names, skip };
}

function firstFound(terms: unknown[], kwargs: Kwargs, ev: Evaluator): unknown[] {
  const { names, skip } = firstFoundCandidates(terms, kwargs);
  for (const name of names) {
    const found = candidatesFor(name, ev, ev.ctx.lookupSubdir ?? 'files').find(isFile);
    if (found) return [found];
  }
  if (skip) return [];
  throw new TemplateError('template-error', `No file was found when using first_found: ${names.join(', ')}`);
}

/** Controller files matching a wildcard name, in the directory found as a lookup('file') would. */
function fileglob(term: string, ev: Evaluator): string[] {
  const name = basename(term);
  const dirs = name === term ? candidatesFor('.', ev, 'files') : candidatesFor(dirname(term), ev, 'files').slice(0, 1);
  const matches = fnmatchRegExp(name);
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    // As the shell's (and Python's) glob: a wildcard does not match a leading dot.
    const found = entries.filter((e) => matches.test(e) && (name.startsWith('.') || !e.startsWith('.'))).map((e) => join(dir, e)).filter(isFile);
    if (found.length > 0) return found.sort();
  }
  return [];
}

/** Host names matching patterns, from the `groups` variable (the inventory as the play sees it). */
function inventoryHostnames(terms: unknown[], ev: Evaluator): string[] {
  const groups = ev.variable('groups');
  if (!isMapping(groups)) return [];
  const builder = new InventoryBuilder();
  for (const [group, hosts] of Object.entries(groups)) {
    builder.group(group);
    if (Array.isArray(hosts)) for (const host of hosts) builder.addHostToGroup(pyStr(host), group);
  }
  try {
    return selectHosts(builder.finish([], ''), terms.map((t) => pyStr(t)));
  } catch {
    // As Ansible: a pattern that cannot be read matches nothing.
    return [];
  }
}

const REFUSED = new Set(['shell', 'command', 'url']);

/** Whether `lookup(name)` can work (for static checks before the run). */
export function isSupportedLookup(name: string): boolean {
  const plugin = name.replace(/^ansible\.builtin\./, '');
  return Object.hasOwn(plugins, plugin) && !REFUSED.has(plugin);
}

/** A lookup's `errors=`: 'strict' (the default) fails the template; 'warn' and 'ignore' give no result instead. */
function errorsMode(value: unknown): 'strict' | 'warn' | 'ignore' {
  if (value === undefined) return 'strict';
  const mode = pyStr(value);
  if (mode === 'strict' || mode === 'warn' || mode === 'ignore') return mode;
  throw new TemplateError('template-error', `lookup errors= must be strict, warn or ignore, not '${mode}'`);
}

/**
 * Runs a lookup; undefined when it failed and `errors=` said to go on (Ansible then gives None to lookup()
 * and [] to query()). An undefined variable fails whatever errors= says, as in Ansible.
 */
function run(name: unknown, terms: unknown[], kwargs: Kwargs, ev: Evaluator, inLoop = false): unknown[] | undefined {
  if (isUndefined(name)) throw undefinedError(name);
  const plugin = pyStr(name).replace(/^ansible\.builtin\./, '');
  for (const t of terms) if (isUndefined(t)) throw undefinedError(t);
  if (REFUSED.has(plugin)) {
    throw new TemplateError('template-error', `lookup('${plugin}') is not supported by ha-run`, {
      hint: plugin === 'url' ? undefined : 'run the command in a task (command/shell with register) and use its stdout',
    });
  }
  const fn = Object.hasOwn(plugins, plugin) ? plugins[plugin] : undefined;
  if (fn && (ev.ctx.beforeRun || isSpeculative(ev.ctx.vars)) && ACTING.has(plugin)) throw new LookupDeferred(plugin);
  if (!fn) throw new TemplateError('template-error', `lookup plugin '${plugin}' not found`, { hint: `supported: ${Object.keys(plugins).join(', ')}` });
  const { wantlist: _wantlist, errors, allow_unsafe: allowUnsafe, ...rest } = kwargs;
  const mode = errorsMode(errors);
  let results: unknown[];
  try {
    results = fn(terms, rest, ev);
  } catch (err) {
    if (mode === 'strict' || (err instanceof TemplateError && err.code === 'undefined-variable')) {
      throw err instanceof UnhandledLookupError && !inLoop ? err.inTemplate() : err;
    }
    return undefined;
  }
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
  if (results === undefined) return null;
  if (kwargs.wantlist !== undefined && truthy(kwargs.wantlist)) return results;
  // Text results are joined with commas; otherwise one result is itself, several a list (as Ansible).
  if (results.length === 0) return results;
  if (results.every((r) => typeof r === 'string' || r instanceof UnsafeText)) return results.map((r) => pyStr(r)).join(',');
  return results.length === 1 ? results[0] : results;
}

/** query() / q(): always a list. */
export function queryValue(args: unknown[], kwargs: Kwargs, ev: Evaluator): unknown[] {
  const [name, ...terms] = args;
  return run(name, terms, kwargs, ev) ?? [];
}

/** A `with_<name>` loop's items: the lookup's own failure message comes bare, as in Ansible's loops. */
export function loopLookupValue(name: string, terms: unknown[], ev: Evaluator): unknown[] {
  return run(name, terms, {}, ev, true) ?? [];
}
