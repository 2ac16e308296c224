// getent's arguments, Ansible's names.
import type { ArgsSchema } from '../../types.js';

export interface GetentArgs {
  database: string;
  key?: string;
  service?: string;
  split?: string;
  fail_key?: boolean;
}

export const getentSchema: ArgsSchema = {
  type: 'object',
  description: 'Reads a name service database with getent into the fact getent_<database> (ansible_facts too).',
  additionalProperties: false,
  required: ['database'],
  properties: {
    database: { type: 'string', description: 'The database: passwd, group, hosts, services, shadow, ...' },
    key: { type: 'string', description: 'The entry to read; the whole database when absent.' },
    service: { type: 'string', description: 'The NSS service to ask (getent -s).' },
    split: { type: 'string', description: "What separates the fields (':' for passwd, shadow, group and gshadow; whitespace otherwise)." },
    fail_key: { type: 'boolean', default: true, description: 'Fail when the key is not found; when false, the fact holds the key with a null value.' },
  },
};
