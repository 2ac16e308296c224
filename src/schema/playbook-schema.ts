// JSON Schemas for what a playbook may say: play keywords, task and block keywords, role entries.
// The loader validates against these and takes its keyword lists from them, so there is one source of truth.
import type { JsonSchema } from './validate.js';

/** Ansible variable names: what `register`, `loop_var` and vars keys may be. */
export const VARIABLE_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';

const text: JsonSchema = { type: 'string' };
const bool: JsonSchema = { type: 'boolean' };
/** Booleans that may also be a template evaluated per host (ignore_errors, check_mode, no_log). */
const boolOrTemplate: JsonSchema = { type: ['boolean', 'string'] };
/** `become`: a boolean, one of Ansible's yes/no words, or a template decided per host (`"{{ omit }}"` leaves it unset). */
const boolWordOrTemplate: JsonSchema = {
  type: ['boolean', 'string'],
  enum: [true, false, 'yes', 'no', 'true', 'false', 'True', 'False', 'Yes', 'No', 'on', 'off'],
};
/** `when`, `changed_when`, `failed_when`: an expression, a list of them (all must hold) or a literal boolean. */
const conditions: JsonSchema = {
  type: ['string', 'boolean', 'array'],
  items: { type: ['string', 'boolean'] },
  description: 'Jinja2 expression(s) without {{ }}; a list means all must hold',
};
const stringOrList: JsonSchema = { type: ['string', 'array'], items: { type: ['string', 'number'] } };
const varsMapping: JsonSchema = { type: 'object', propertyNames: { pattern: VARIABLE_NAME_PATTERN } };
/** A mapping, or (as Ansible accepts) a list of mappings merged in order. */
const vars: JsonSchema = {
  type: ['object', 'array', 'null'],
  propertyNames: { pattern: VARIABLE_NAME_PATTERN },
  items: varsMapping,
  description: 'Variables for this scope (a mapping, or a list of mappings merged in order)',
};
const environmentMapping: JsonSchema = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } };
const environmentTemplate: JsonSchema = { type: 'string', pattern: '\\{\\{', description: 'a template that renders to a mapping' };
/** As Ansible takes it: a mapping, a template that renders to one, or a list of those merged in order. */
const environment: JsonSchema = {
  anyOf: [environmentMapping, environmentTemplate, { type: 'array', items: { anyOf: [environmentMapping, environmentTemplate] } }],
  description: 'Environment variables for the commands a task runs: a mapping, a template rendering to one, or a list of those (later entries win)',
};
const anyList: JsonSchema = { type: 'array' };

export const loopControlSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    loop_var: { type: 'string', pattern: VARIABLE_NAME_PATTERN },
    index_var: { type: 'string', pattern: VARIABLE_NAME_PATTERN },
    label: text,
    pause: { type: 'number', minimum: 0 },
    extended: bool,
    extended_allitems: bool,
  },
};

/** Keywords every task-like thing (task, block, include, role entry) accepts and passes to what it contains. */
/** A task, block or play name; left empty (`name:`) it is as if not written, as in Ansible. */
const optionalName: JsonSchema = { type: ['string', 'null'] };

const inheritableProperties: Record<string, JsonSchema> = {
  name: optionalName,
  when: conditions,
  become: boolWordOrTemplate,
  become_user: text,
  become_method: {
    anyOf: [{ enum: ['sudo'] }, { type: 'string', pattern: '\\{\\{' }],
    description: "How to become another user: 'sudo', the one method ha-run has (a template must render to it)",
  },
  environment,
  tags: stringOrList,
  vars,
  ignore_errors: boolOrTemplate,
  check_mode: boolOrTemplate,
  diff: boolOrTemplate,
  no_log: boolOrTemplate,
  delegate_to: text,
  // Connection keywords: the host's own variables (ansible_connection, ansible_user, ansible_port) win over them.
  connection: { enum: ['ssh', 'smart', 'paramiko', 'local'], description: "'ssh' (the default) or 'local'" },
  remote_user: text,
  port: { type: ['integer', 'string'], minimum: 1, maximum: 65535 },
  run_once: boolOrTemplate,
  any_errors_fatal: boolOrTemplate,
  debugger: {
    anyOf: [{ enum: ['always', 'never', 'on_failed', 'on_unreachable', 'on_skipped'] }, { type: 'string', pattern: '\\{\\{' }],
    description: "Where Ansible's interactive debugger would open; ha-run has none and stops the run there (exit 99), as ansible-playbook does without a terminal",
  },
};

/** The lookups a `with_<name>` loop may run (Ansible runs lookup <name> on the value). */
export const LOOP_LOOKUPS = [
  'items', 'list', 'dict', 'sequence', 'fileglob', 'together', 'nested', 'cartesian', 'subelements', 'indexed_items',
  'flattened', 'first_found', 'random_choice', 'inventory_hostnames', 'file', 'template', 'env', 'vars', 'lines', 'pipe', 'csvfile', 'config',
] as const;

const loopProperties: Record<string, JsonSchema> = {
  loop: { type: ['array', 'string'], description: 'Items to run the task for, or a template that renders to a list' },
  ...Object.fromEntries(LOOP_LOOKUPS.map((name) => [`with_${name}`, { description: `Loop over what lookup('${name}') gives for this value` }])),
  loop_control: loopControlSchema,
};

/** Keywords of a task besides its module (and besides `action` / `local_action`, handled with the module). */
export const taskKeywordsSchema: JsonSchema = {
  type: 'object',
  properties: {
    ...inheritableProperties,
    ...loopProperties,
    register: { type: 'string', pattern: VARIABLE_NAME_PATTERN },
    notify: stringOrList,
    listen: stringOrList,
    changed_when: conditions,
    failed_when: conditions,
    until: { type: ['string', 'boolean'] },
    retries: { type: ['integer', 'string'], minimum: 0, description: 'With `until`: how many more attempts (a number, or a template rendered at run time).' },
    delay: { type: ['number', 'string'], minimum: 0, description: 'With `until`: seconds between attempts (a number, or a template rendered at run time).' },
    async: { type: ['integer', 'string'], description: 'Run as a background job on the target for at most this many seconds.' },
    poll: { type: ['integer', 'string'], description: 'Check an async job every this many seconds (default 10); 0: start it and go on (see async_status).' },
    args: { type: 'object' },
    action: { type: ['string', 'object'] },
    local_action: { type: ['string', 'object'] },
  },
};

/** Task keys that name the action rather than configure it. */
export const ACTION_KEYWORDS = ['action', 'local_action'] as const;

export const blockSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['block'],
  properties: { ...inheritableProperties, notify: stringOrList, block: anyList, rescue: anyList, always: anyList },
};

/** `apply:` of include_tasks / include_role: the keywords a block takes, given to every included task. */
const applySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ...inheritableProperties, notify: stringOrList },
};

/** include_tasks / import_tasks: a file name, or `{file: ...}` (plus `apply:` for include_tasks). */
const includeTasksArgs: JsonSchema = {
  anyOf: [
    { type: 'string' },
    {
      type: 'object',
      additionalProperties: false,
      properties: { file: text, _raw_params: text, apply: applySchema },
    },
  ],
};

const includeRoleArgs: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: text,
    tasks_from: text,
    vars_from: text,
    defaults_from: text,
    handlers_from: text,
    apply: applySchema,
    public: bool,
    allow_duplicates: bool,
  },
};

/** The four ways a task pulls in other tasks, each with the keywords it allows. */
export const INCLUDE_KEYWORDS = ['include_tasks', 'import_tasks', 'include_role', 'import_role'] as const;
export type IncludeKeyword = (typeof INCLUDE_KEYWORDS)[number];

/** Schema of an include task; `written` is the key as written (`ansible.builtin.import_tasks` too). */
export function includeSchema(kind: IncludeKeyword, written: string = kind): JsonSchema {
  // Cached: the validator compiles each schema object once.
  const cacheKey = `${kind} ${written}`;
  const cached = includeSchemas.get(cacheKey);
  if (cached) return cached;
  const dynamic = kind.startsWith('include_');
  const schema: JsonSchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...inheritableProperties,
      ...(dynamic ? { ...loopProperties, register: { type: 'string', pattern: VARIABLE_NAME_PATTERN } } : {}),
      // Static task imports pass notify down to the tasks they bring; an include_tasks handler may listen.
      ...(kind === 'import_tasks' ? { notify: stringOrList } : {}),
      ...(kind === 'include_tasks' ? { listen: stringOrList } : {}),
      [written]: kind.endsWith('_role') ? includeRoleArgs : includeTasksArgs,
      args: { type: 'object', properties: { apply: applySchema } },
    },
  };
  includeSchemas.set(cacheKey, schema);
  return schema;
}

const includeSchemas = new Map<string, JsonSchema>();

/** Keys of a role entry (`roles:` in a play) that are keywords; every other key is a role parameter. */
export const roleEntryKeywordsSchema: JsonSchema = {
  type: 'object',
  properties: { ...inheritableProperties, role: text },
};

/** Plays take the inheritable keywords except `when` and `delegate_to`, which Ansible refuses on a play too. */
const { when: _noPlayWhen, delegate_to: _noPlayDelegate, ...playInheritable } = inheritableProperties;

export const playSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['hosts'],
  properties: {
    ...playInheritable,
    hosts: { type: ['string', 'array'], items: { type: 'string' }, description: 'Host pattern, e.g. "web:&prod:!web3"' },
    vars_files: { type: ['array', 'string'], items: { type: ['string', 'array'] } },
    gather_facts: boolOrTemplate,
    serial: { type: ['integer', 'string', 'array'], items: { type: ['integer', 'string'] } },
    max_fail_percentage: { type: ['number', 'string'], minimum: 0, maximum: 100 },
    force_handlers: { type: ['boolean', 'string'], description: 'Handlers notified on a host run at the end of each section even if the host failed' },
    pre_tasks: anyList,
    roles: anyList,
    tasks: anyList,
    post_tasks: anyList,
    handlers: anyList,
    strategy: { enum: ['linear'], description: 'ha-run runs plays with the linear strategy only' },
    vars_prompt: {
      type: 'array',
      description: 'Variables asked for on the terminal before the run (skipped when given with -e)',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
          prompt: text,
          default: { description: 'The value when the answer is empty' },
          private: { ...bool, description: 'Hide what is typed (the default); the value is then masked in all output' },
          confirm: { ...bool, description: 'Ask twice; the answers must match' },
          unsafe: { ...bool, description: 'Never render the answer as a template' },
          encrypt: { ...text, description: 'Not supported by ha-run (it would hash the answer)' },
          salt_size: { type: 'integer' },
          salt: text,
        },
      },
    },
  },
};

export const importPlaybookSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['import_playbook'],
  properties: { import_playbook: text, name: text, vars, tags: stringOrList, when: conditions },
};

/** Ansible keywords ha-run knows but does not implement: a clear "not supported" beats "unknown key". */
export const UNSUPPORTED_KEYWORDS: Record<string, string> = {
  order: 'hosts run in inventory order',
  collections: 'write fully qualified module names instead',
  module_defaults: 'set the arguments on each task',
  throttle: 'use serial on the play',
  include: 'use include_tasks, import_tasks or import_playbook',
  gather_subset: 'ha-run gathers a fixed set of facts',
};

/** Property names of an object schema. */
export function keywordsOf(schema: JsonSchema): string[] {
  return Object.keys((schema.properties ?? {}) as Record<string, unknown>);
}
