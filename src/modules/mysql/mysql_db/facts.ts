// What mysql_db reads: the named databases with their character set, collation and table count,
// and whether the dump/import file is there.
import { shellQuote } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';
import { sqlString } from '../sql-quote.js';
import type { ResultSet } from '../xml-rows.js';

export interface DatabaseState {
  name: string;
  encoding: string;
  collation: string;
  tables: number;
}

/** One SELECT for the databases asked about (every database for 'all'). */
export function databasesSql(names: string[]): string {
  const where = names.includes('all') ? '' : ` WHERE s.SCHEMA_NAME IN (${names.map(sqlString).join(', ')})`;
  return (
    'SELECT s.SCHEMA_NAME AS name, s.DEFAULT_CHARACTER_SET_NAME AS encoding, s.DEFAULT_COLLATION_NAME AS collation, ' +
    '(SELECT COUNT(*) FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = s.SCHEMA_NAME) AS tables ' +
    `FROM information_schema.SCHEMATA s${where};\n`
  );
}

export function parseDatabases(sets: ResultSet[]): DatabaseState[] {
  return (sets[0]?.rows ?? []).map((r) => ({ name: r.name ?? '', encoding: r.encoding ?? '', collation: r.collation ?? '', tables: Number(r.tables ?? 0) }));
}

/** Whether a path exists on the target (the file to import). */
export const pathExists: Fact<string, boolean> = {
  name: 'whether the file exists',
  script: (path) => `if [ -e ${shellQuote(path)} ]; then echo yes; else echo no; fi`,
  parse: (stdout) => stdout.trim() === 'yes',
};
