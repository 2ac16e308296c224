// include_vars: load variables from YAML/JSON files on the controller (a file, or every file of a
// directory in name order), optionally under one name.
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ActionModule } from '../types.js';
import { loadYamlFile } from '../../source/yaml.js';
import { ModuleFailure } from '../failure.js';
import { exactlyOne } from '../schema-rules.js';
import { pythonRegex } from '../py-regex.js';
import { isPlainMapping, mergeHash } from '../../util/merge-hash.js';

export interface IncludeVarsArgs {
  _raw_params?: string;
  file?: string;
  dir?: string;
  name?: string;
  depth?: number;
  files_matching?: string;
  ignore_files?: string[];
  extensions?: string[];
  ignore_unknown_extensions?: boolean;
  hash_behaviour?: 'replace' | 'merge';
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

/** Every directory of the tree, the top one first, sorted by path (the order Ansible walks them in). */
function directoriesOf(top: string): string[] {
  const out = [top];
  for (const entry of readdirSync(top, { withFileTypes: true })) if (entry.isDirectory()) out.push(...directoriesOf(join(top, entry.name)));
  return out.sort();
}

/**
 * The files include_vars dir= loads, as Ansible picks them: `depth` counts directories in walk
 * order (0: all), `files_matching` and `ignore_files` are Python regexps on the file name (an
 * ignore_files entry must match its end), and a file with another extension fails the task unless
 * `ignore_unknown_extensions` skips it.
 */
function filesIn(top: string, args: IncludeVarsArgs): string[] {
  const extensions = args.extensions ?? ['yaml', 'yml', 'json'];
  const matching = args.files_matching === undefined ? undefined : pythonRegex(args.files_matching);
  const ignored = (args.ignore_files ?? []).map((p) => pythonRegex(`${p}$`));
  const dirs = directoriesOf(top);
  const out: string[] = [];
  for (const dir of args.depth ? dirs.slice(0, args.depth) : dirs) {
    const names = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.isDirectory()).map((e) => e.name).sort();
    for (const name of names) {
      if (matching && !matching.test(name)) continue;
      if (ignored.some((re) => re.test(name))) continue;
      if (!extensions.includes(extname(name).slice(1))) {
        if (args.ignore_unknown_extensions) continue;
        throw new ModuleFailure(`${join(dir, name)} does not have a valid extension: ${extensions.join(', ')}`);
      }
      out.push(join(dir, name));
    }
  }
  return out;
}

/** hash_behaviour=merge: each variable loaded merged into what it holds now (a variable not set yet just takes the value). */
function mergedIntoCurrent(loaded: Record<string, unknown>, current: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(loaded)) {
    const before = current[name];
    if (before === undefined || before === null) out[name] = value;
    else if (isPlainMapping(before) && isPlainMapping(value)) out[name] = mergeHash(before, value);
    else throw new ModuleFailure(`hash_behaviour=merge: '${name}' holds ${Array.isArray(before) ? 'a list' : typeof before} and the file gives ${Array.isArray(value) ? 'a list' : typeof value}; only two mappings can be merged`);
  }
  return out;
}

export const includeVarsModule: ActionModule<IncludeVarsArgs> = {
  kind: 'action',
  name: 'include_vars',
  setsVars: 'include-vars',
  definesVars: 'vars-file',
  freeForm: true,
  controllerOnly: true,
  resultIsControllerData: true,
  schema: {
    type: 'object',
    description: 'Loads variables from a YAML/JSON file (or a directory of them) on the controller.',
    additionalProperties: false,
    properties: {
      _raw_params: { type: 'string', description: 'The file to load (free form).' },
      file: { type: 'string', description: 'The file to load (looked up in vars/ of the role and playbook).' },
      dir: { type: 'string', description: 'Load every matching file of this directory, in name order.' },
      name: { type: 'string', description: 'Put everything loaded under this one variable.' },
      depth: { type: 'integer', minimum: 0, default: 0, description: 'How many directories of dir to read, in walk order (0: all).' },
      files_matching: { type: 'string', description: 'Only files whose name matches this regexp.' },
      ignore_files: { type: 'array', items: { type: 'string' }, description: 'Skip files whose name ends with a match of one of these regexps.' },
      extensions: { type: 'array', items: { type: 'string' }, default: ['yaml', 'yml', 'json'], description: 'File extensions to load.' },
      ignore_unknown_extensions: { type: 'boolean', default: false, description: 'Skip files with another extension (otherwise they fail the task).' },
      hash_behaviour: { enum: ['replace', 'merge'], default: 'replace', description: 'merge: a mapping loaded is merged, recursively, into the mapping the variable already holds instead of replacing it.' },
    },
    allOf: exactlyOne('_raw_params', 'file', 'dir'),
  },
  async run(ctx, args) {
    let files: string[];
    // An empty name (a first_found that found nothing): Ansible's message, not "the vars directory is a directory".
    if (args.dir === undefined && (args.file ?? args._raw_params ?? '').trim() === '') {
      const message = 'Could not find file on the Ansible Controller.\nIf you are using a module and expect the file to exist on the remote, see the remote_src option';
      throw new ModuleFailure(message, { message });
    }
    try {
      // A free-form name written as a folded block (`include_vars: >`) ends in a newline that is not part of it.
      files = args.dir !== undefined ? filesIn(ctx.findFile('vars', args.dir), args) : [ctx.findFile('vars', args.file ?? args._raw_params!.trim())];
    } catch (err) {
      const message = err instanceof ModuleFailure ? err.message : `Could not find or access '${args.dir ?? args.file ?? args._raw_params}': ${(err as Error).message}`;
      // Ansible's include_vars registers its failure under `message` (playbooks read it there).
      throw new ModuleFailure(message, { message });
    }
    const loaded: Record<string, unknown> = {};
    for (const f of files) Object.assign(loaded, loadVarsFile(f));
    const named = args.name ? { [args.name]: loaded } : loaded;
    const facts = args.hash_behaviour === 'merge' ? mergedIntoCurrent(named, ctx.vars) : named;
    return { changed: false, facts, ansible_facts: facts, ansible_included_var_files: files };
  },
};
