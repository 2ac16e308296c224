// include_vars: load variables from YAML/JSON files on the controller (a file, or every file of a
// directory in name order), optionally under one name.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ActionModule } from './types.js';
import { loadYamlFile } from '../source/yaml.js';
import { ModuleFailure } from './failure.js';
import { exactlyOne } from './schema-rules.js';

export interface IncludeVarsArgs {
  _raw_params?: string;
  file?: string;
  dir?: string;
  name?: string;
  depth?: number;
  files_matching?: string;
  ignore_files?: string[];
  extensions?: string[];
}

function loadVarsFile(file: string): Record<string, unknown> {
  const loaded = loadYamlFile(file);
  const problem = loaded.diagnostics.find((d) => d.severity === 'error');
  if (problem) {
    const where = problem.location ? `${problem.location.file}:${problem.location.line}:${problem.location.col}: ` : '';
    throw new ModuleFailure(`${where}${problem.message}`, { ansible_included_var_files: [] });
  }
  if (loaded.value === null || loaded.value === undefined) return {};
  if (typeof loaded.value !== 'object' || Array.isArray(loaded.value)) {
    throw new ModuleFailure(`${file} must contain a mapping of variable names to values`);
  }
  return loaded.value as Record<string, unknown>;
}

/** Files of a directory tree in sorted order (Ansible's include_vars dir=), depth 0 = unlimited. */
function filesIn(dir: string, args: IncludeVarsArgs, depth = 1): string[] {
  const extensions = args.extensions ?? ['yaml', 'yml', 'json'];
  const matching = args.files_matching === undefined ? undefined : new RegExp(args.files_matching);
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (!args.depth || depth < args.depth) out.push(...filesIn(full, args, depth + 1));
      continue;
    }
    if (!extensions.includes(extname(entry).slice(1))) continue;
    if (args.ignore_files?.includes(entry)) continue;
    if (matching && !matching.test(entry)) continue;
    out.push(full);
  }
  return out;
}

export const includeVarsModule: ActionModule<IncludeVarsArgs> = {
  kind: 'action',
  name: 'include_vars',
  freeForm: true,
  controllerOnly: true,
  schema: {
    type: 'object',
    description: 'Loads variables from a YAML/JSON file (or a directory of them) on the controller.',
    additionalProperties: false,
    properties: {
      _raw_params: { type: 'string', description: 'The file to load (free form).' },
      file: { type: 'string', description: 'The file to load (looked up in vars/ of the role and playbook).' },
      dir: { type: 'string', description: 'Load every matching file of this directory, in name order.' },
      name: { type: 'string', description: 'Put everything loaded under this one variable.' },
      depth: { type: 'integer', minimum: 0, default: 0, description: 'How deep to descend into dir (0: all the way).' },
      files_matching: { type: 'string', description: 'Only files whose name matches this regexp.' },
      ignore_files: { type: 'array', items: { type: 'string' }, description: 'File names to skip.' },
      extensions: { type: 'array', items: { type: 'string' }, default: ['yaml', 'yml', 'json'], description: 'File extensions to load.' },
    },
    allOf: exactlyOne('_raw_params', 'file', 'dir'),
  },
  async run(ctx, args) {
    let files: string[];
    try {
      files = args.dir !== undefined ? filesIn(ctx.findFile('vars', args.dir), args) : [ctx.findFile('vars', (args.file ?? args._raw_params)!)];
    } catch (err) {
      if (err instanceof ModuleFailure) throw err;
      throw new ModuleFailure(`Could not find or access '${args.dir ?? args.file ?? args._raw_params}': ${(err as Error).message}`);
    }
    const loaded: Record<string, unknown> = {};
    for (const f of files) Object.assign(loaded, loadVarsFile(f));
    const facts = args.name ? { [args.name]: loaded } : loaded;
    return { changed: false, facts, ansible_facts: facts, ansible_included_var_files: files };
  },
};
