// An Ansible-style option table (name → type, choices, aliases) as the JSON Schema ha-run validates
// with: unknown arguments are errors with a suggestion, values are checked by type.
import type { ArgsSchema } from '../types.js';

export interface OptionSpec {
  type: 'str' | 'bool' | 'int' | 'list' | 'path' | 'dict' | 'raw' | 'float';
  choices?: string[];
  aliases?: string[];
}

export type OptionTable = Record<string, OptionSpec>;

const JSON_TYPES: Record<OptionSpec['type'], object> = {
  str: { type: ['string', 'number', 'boolean'] },
  path: { type: 'string' },
  bool: { type: 'boolean' },
  int: { type: 'integer' },
  float: { type: 'number' },
  // As Ansible: a list argument also takes a comma-separated string.
  list: { type: ['array', 'string'] },
  dict: { type: 'object' },
  raw: {},
};

/** `module` names the module whose arguments these are, for the editor's hover text. */
export function optionSchema(module: string, description: string, options: OptionTable, required: string[] = []): ArgsSchema {
  const properties: Record<string, object> = {};
  for (const [name, spec] of Object.entries(options)) {
    const property = { ...JSON_TYPES[spec.type], ...(spec.choices ? { enum: spec.choices } : {}) };
    const aliases = spec.aliases ? ` Aliases: ${spec.aliases.join(', ')}.` : '';
    properties[name] = { ...property, description: `${module}'s ${name} (${spec.type}).${aliases}` };
    for (const alias of spec.aliases ?? []) properties[alias] = { ...property, description: `Alias of ${name}.` };
  }
  return { type: 'object', description, additionalProperties: false, properties, ...(required.length > 0 ? { required } : {}) };
}
