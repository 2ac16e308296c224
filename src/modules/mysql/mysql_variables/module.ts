// mysql_variables (community.mysql): one global server variable through the target's mysql client.
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { loginOf, loginSecrets } from '../login.js';
import { serverQuery } from '../server-query.js';
import { sqlString } from '../sql-quote.js';
import { planVariable, variableResult, type VariableChange, type VariableFacts } from './plan.js';
import { mysqlVariablesSchema, type MysqlVariablesArgs } from './schema.js';

export function variableSql(name: string): string {
  return `SELECT VERSION() AS version;\nSHOW GLOBAL VARIABLES WHERE Variable_name = ${sqlString(name)};\n`;
}

export const mysqlVariablesModule: DeclarativeModule<MysqlVariablesArgs, VariableFacts> = {
  kind: 'declarative',
  name: 'mysql_variables',
  collection: 'community.mysql',
  schema: mysqlVariablesSchema,
  secretArgs: loginSecrets,

  async gather(ctx, args) {
    const sets = await probeOf(ctx.conn).get(serverQuery, { login: loginOf(args), sql: variableSql(args.variable) });
    const row = sets[1]?.rows[0];
    return { version: sets[0]?.rows[0]?.version ?? '', ...(row ? { value: row.Value ?? '' } : {}) };
  },

  plan: planVariable,
  result: (args, _after, changes, before) => variableResult(args, before!, changes as VariableChange[]),
};
