// Every schema ha-run validates with whose shape is fixed when it is built: what the build precompiles.
// A schema left out still works (it is compiled on first use), it only costs start-up time.
import { modules } from '../modules/registry.js';
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

export function knownSchemas(): JsonSchema[] {
  const includes = INCLUDE_KEYWORDS.flatMap((kind) => [includeSchema(kind), includeSchema(kind, `ansible.builtin.${kind}`)]);
  const moduleArgs = modules().map((m) => m.schema);
  return [inventorySchema, varsFileSchema, playSchema, importPlaybookSchema, taskKeywordsSchema, blockSchema, roleEntryKeywordsSchema, ...includes, ...moduleArgs];
}
