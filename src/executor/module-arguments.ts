// A task's arguments as its module gets them: rendered with the host's variables, `omit` dropped,
// coerced to the module's schema, and what the schema says of them. The task runs with these; look-ahead
// reads with the very same, so its requests match the task's.
import { diagnostic, HaRunError, type Diagnostic } from '../errors.js';
import { freeFormRefusal, VARIABLE_PARAMS } from '../modules/free-form.js';
import type { Module } from '../modules/types.js';
import type { Task } from '../playbook/types.js';
import { isPlainMapping } from '../util/merge-hash.js';
import { coerceToSchema, isOmit, renderValue, validateAgainstSchema } from './deps.js';
import { argumentsFor } from './target-data.js';

type Vars = Record<string, unknown>;

/** Drops `omit` arguments (and omitted dict entries below them), as Ansible does. */
export function dropOmitted(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !isOmit(v)).map(dropOmitted);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Vars = {};
    for (const [k, v] of Object.entries(value)) if (!isOmit(v)) out[k] = dropOmitted(v);
    return out;
  }
  return value;
}

/** Rendered (lookups find relative paths in `searchPaths`), omitted ones dropped, coerced to the schema. */
export function moduleArguments(task: Task, module: Module, vars: Vars, searchPaths: string[]): Vars {
  const { [VARIABLE_PARAMS]: variable, ...written } = task.args;
  const rendered = dropOmitted(renderValue(written, { vars, searchPaths })) as Vars;
  const all = variable === undefined ? rendered : { ...variableParams(variable, vars, searchPaths), ...rendered };
  return coerceToSchema(argumentsFor(task.module, all), module.schema) as Vars;
}

/** `module: "{{ spec }}"`: the mapping of arguments the template renders to. */
function variableParams(template: unknown, vars: Vars, searchPaths: string[]): Vars {
  const value = dropOmitted(renderValue(template, { vars, searchPaths }));
  if (isPlainMapping(value)) return value;
  throw new HaRunError('bad-arguments', `the arguments ${String(template)} must render to a mapping, not ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}`);
}

export function argumentProblems(task: Task, module: Module, args: Vars): Diagnostic[] {
  // The name as written, unless a template named it (`action: "{{ ... }}"`): then the module it named.
  const name = task.module === module.name || !task.module.includes('{{') ? task.module : module.name;
  if (!module.freeForm && args._raw_params !== undefined) return [diagnostic('free-form-not-supported', freeFormRefusal(name, args._raw_params), task.location)];
  return validateAgainstSchema(args, module.schema, { file: task.location.file, locate: () => task.location }, [], {
    allowTemplates: false,
    context: `module '${name}': `,
  });
}
