// vars_files whose names are templates (`vars/{{ ansible_facts.os_family }}.yml`): only known per host
// at run time, so they are read here, once per host and play. Static ones were read (and checked)
// by the loader before the run.
import { isAbsolute, join } from 'node:path';
import { HaRunError, ValidationError, hasErrors } from '../errors.js';
import { loadYamlFile } from '../source/yaml.js';
import { renderString } from './deps.js';

const TEMPLATE = /\{\{|\{%/;

export function templatedVarsFiles(varsFiles: readonly string[]): string[] {
  return varsFiles.filter((f) => TEMPLATE.test(f));
}

/** Reads each templated vars file for one host (later files win). */
export function readTemplatedVarsFiles(names: readonly string[], playbookDir: string, vars: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const rendered = renderString(name, { vars });
    const file = isAbsolute(rendered) ? rendered : join(playbookDir, rendered);
    const loaded = loadYamlFile(file);
    if (hasErrors(loaded.diagnostics)) {
      if (loaded.diagnostics.some((d) => d.code === 'file-not-found')) {
        throw new HaRunError('file-not-found', `vars file '${rendered}' (from '${name}') not found`);
      }
      throw new ValidationError(loaded.diagnostics);
    }
    if (loaded.value === null || loaded.value === undefined) continue;
    if (typeof loaded.value !== 'object' || Array.isArray(loaded.value)) {
      throw new HaRunError('wrong-type', `vars file '${rendered}' must be a mapping of variable names to values`);
    }
    Object.assign(out, loaded.value);
  }
  return out;
}
