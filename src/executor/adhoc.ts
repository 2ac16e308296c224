// Ad-hoc runs (`ha-run adhoc PATTERN -m MODULE -a ARGS`): one module on a host pattern, as a
// one-task play through the same executor, its arguments checked before any connection.
import { resolve } from 'node:path';
import { diagnostic, ValidationError } from '../errors.js';
import { loadInventory } from '../inventory/index.js';
import { parseKv } from '../playbook/parse-kv.js';
import type { Play, Task } from '../playbook/types.js';
import { parseYaml } from '../source/yaml.js';
import { coerceToSchema, findModule, validateAgainstSchema } from './deps.js';
import { playHosts, type PreparedPlaybook } from './prepare.js';

export interface AdhocRequest {
  pattern: string;
  module: string;
  /** Free-form text, `k=v` pairs, or a JSON/YAML mapping. */
  args?: string;
  inventorySources: string[];
  limit?: string;
  become?: boolean;
  becomeUser?: string;
}

const WHERE = { file: '<command line>', line: 1, col: 1 };

/** How a module takes free-form text (see Module.freeForm and Module.commandLine). */
export interface FreeFormTraits {
  freeForm?: boolean;
  commandLine?: boolean;
}

export function parseAdhocArgs(text: string | undefined, module: FreeFormTraits): Record<string, unknown> {
  const freeForm = module.freeForm === true;
  const s = (text ?? '').trim();
  if (s === '') return {};
  if (s.startsWith('{')) {
    const loaded = parseYaml(s, '<-a>');
    if (loaded.diagnostics.length > 0 || !loaded.value || typeof loaded.value !== 'object' || Array.isArray(loaded.value)) {
      throw new ValidationError([diagnostic('bad-module-args', `cannot read -a ${JSON.stringify(s)} as a mapping`, WHERE)]);
    }
    return loaded.value as Record<string, unknown>;
  }
  // Untrimmed, as Ansible reads it: a trailing newline stays part of a command.
  const { args, error } = parseKv(text!, module.commandLine === true);
  if (error) throw new ValidationError([diagnostic('bad-module-args', `cannot read -a ${JSON.stringify(s)}: ${error}`, WHERE)]);
  if (args._raw_params !== undefined && !freeForm) {
    throw new ValidationError([diagnostic('bad-module-args', `module arguments must be key=value pairs or JSON, got ${JSON.stringify(args._raw_params)}`, WHERE)]);
  }
  return args;
}

export function prepareAdhoc(req: AdhocRequest, cwd = process.cwd()): PreparedPlaybook {
  const module = findModule(req.module);
  if (!module) throw new ValidationError([diagnostic('unknown-module', `no module named '${req.module}'`, WHERE)]);
  const args = coerceToSchema(parseAdhocArgs(req.args, module), module.schema) as Record<string, unknown>;
  const problems = validateAgainstSchema(args, module.schema, { file: WHERE.file, locate: () => WHERE }, [], { context: `module '${req.module}': ` });
  const { inventory, diagnostics } = loadInventory(req.inventorySources);
  const all = [...problems, ...diagnostics];
  if (all.some((d) => d.severity === 'error')) throw new ValidationError(all);
  const task: Task = {
    kind: 'task',
    name: `${req.module}${req.args ? ` ${req.args}` : ''}`,
    // The canonical name, as a playbook task stores it: `-m ansible.builtin.debug` is `debug`.
    module: module.name,
    args,
    when: [],
    tags: [],
    vars: {},
    notify: [],
    listen: [],
    location: WHERE,
  };
  const play: Play = {
    name: `Ad-hoc: ${req.module} on ${req.pattern}`,
    hosts: req.pattern,
    varsFiles: [],
    gatherFacts: false,
    serial: [],
    preTasks: [],
    roles: [],
    tasks: [task],
    postTasks: [],
    handlers: [],
    playbookDir: cwd,
    location: WHERE,
    when: [],
    tags: [],
    vars: {},
    ...(req.become ? { become: true } : {}),
    ...(req.becomeUser ? { becomeUser: req.becomeUser } : {}),
  };
  return {
    playbook: { file: resolve(cwd, '<adhoc>'), plays: [play] },
    inventory,
    hostsPerPlay: [playHosts(inventory, req.pattern, req.limit)],
    rematchHosts: () => playHosts(inventory, req.pattern, req.limit),
    // Ansible reads no playbook-side group_vars/host_vars for ad-hoc commands.
    playbookVars: { groupVars: new Map(), hostVars: new Map() },
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
  };
}
