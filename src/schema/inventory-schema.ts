// JSON Schemas for Ansible-style YAML inventories and group_vars/host_vars files.
// Used to validate before anything connects, and published for editors (`ha-run schema`).
import type { JsonSchema } from './validate.js';

/** Connection variables as Ansible names them; typed so a typo in a value is caught early. Others pass through. */
const connectionVars: Record<string, JsonSchema> = {
  ansible_host: { type: 'string', description: 'Address to connect to, when it differs from the inventory name.' },
  ansible_port: { anyOf: [{ type: 'integer', minimum: 1, maximum: 65535 }, { type: 'string', pattern: '^(\\d+|.*\\{\\{.*)$' }], description: 'SSH port (default 22).' },
  ansible_user: { type: 'string', description: 'SSH user.' },
  ansible_ssh_private_key_file: { type: 'string', description: 'Private key file for SSH.' },
  ansible_password: { type: ['string', 'object'], description: 'SSH password (use vault).' },
  ansible_connection: { type: 'string', description: "Connection type: 'ssh' or 'local'." },
  ansible_become: { type: ['boolean', 'string'], description: "Run tasks with privilege escalation (true/false, or a string Ansible reads as one: 'yes', 'no')." },
  ansible_become_user: { type: 'string' },
  ansible_become_method: { type: 'string' },
  ansible_become_password: { type: ['string', 'object'] },
  ansible_python_interpreter: { type: 'string' },
  ansible_group_priority: { type: ['integer', 'string'], description: 'Orders sibling groups when their variables are merged (higher wins).' },
};

const varsMapping: JsonSchema = {
  type: ['object', 'null'],
  description: 'Variables: name → value.',
  properties: connectionVars,
};

export const inventorySchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://ha-run.dev/schemas/inventory.json',
  title: 'ha-run / Ansible YAML inventory',
  description: 'Top-level keys are groups (usually `all`); each group has `hosts`, `children` and `vars`.',
  type: 'object',
  additionalProperties: { $ref: '#/definitions/group' },
  definitions: {
    group: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        hosts: {
          type: ['object', 'null', 'string'],
          description: 'Host name (or range like node[1:3], or name:port) → its variables.',
          additionalProperties: varsMapping,
        },
        children: {
          type: ['object', 'null', 'string'],
          description: 'Child group name → group definition.',
          additionalProperties: { $ref: '#/definitions/group' },
        },
        vars: varsMapping,
      },
    },
  },
};

/** A group_vars/ or host_vars/ file: a mapping of variables (an empty file is fine). */
export const varsFileSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://ha-run.dev/schemas/vars-file.json',
  title: 'ha-run / Ansible group_vars or host_vars file',
  ...varsMapping,
};
