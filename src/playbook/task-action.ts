// Finds the one module a task runs and its arguments, from every form Ansible accepts:
// `copy: {src: a}`, `copy: src=a dest=b`, `command: ls chdir=/tmp`, `action: copy src=a`,
// `local_action: {module: command, cmd: ls}`, `ansible.builtin.copy:`, plus `args:` merged underneath.
import { findModule, moduleNames } from '../modules/registry.js';
import { templatedActionModule } from '../modules/templated-action.js';
import type { Module } from '../modules/types.js';
import { coerceToSchema } from '../schema/coerce.js';
import { ACTION_KEYWORDS } from '../schema/playbook-schema.js';
import type { JsonSchema } from '../schema/validate.js';
import type { Diagnostic } from '../errors.js';
import type { LoadedYaml, PathSegment } from '../source/yaml.js';
import { closest, didYouMean } from '../util/did-you-mean.js';
import { isMap, type RawMap } from './keywords.js';
import { NOT_EVERY_RUN, type LoadSession } from './load-session.js';
import { freeFormRefusal, isWholeTemplate, VARIABLE_PARAMS } from '../modules/free-form.js';
import { libraryModuleFile, libraryModuleMessage } from './library-module.js';
import { parseKv } from './parse-kv.js';
import { splitArgs } from './split-args.js';

export interface ResolvedAction {
  module: Module;
  /** The key the module was written under ('copy', 'ansible.builtin.copy', 'action', 'local_action'). */
  key: string;
  /** The module's name as written ('ansible.builtin.copy'; the name inside `action:`). */
  action: string;
  args: Record<string, unknown>;
  /** `local_action` runs on the controller. */
  local: boolean;
  /** The arguments do not fit the module: a warning now (validate-run makes it an error where the task certainly runs). */
  argsProblems?: Diagnostic[];
}

interface Statement {
  key: string;
  /** Module name as written. */
  name: string;
  value: unknown;
  /** Path of the arguments inside the YAML file. */
  argsPath: PathSegment[];
}

/**
 * Reports unknown keys, "no module" and "conflicting action statements"; returns the module and its
 * validated arguments when the task names exactly one known module.
 */
export function resolveAction(
  raw: RawMap,
  keywords: readonly string[],
  session: LoadSession,
  loaded: LoadedYaml,
  path: PathSegment[],
): ResolvedAction | undefined {
  const statements: Statement[] = [];
  let unknown = false;
  for (const key of Object.keys(raw)) {
    if ((ACTION_KEYWORDS as readonly string[]).includes(key)) {
      const s = actionStatement(key, raw[key], session, loaded, path);
      if (s) statements.push(s);
      else unknown = true;
    } else if (!keywords.includes(key)) {
      if (findModule(key)) statements.push({ key, name: key, value: raw[key], argsPath: [...path, key] });
      else {
        reportUnknownKey(key, keywords, session, loaded.locate([...path, key], { key: true }));
        unknown = true;
      }
    }
  }
  if (statements.length > 1) {
    const names = statements.map((s) => s.key).join(', ');
    session.error('conflicting-action', `conflicting action statements: ${names}; a task runs exactly one module`, loaded.locate([...path, statements[1]!.key], { key: true }), 'split it into one task per module');
    return undefined;
  }
  if (statements.length === 0) {
    if (!unknown) {
      session.error('no-action', 'no module/action detected in task', loaded.locate(path), 'add a module, e.g. `ansible.builtin.command: whoami`');
    }
    return undefined;
  }
  const s = statements[0]!;
  const module = findModule(s.name)!;
  const args = moduleArgs(s, module, raw.args, session, loaded);
  if (!args) return undefined;
  if (VARIABLE_PARAMS in args) return { module, key: s.key, action: s.name, args, local: s.key === 'local_action' };
  const coerced = coerceToSchema(args, module.schema) as Record<string, unknown>;
  const resolved: ResolvedAction = { module, key: s.key, action: s.name, args: coerced, local: s.key === 'local_action' };
  // Ansible checks a module's arguments only when the task runs: a task that is skipped, or whose
  // failure is ignored or rescued, runs to the end. The run checks them again and fails the task.
  const before = session.diagnostics.length;
  if (!module.freeForm && coerced._raw_params !== undefined) {
    session.error('free-form-not-supported', freeFormRefusal(module.name, coerced._raw_params), loaded.locate(s.argsPath));
  } else {
    session.check(coerced, schemaFor(module), loaded, s.argsPath, `module '${module.name}': `);
  }
  const problems = session.diagnostics.slice(before);
  if (problems.length > 0) {
    for (const d of problems) Object.assign(d, { severity: 'warning', message: `${d.message}${NOT_EVERY_RUN}` });
    resolved.argsProblems = problems;
  }
  return resolved;
}

function reportUnknownKey(key: string, keywords: readonly string[], session: LoadSession, at: ReturnType<LoadedYaml['locate']>): void {
  if (key.startsWith('with_')) {
    // Ansible reads any with_<name> as a loop over lookup <name>: say which lookup is missing.
    const loops = keywords.filter((k) => k.startsWith('with_'));
    session.error('unknown-loop', `unknown loop '${key}': ha-run has no lookup '${key.slice('with_'.length)}'${didYouMean(key, loops)}`, at, `loops: loop, ${loops.join(', ')}`);
    return;
  }
  const keyword = closest(key, keywords);
  if (keyword !== undefined) {
    session.error('unknown-key', `unknown key '${key}' in task (did you mean '${keyword}'?)`, at);
    return;
  }
  const library = libraryModuleFile(key, at.file);
  if (library !== undefined) {
    session.error('unknown-module', libraryModuleMessage(key, library), at, 'use a command, shell or script task, or an ha-run module that does the same');
    return;
  }
  const names = moduleNames();
  const hint = didYouMean(key, names) || didYouMean(key.split('.').pop()!, names);
  const missingCollection = key.split('.').length === 3 && !/^ansible\.(builtin|legacy)\./.test(key) ? ' (ha-run does not ship this collection)' : '';
  session.error('unknown-module', `couldn't resolve module/action '${key}'${missingCollection}${hint}`, at, 'run `ha-run schema playbook` to list the modules ha-run knows');
}

/** `action:` / `local_action:` name the module inside their value (`copy src=a` or `{module: copy, src: a}`). */
function actionStatement(key: string, value: unknown, session: LoadSession, loaded: LoadedYaml, path: PathSegment[]): Statement | undefined {
  const at = loaded.locate([...path, key]);
  const written = typeof value === 'string' ? value : isMap(value) && typeof value.module === 'string' ? value.module : '';
  // Ansible splits off the name and joins the other words with spaces before parsing them.
  const { tokens, error } = splitArgs(written);
  if (error !== undefined) {
    session.error('bad-arguments', `'${key}': ${error}`, at);
    return undefined;
  }
  const name = tokens[0]?.trim();
  const rest = tokens.slice(1).join(' ');
  if (!name) {
    session.error('no-action', `'${key}' must name a module: \`${key}: copy src=a dest=b\` or \`${key}: {module: copy, ...}\``, at);
    return undefined;
  }
  // A module named by a template is known only on the host (Ansible resolves it there too).
  const module = findModule(name) ?? (name.includes('{{') ? templatedActionModule(name) : undefined);
  if (!module) {
    const hint = didYouMean(name, moduleNames());
    session.error('unknown-module', `couldn't resolve module/action '${name}'${hint}`, at);
    return undefined;
  }
  if (!isMap(value)) return { key, name, value: rest, argsPath: [...path, key] };
  const { module: _name, ...args } = value;
  // `{module: shell echo hi, ...}`: the words after the name are arguments too.
  const parsed = parseKv(rest, module.commandLine === true);
  if (parsed.error) {
    session.error('bad-arguments', `'${key}': ${parsed.error}`, at);
    return undefined;
  }
  return { key, name, value: { ...args, ...parsed.args }, argsPath: [...path, key] };
}

/** The arguments as a mapping: free-form and k=v strings parsed, `args:` underneath (inline ones win). */
function moduleArgs(s: Statement, module: Module, extra: unknown, session: LoadSession, loaded: LoadedYaml): Record<string, unknown> | undefined {
  const at = loaded.locate(s.argsPath);
  let inline: Record<string, unknown>;
  if (s.value === null || s.value === undefined || s.value === '') {
    inline = {};
  } else if (typeof s.value === 'string') {
    const parsed = parseKv(s.value, module.commandLine === true);
    if (parsed.error) {
      session.error('bad-arguments', `module '${module.name}': ${parsed.error}`, at);
      return undefined;
    }
    // One template for all the arguments: rendered (and checked) when the task runs.
    if (!module.freeForm && Object.keys(parsed.args).length === 1 && isWholeTemplate(s.value)) inline = { [VARIABLE_PARAMS]: s.value };
    else inline = parsed.args;
  } else if (isMap(s.value)) {
    inline = { ...s.value };
  } else {
    session.error('wrong-type', `arguments of module '${module.name}' must be a mapping or a key=value string`, at);
    return undefined;
  }
  return isMap(extra) ? { ...extra, ...inline } : inline;
}

const withRawParams = new WeakMap<object, JsonSchema>();

/** Free-form modules take `_raw_params` whether or not their schema spells it out. */
function schemaFor(module: Module): JsonSchema {
  const schema = module.schema as JsonSchema;
  const props = schema.properties as Record<string, unknown> | undefined;
  if (!module.freeForm || !props || '_raw_params' in props) return schema;
  let extended = withRawParams.get(schema);
  if (!extended) {
    extended = { ...schema, properties: { ...props, _raw_params: { type: 'string' } } };
    withRawParams.set(schema, extended);
  }
  return extended;
}
