// Python DB-API "format"/"pyformat" placeholders (%s, %(name)s, %%) filled with SQL literals, as
// PyMySQL does for community.mysql: the values are quoted, never pasted as SQL.
import { ModuleFailure } from '../../failure.js';
import { sqlString } from '../sql-quote.js';
import type { SqlArg } from './schema.js';

export function sqlLiteral(value: SqlArg): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  return sqlString(value);
}

export function fillPlaceholders(query: string, positional?: SqlArg[], named?: Record<string, SqlArg>): string {
  if (!positional && !named) return query;
  let next = 0;
  return query.replace(/%(%|s|\(([^)]*)\)s)/g, (whole, kind: string, name: string | undefined) => {
    if (kind === '%') return '%';
    if (name !== undefined) {
      if (!named || !Object.hasOwn(named, name)) throw new ModuleFailure(`query uses %(${name})s but named_args has no '${name}'`);
      return sqlLiteral(named[name]);
    }
    if (!positional || next >= positional.length) throw new ModuleFailure(`query has more %s placeholders than positional_args has values (${positional?.length ?? 0})`);
    return sqlLiteral(positional[next++]);
  });
}
