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

/**
 * Fills one query. As with the Python driver, positional_args apply to every query of the list, and
 * their number must match the query's %s placeholders.
 */
export function fillPlaceholders(query: string, positional?: SqlArg[], named?: Record<string, SqlArg>): string {
  if (!positional && !named) return query;
  let next = 0;
  const filled = query.replace(/%(%|s|\(([^)]*)\)s)/g, (whole, kind: string, name: string | undefined) => {
    if (kind === '%') return '%';
    if (name !== undefined) {
      if (!named || !Object.hasOwn(named, name)) throw new ModuleFailure(`Cannot execute SQL '${query}': named_args has no '${name}'`);
      return sqlLiteral(named[name]);
    }
    if (!positional || next >= positional.length) throw new ModuleFailure(`Cannot execute SQL '${query}': not enough arguments for format string`);
    return sqlLiteral(positional[next++]);
  });
  if (positional && next < positional.length) throw new ModuleFailure(`Cannot execute SQL '${query}': not all arguments converted during string formatting`);
  return filled;
}
