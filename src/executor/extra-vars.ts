// -e / --extra-vars, each as Ansible reads it: `@file.yml` (YAML or JSON file), an inline JSON/YAML
// mapping (`{"a": 1}`), or `k=v k2="v 2"` (values stay strings). Later ones win.
import { resolve } from 'node:path';
import { HaRunError, ValidationError, hasErrors } from '../errors.js';
import { parseKv } from '../playbook/parse-kv.js';
import { loadYamlFile, parseYaml, type LoadedYaml } from '../source/yaml.js';

function mapping(loaded: LoadedYaml, what: string): Record<string, unknown> {
  if (hasErrors(loaded.diagnostics)) throw new ValidationError(loaded.diagnostics);
  if (loaded.value === null || loaded.value === undefined) return {};
  if (typeof loaded.value !== 'object' || Array.isArray(loaded.value)) {
    throw new HaRunError('bad-extra-vars', `${what} must be a mapping of variable names to values`, { exitCode: 5 });
  }
  return loaded.value as Record<string, unknown>;
}

export function parseExtraVars(values: readonly string[], cwd = process.cwd()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const raw of values) {
    const text = raw.trim();
    if (text === '') continue;
    if (text.startsWith('@')) {
      Object.assign(out, mapping(loadYamlFile(resolve(cwd, text.slice(1))), `extra vars file ${text.slice(1)}`));
    } else if (text.startsWith('{') || text.startsWith('[')) {
      Object.assign(out, mapping(parseYaml(text, '<--extra-vars>'), `--extra-vars ${JSON.stringify(text)}`));
    } else {
      const { args, error } = parseKv(text, false);
      if (error || args._raw_params !== undefined) {
        throw new HaRunError('bad-extra-vars', `cannot read --extra-vars ${JSON.stringify(text)}: ${error ?? 'expected key=value pairs'}`, {
          exitCode: 5,
          hint: 'use k=v pairs, a JSON mapping, or @file.yml',
        });
      }
      Object.assign(out, args);
    }
  }
  return out;
}
