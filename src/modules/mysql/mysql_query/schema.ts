// mysql_query's arguments: community.mysql's names.
import type { ArgsSchema } from '../../types.js';
import { loginProperties, type LoginArgs } from '../login.js';

export type SqlArg = string | number | boolean | null;

export interface MysqlQueryArgs extends LoginArgs {
  query: string | string[];
  login_db?: string;
  positional_args?: SqlArg[];
  named_args?: Record<string, SqlArg>;
  single_transaction?: boolean;
}

const argValue = { type: ['string', 'number', 'boolean', 'null'] };

export const mysqlQuerySchema: ArgsSchema = {
  type: 'object',
  description: "Runs SQL queries with the target's mysql client; changed when a DML query affected rows or a DDL query ran.",
  additionalProperties: false,
  required: ['query'],
  properties: {
    ...loginProperties,
    query: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'A query or a list of queries (%s or %(name)s placeholders).' },
    login_db: { type: 'string', description: 'The database to run the queries in.' },
    positional_args: { type: 'array', items: argValue, description: 'Values for %s placeholders, quoted as SQL literals.' },
    named_args: { type: 'object', additionalProperties: argValue, description: 'Values for %(name)s placeholders.' },
    single_transaction: { type: 'boolean', default: false, description: 'Run all queries in one transaction.' },
  },
  allOf: [{ description: 'positional_args and named_args are mutually exclusive', not: { required: ['positional_args', 'named_args'] } }],
};
