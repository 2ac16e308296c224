// SQL run now, for the action modules (mysql_query, mysql_info): the same client script as facts and
// ops, with the client's absence and the server's errors turned into clear task failures.
import { shellQuote } from '../../connection/quote.js';
import type { Connection } from '../../connection/types.js';
import { ModuleFailure } from '../failure.js';
import { clientInput, mysqlScript } from './client.js';
import type { LoginArgs } from './login.js';
import { serverFailure } from './server-query.js';
import { parseXmlResults, type ResultSet } from './xml-rows.js';

const MISSING = 'ha-run: no mysql client';

export async function runSql(conn: Connection, login: LoginArgs, sql: string, database?: string): Promise<ResultSet[]> {
  const { input, optionBytes } = clientInput(login, sql);
  const check = `if ! command -v mysql >/dev/null 2>&1 && ! command -v mariadb >/dev/null 2>&1; then echo '${MISSING}'; exit 127; fi`;
  const script = `${check}\n${mysqlScript(login, optionBytes, database === undefined ? [] : [shellQuote(`--database=${database}`)])}`;
  const r = await conn.exec(script, { stdin: input });
  if (r.rc === 127 && r.stdout.includes(MISSING)) throw new ModuleFailure(`mysql (or mariadb) is missing on ${conn.host}: the MySQL/MariaDB client is needed (Debian: apt install mariadb-client)`);
  if (r.rc !== 0) throw serverFailure(r.stdout, r.rc);
  return parseXmlResults(r.stdout);
}
