// session_vars: SET SESSION statements put before a module's SQL, so the changes run with them
// (e.g. wsrep_on=OFF on a Galera node). Numbers and booleans go bare, other text as a string.
import { sqlName, sqlString } from './sql-quote.js';

export type SessionVars = Record<string, string | number | boolean>;

function valueSql(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'ON' : 'OFF';
  if (typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(value)) return String(value);
  return sqlString(value);
}

export function sessionVarsSql(vars: SessionVars | undefined): string {
  return Object.entries(vars ?? {})
    .map(([name, value]) => `SET SESSION ${sqlName(name)} = ${valueSql(value)};\n`)
    .join('');
}
