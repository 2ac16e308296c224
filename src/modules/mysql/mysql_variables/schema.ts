// mysql_variables' arguments: community.mysql's names.
import type { ArgsSchema } from '../../types.js';
import { loginProperties, type LoginArgs } from '../login.js';

export interface MysqlVariablesArgs extends LoginArgs {
  variable: string;
  value?: string;
  mode?: 'global' | 'persist' | 'persist_only';
}

export const mysqlVariablesSchema: ArgsSchema = {
  type: 'object',
  description: "Reads or sets a global MySQL/MariaDB server variable with the target's mysql client.",
  additionalProperties: false,
  required: ['variable'],
  properties: {
    ...loginProperties,
    variable: { type: 'string', pattern: '^[0-9A-Za-z_.]+$', description: 'The variable, e.g. max_connections.' },
    value: { type: 'string', description: "The value; sizes may use K, M, G ('32M'); without it the current value is returned in msg." },
    mode: { type: 'string', enum: ['global', 'persist', 'persist_only'], default: 'global', description: 'persist and persist_only need MySQL 8.0 (SET PERSIST).' },
  },
};
