// What one task on one host must keep out of output, beyond the secrets the run already knows:
// - secret-named variables whose values are templates, learned as rendered (what a task prints is the
//   rendered value, e.g. `db_password: "{{ lookup('env', 'DB_PASSWORD') }}"`);
// - the values the task itself uses: secret variables its arguments name and the arguments its module
//   declares secret (`secretArgs`), masked in this task's output at any length (see MIN_MASKED_LENGTH);
// - after a no_log task, its registered result (see learnNoLogResult).
import { types } from 'node:util';
import type { Module, ModuleResult } from '../modules/types.js';
import { looksSecret, type SecretMasker } from '../output/mask.js';
import type { Task } from '../playbook/types.js';
import { containsTemplate, isUnsafe, referencedVariables, renderString, renderValue, withoutUnsafe } from './deps.js';

type Vars = Record<string, unknown>;

/** Renders every secret-named variable whose value is a template (nested in dicts too) and masks the result. */
export function learnRenderedSecrets(masker: SecretMasker, vars: Vars, searchPaths?: string[]): void {
  const render = (t: string) => renderValue(t, { vars, searchPaths });
  const visit = (scope: Vars, depth: number): void => {
    for (const [name, value] of Object.entries(scope)) {
      // Target data (facts, registered results) is never rendered: no template to find there.
      if (!containsTemplate(value) || isUnsafe(value)) continue;
      if (looksSecret(name)) masker.addRendered(value, render);
      else if (depth < 4 && value && typeof value === 'object' && !Array.isArray(value)) visit(value as Vars, depth + 1);
    }
  };
  visit(vars, 0);
}

const namesInTemplate = new Map<string, string[]>();

/** Variables the task's arguments read, directly (`{{ db_password }}`, `{{ creds.password }}` reads creds). */
function namesReadBy(args: unknown, out: Set<string>, depth = 0): void {
  if (typeof args === 'string') {
    if (!args.includes('{')) return;
    let names = namesInTemplate.get(args);
    if (!names) {
      const refs = referencedVariables(args);
      names = [...refs.names, ...refs.optional];
      namesInTemplate.set(args, names);
    }
    names.forEach((n) => out.add(n));
  } else if (Array.isArray(args) && depth < 20) args.forEach((a) => namesReadBy(a, out, depth + 1));
  else if (args && typeof args === 'object' && depth < 20) Object.values(args).forEach((a) => namesReadBy(a, out, depth + 1));
}

/** Secret values a task's arguments (or any templated text) use: those of the secret variables they read
 *  (and of secret-named keys inside the dicts they read, `creds.password`), rendered. */
export function secretsReadBy(args: unknown, masker: SecretMasker, vars: Vars, searchPaths?: string[]): unknown[] {
  const names = new Set<string>();
  namesReadBy(args, names);
  const render = (v: unknown) => leaves(withoutUnsafe(renderValue(v, { vars, searchPaths })));
  return [...names].flatMap((name) => (name in vars ? secretLeaves(name, vars[name], masker, render) : []));
}

/** Everything under a secret name, rendered; under another name, what its secret-named keys hold. Lazy
 *  mappings (hostvars) and target data are not searched: reading them all would cost every host's variables. */
function secretLeaves(name: string, value: unknown, masker: SecretMasker, render: (v: unknown) => unknown[], depth = 0): unknown[] {
  if (masker.isSecretKey(name)) {
    try {
      return render(value);
    } catch {
      return []; // the task fails on it itself
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || depth > 4 || types.isProxy(value) || isUnsafe(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => secretLeaves(k, v, masker, render, depth + 1));
}

/** Text shown rendered (a task's or a play's name), the secrets it reads masked at any length. Throws as rendering does. */
export function renderShown(text: string, masker: SecretMasker, vars: Vars): string {
  return masker.forTask(secretsReadBy(text, masker, vars)).maskString(renderString(text, { vars }));
}

/** The values of the arguments the module declares secret (a mysql_user's `password`), as rendered. */
export function secretArguments(module: Pick<Module, 'secretArgs'>, args: Vars): unknown[] {
  return (module.secretArgs ?? []).flatMap((name) => (args[name] === undefined ? [] : leaves(args[name])));
}

/** The values of the result keys the module declares secret (a private key's content). */
export function secretResultValues(module: Pick<Module, 'secretResults'>, result: ModuleResult): unknown[] {
  return (module.secretResults ?? []).flatMap((name) => (result[name] === undefined || result[name] === null ? [] : leaves(result[name])));
}

/** Fields of a result that describe the run rather than carry data (ha-run's own messages, timings, status). */
const RESULT_STATUS_FIELDS = new Set(['changed', 'failed', 'skipped', 'rc', 'msg', 'cmd', 'start', 'end', 'delta', 'attempts', 'ansible_loop_var', 'skip_reason', 'false_condition', 'failed_when_result', 'changed_when_result', 'invocation']);

/**
 * A no_log task's registered result stays secret where it is printed later: the register name (and
 * `ansible_failed_result` after it failed) is masked whole when printed by name, and every data value in it
 * (stdout, stderr, content, loop items...) wherever it appears.
 */
export function learnNoLogResult(masker: SecretMasker, task: Pick<Task, 'register'>, module: Pick<Module, 'resultIsControllerData'> | undefined, result: ModuleResult): void {
  if (task.register) masker.addSecretName(task.register);
  if (result.failed) masker.addSecretName('ansible_failed_result');
  // set_fact's facts are the values it was given; gathered facts (setup) describe the host, not a secret.
  const skipped = module?.resultIsControllerData ? RESULT_STATUS_FIELDS : new Set([...RESULT_STATUS_FIELDS, 'facts', 'ansible_facts']);
  const visit = (r: unknown, depth: number): void => {
    if (!r || typeof r !== 'object' || depth > 3) return;
    for (const [key, value] of Object.entries(withoutUnsafe(r) as Vars)) {
      if (key === 'results' && Array.isArray(value)) value.forEach((item) => visit(item, depth + 1));
      else if (!skipped.has(key)) leaves(value).forEach((v) => masker.add(v));
    }
  };
  visit(result, 0);
}

/** Every string and number inside a value. */
function leaves(value: unknown, depth = 0): unknown[] {
  if (typeof value === 'string' || typeof value === 'number') return [value];
  if (!value || typeof value !== 'object' || depth > 20) return [];
  return Object.values(value).flatMap((v) => leaves(v, depth + 1));
}
