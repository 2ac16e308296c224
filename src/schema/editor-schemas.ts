// The JSON Schemas published for editors (`ha-run schema`, VS Code's YAML extension): the same
// keyword schemas the loader validates with, plus every registered module's arguments, so adding a
// module adds its completion too.
import { moduleNames, findModule } from '../modules/registry.js';
import { inventorySchema, varsFileSchema } from './inventory-schema.js';
import {
  blockSchema,
  importPlaybookSchema,
  INCLUDE_KEYWORDS,
  includeSchema,
  playSchema,
  roleEntryKeywordsSchema,
  taskKeywordsSchema,
} from './playbook-schema.js';
import type { JsonSchema } from './validate.js';

export const SCHEMA_KINDS = ['playbook', 'tasks', 'inventory', 'vars'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

export function editorSchema(kind: SchemaKind): JsonSchema {
  switch (kind) {
    case 'inventory':
      return inventorySchema;
    case 'vars':
      return varsFileSchema;
    case 'playbook':
      return withDefs('ha-run playbook', { type: 'array', items: { anyOf: [{ $ref: '#/$defs/play' }, { $ref: '#/$defs/import_playbook' }] } });
    case 'tasks':
      return withDefs('ha-run tasks file', { type: 'array', items: { $ref: '#/$defs/task_item' } });
  }
}

const taskList: JsonSchema = { type: 'array', items: { $ref: '#/$defs/task_item' } };

function withDefs(title: string, root: JsonSchema): JsonSchema {
  const props = <T extends JsonSchema>(s: T) => s.properties as Record<string, JsonSchema>;
  const moduleDefs: Record<string, JsonSchema> = {};
  const taskProperties: Record<string, JsonSchema> = { ...props(taskKeywordsSchema) };
  for (const kind of INCLUDE_KEYWORDS) {
    for (const written of [kind, `ansible.builtin.${kind}`]) taskProperties[written] = props(includeSchema(kind))[kind]!;
  }
  for (const name of moduleNames()) {
    const module = findModule(name)!;
    const def = `module_${module.name}`;
    moduleDefs[def] ??= {
      description: (module.schema.description as string | undefined) ?? `module ${module.name}`,
      anyOf: [{ type: 'null' }, { type: 'string', description: 'key=value arguments' + (module.freeForm ? ' or a free-form command' : '') }, asWritten(module.schema)],
    };
    taskProperties[name] = { $ref: `#/$defs/${def}` };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    ...root,
    $defs: {
      ...moduleDefs,
      play: { ...playSchema, properties: { ...props(playSchema), pre_tasks: taskList, tasks: taskList, post_tasks: taskList, handlers: taskList, roles: { type: 'array', items: { $ref: '#/$defs/role_entry' } } } },
      // Short or fully qualified, as the loader accepts it (if/then/else: a wrong entry reports its own problems).
      import_playbook: {
        if: { type: 'object', required: ['ansible.builtin.import_playbook'] },
        then: fullyQualifiedImportPlaybook(),
        else: importPlaybookSchema,
      },
      role_entry: { anyOf: [{ type: 'string' }, roleEntryKeywordsSchema] },
      // if/then/else rather than anyOf: a wrong task reports its own problems, not also "missing 'block'".
      task_item: { if: { type: 'object', required: ['block'] }, then: { $ref: '#/$defs/block' }, else: { $ref: '#/$defs/task' } },
      block: { ...blockSchema, properties: { ...props(blockSchema), block: taskList, rescue: taskList, always: taskList } },
      task: { type: 'object', additionalProperties: false, properties: taskProperties },
    },
  };
}

/** `- ansible.builtin.import_playbook: FILE`: the same schema under the fully qualified name. */
function fullyQualifiedImportPlaybook(): JsonSchema {
  const { import_playbook: file, ...rest } = importPlaybookSchema.properties as Record<string, JsonSchema>;
  return { ...importPlaybookSchema, required: ['ansible.builtin.import_playbook'], properties: { 'ansible.builtin.import_playbook': file!, ...rest } };
}

/**
 * A module's argument schema as a playbook may write the values: ha-run converts them as Ansible does
 * before the module sees them ('a,b' to a list, 'yes' to true, '5' to 5: src/schema/coerce.ts), so an
 * editor must accept those strings too.
 */
function asWritten(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? (schema.type as string[]) : [];
  if (types.some((t) => t === 'array' || t === 'boolean' || t === 'integer' || t === 'number') && !types.includes('string')) {
    out.type = [...types, 'string'];
  }
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties as Record<string, JsonSchema>).map(([k, v]) => [k, asWritten(v)]));
  }
  if (schema.items && !Array.isArray(schema.items)) out.items = asWritten(schema.items as JsonSchema);
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) out[key] = (schema[key] as JsonSchema[]).map(asWritten);
  }
  // A pattern holds for the rendered value; the template that makes it is fine as written.
  if (typeof schema.pattern === 'string') {
    const { description, ...rest } = out;
    return { ...(description !== undefined ? { description } : {}), anyOf: [rest, { type: 'string', pattern: '\\{\\{|\\{%' }] };
  }
  return out;
}
