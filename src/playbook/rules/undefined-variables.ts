// Rule: a variable used in a template or condition must be defined SOMEWHERE: the inventory, play vars
// and vars_files, role defaults/vars/params, any keyword `vars:`, register, set_fact, include_vars,
// loop variables, extra vars, facts and magic variables. Deliberately coarse (one set for the whole run):
// a name that might be defined is never reported; when that cannot be known (templated vars_files or
// include_vars) the rule stays silent. A problem is an error only where every run certainly evaluates
// it (run-certainty.ts); elsewhere Ansible may run the playbook to its end, so it is a warning.
import { readRegularText } from '../../source/read-file.js';
import { diagnostic, type Diagnostic, type SourceLocation } from '../../errors.js';
import { isTemplateString } from '../../schema/validate.js';
import { offsetToLocation, type LoadedYaml, type PathSegment } from '../../source/yaml.js';
import { JINJA_SETTING_NAMES, referencedVariables, syntaxSetting, TEMPLATE_VARIABLE_NAMES, type TemplateSyntax } from '../../template/index.js';
import { filters } from '../../template/filters/index.js';
import { tests } from '../../template/tests.js';
import type { UnknownName } from '../../template/references.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { MAGIC_VARIABLE_NAMES } from '../../vars/index.js';
import { isMap } from '../keywords.js';
import { searchFile } from '../paths.js';
import { controllerDirs, taskSearchPath } from '../search-path.js';
import type { Playbook, Task } from '../types.js';
import { rolesOf, tasksOf, walkPlay } from '../walk.js';
import { staticIncludeVarsFile } from './include-vars-files.js';
import type { RunCertainty } from './run-certainty.js';
import { findModule } from '../../modules/registry.js';

/** Defined without being set anywhere, besides the magic variables (and every `ansible_*` name). */
const ALWAYS_DEFINED: readonly string[] = ['item', 'omit', 'environment', 'vars', 'role_names', 'true', 'false', 'none', 'lipsum', 'cycler', 'joiner', 'now', 'undef'];

const EXPRESSION_KEYS = new Set(['when', 'changed_when', 'failed_when', 'until']);
/** Keys whose values are names, never templates. */
const NAME_KEYS = new Set(['register', 'loop_var', 'index_var', 'listen']);

export interface VariableSources {
  playbook: Playbook;
  /** Every YAML file the playbook was built from. */
  files: readonly LoadedYaml[];
  /** Names defined outside the playbook: inventory vars, group_vars/host_vars beside it, -e. */
  outside: Iterable<string>;
  /** Which places every run evaluates (errors there); without it, every problem is an error. */
  certainty?: RunCertainty;
}

type Severity = Diagnostic['severity'];

/** Undefined names that only a later run-time failure would show: said as warnings, worded as such. */
const MAYBE = ' (a warning: not every run needs it; a task that does fails there, as in Ansible)';

export function variablesAreDefined(sources: VariableSources): Diagnostic[] {
  // Unknowable (a templated vars_files, include_vars...): names are not checked, filters and tests still are.
  const defined = definedNames(sources);
  const found: Diagnostic[] = [];
  const report = (name: string, location: SourceLocation, severity: Severity) =>
    found.push(
      diagnostic(
        'undefined-variable',
        `'${name}' is never defined${didYouMean(name, defined ?? [])}${severity === 'warning' ? MAYBE : ''}`,
        location,
        'define it in the inventory, play vars, vars_files, role defaults, register/set_fact, or pass it with -e',
        severity,
      ),
    );
  const severityAt = (certain: boolean): Severity => (certain ? 'error' : 'warning');
  // The same strings recur across plays and roles: analyse each once.
  const analysed = new Map<string, ReturnType<typeof referencedVariables>>();
  const check = (text: string, expression: boolean, at: () => SourceLocation, certain: boolean) => {
    const key = `${expression ? 'e' : 't'}${text}`;
    let refs = analysed.get(key);
    if (!refs) {
      refs = referencedVariables(text, { expression });
      analysed.set(key, refs);
    }
    if (refs.error !== undefined) {
      found.push(diagnostic('template-syntax', `template syntax: ${refs.error.message}`, at(), undefined, severityAt(certain)));
      return;
    }
    for (const u of refs.unknown) found.push(unknownName(u, at(), severityAt(certain && !u.conditional)));
    if (defined) for (const name of refs.names) if (!isDefined(name, defined)) report(name, at(), severityAt(certain && refs.certain.includes(name)));
  };
  const certainAt = sources.certainty ? sources.certainty.at : () => true;
  for (const file of sources.files) {
    visitStrings(file.value, [], (text, path) => {
      const key = [...path].reverse().find((s): s is string => typeof s === 'string');
      if (key !== undefined && NAME_KEYS.has(key)) return;
      // `when: "{{ x }}"` is templated first, like any string; a bare `when: x` is an expression.
      const templated = isTemplateString(text);
      const expression = !templated && key !== undefined && EXPRESSION_KEYS.has(key);
      if (expression || templated) check(text, expression, () => file.locate(path), certainAt(file.file, path));
    });
  }
  const taskRuns = sources.certainty ? sources.certainty.runs : () => true;
  for (const { file, location, syntax, tasks } of templateFiles(sources.playbook)) {
    const certain = tasks.some(taskRuns);
    let text: string;
    try {
      text = readRegularText(file);
    } catch {
      continue;
    }
    const refs = referencedVariables(text, { file: { syntax } });
    if (refs.error !== undefined) {
      const { message, line, col } = refs.error;
      found.push(diagnostic('template-syntax', `template syntax: ${message}`, line === undefined ? location : { file, line, col: col ?? 1 }, undefined, severityAt(certain)));
      continue;
    }
    for (const u of refs.unknown) found.push(unknownName(u, u.line === undefined ? location : { file, line: u.line, col: u.col ?? 1 }, severityAt(certain && !u.conditional)));
    if (!defined) continue;
    for (const name of refs.names) {
      if (isDefined(name, defined) || TEMPLATE_VARIABLE_NAMES.includes(name)) continue;
      const at = new RegExp(`\\b${name}\\b`).exec(text);
      report(name, at ? offsetToLocation(text, at.index, file) : location, severityAt(certain && refs.certain.includes(name)));
    }
  }
  return found;
}

/** A filter, test or lookup ha-run does not have would fail mid-run: say so now. */
function unknownName(u: UnknownName, location: SourceLocation, severity: Severity): Diagnostic {
  const known = u.kind === 'filter' ? Object.keys(filters) : u.kind === 'test' ? Object.keys(tests) : [];
  const maybe = severity === 'warning' ? ' (a warning: not every run needs it; a task that does fails there)' : '';
  return diagnostic(`unknown-${u.kind}`, `unknown ${u.kind} '${u.name}'${didYouMean(u.name, known)}${maybe}`, location, undefined, severity);
}

function isDefined(name: string, defined: Set<string>): boolean {
  return defined.has(name) || name.startsWith('ansible_');
}

/** Every name that may be defined, or undefined when some source cannot be known before running. */
function definedNames({ playbook, outside }: VariableSources): Set<string> | undefined {
  const names = new Set<string>([...MAGIC_VARIABLE_NAMES, ...ALWAYS_DEFINED, ...outside]);
  const addKeys = (vars: unknown) => {
    if (isMap(vars)) for (const k of Object.keys(vars)) names.add(k);
  };
  for (const play of playbook.plays) {
    if (play.varsFiles.some(isTemplateString)) return undefined;
    addKeys(play.vars);
    for (const asked of play.varsPrompt ?? []) names.add(asked.name);
    addKeys(play.varsFromFiles);
    for (const role of rolesOf(play)) {
      addKeys(role.defaults);
      addKeys(role.vars);
      addKeys(role.params);
      addKeys(role.keywords.vars);
    }
    for (const { item, role } of walkPlay(play)) {
      addKeys(item.vars);
      if (item.kind === 'include_tasks' || item.kind === 'include_role') addKeys(item.apply?.vars);
      if (item.kind === 'include_tasks' && !item.tasks) return undefined;
      if (item.kind === 'include_role' && !item.included) return undefined;
      if (item.kind === 'block') continue;
      if (item.kind !== 'task' && item.register) names.add(item.register);
      // A templated loop_var or index_var could name anything.
      for (const name of [item.loopControl?.loopVar, item.loopControl?.indexVar]) {
        if (name === undefined) continue;
        if (isTemplateString(name)) return undefined;
        names.add(name);
      }
      if (item.kind !== 'task') continue;
      if (item.register) names.add(item.register);
      const fromModule = moduleDefinedNames(item, taskSearchPath(item, role, play.playbookDir));
      if (!fromModule) return undefined;
      fromModule.forEach((n) => names.add(n));
    }
  }
  return names;
}

/** Names set_fact / include_vars / getent define; undefined when include_vars reads something only known at run time. */
function moduleDefinedNames(task: Task, searchPath: string[]): string[] | undefined {
  // A templated name (`"{{ prefix }}_port": 80`) could define anything.
  const defines = findModule(task.module)?.definesVars;
  if (defines === 'argument-names') return Object.keys(task.args).some(isTemplateString) ? undefined : Object.keys(task.args).filter((k) => k !== 'cacheable');
  if (typeof defines === 'object') {
    const value = task.args[defines.argument];
    return typeof value === 'string' && !isTemplateString(value) ? [`${defines.prefix}${value}`] : undefined;
  }
  if (defines !== 'vars-file') return [];
  if (typeof task.args.name === 'string') return [task.args.name];
  const loaded = staticIncludeVarsFile(task, searchPath);
  return loaded && isMap(loaded.value) ? Object.keys(loaded.value) : undefined;
}

/** Static `template:` sources (their variables are checked too), each with the delimiters its task reads it with. */
export function templateFiles(playbook: Playbook): { file: string; location: SourceLocation; syntax: Partial<TemplateSyntax>; tasks: Task[] }[] {
  const files = new Map<string, { file: string; location: SourceLocation; syntax: Partial<TemplateSyntax>; tasks: Task[] }>();
  for (const play of playbook.plays) {
    for (const { task, role } of tasksOf(play)) {
      const arg = findModule(task.module)?.templateFileArg;
      const src = arg === undefined ? undefined : task.args[arg];
      if (typeof src !== 'string' || isTemplateString(src)) continue;
      const syntax = taskSyntax(task);
      if (!syntax) continue;
      const found = searchFile(src, controllerDirs('templates', taskSearchPath(task, role, play.playbookDir))).found;
      const key = `${found}\0${JSON.stringify(syntax)}`;
      if (!found) continue;
      const seen = files.get(key);
      if (seen) seen.tasks.push(task);
      else files.set(key, { file: found, location: task.location, syntax, tasks: [task] });
    }
  }
  return [...files.values()];
}

/** The template task's delimiter and whitespace arguments; undefined when one is templated or wrong (unknowable here). */
function taskSyntax(task: Task): Partial<TemplateSyntax> | undefined {
  const syntax: Partial<TemplateSyntax> = {};
  for (const name of Object.keys(JINJA_SETTING_NAMES)) {
    const value = task.args[name];
    if (value === undefined || name === 'newline_sequence') continue;
    if (typeof value === 'string' && isTemplateString(value)) return undefined;
    try {
      Object.assign(syntax, syntaxSetting(name, value));
    } catch {
      return undefined;
    }
  }
  return syntax;
}

export function visitStrings(value: unknown, path: PathSegment[], visit: (text: string, path: PathSegment[]) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => visitStrings(v, [...path, i], visit));
  else if (isMap(value)) for (const [k, v] of Object.entries(value)) visitStrings(v, [...path, k], visit);
}
