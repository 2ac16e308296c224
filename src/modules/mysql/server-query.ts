// The one fact of the mysql family: SQL run by the target's client, answered as result sets. Each
// module asks everything it needs in one SQL batch, so one round trip reads its whole state.
import { ModuleFailure } from '../failure.js';
import type { Fact } from '../kit/fact.js';
import { CLIENT_REQUIRES, clientInput, mysqlScript } from './client.js';
import type { LoginArgs } from './login.js';
import { parseXmlResults, type ResultSet } from './xml-rows.js';

export interface ServerQuery {
  login: LoginArgs;
  sql: string;
}

/** The client's own words for a failure: its ERROR lines, else whatever it printed. */
export function clientError(output: string): string {
  const errors = output.split('\n').filter((l) => /^(ERROR|mysql|mariadb|mysqldump|mariadb-dump)\b/.test(l.trim()));
  return (errors.length ? errors : output.split('\n').filter((l) => l.trim() && !l.startsWith('<'))).join('\n').trim();
}

/** A failure that says what to do: a server that does not answer, or a login that was refused. */
export function serverFailure(output: string, rc: number): ModuleFailure {
  const said = clientError(output) || `the client exited with status ${rc}`;
  if (/ERROR 200[2-5]\b|Can't connect/.test(said)) {
    return new ModuleFailure(`cannot connect to the MySQL/MariaDB server (is it running?): ${said}`);
  }
  if (/ERROR 1045\b|ERROR 1698\b/.test(said)) {
    return new ModuleFailure(`the MySQL/MariaDB server refused the login (check login_user, login_password or config_file): ${said}`);
  }
  return new ModuleFailure(said);
}

export const serverQuery: Fact<ServerQuery, ResultSet[]> = {
  name: 'the MySQL/MariaDB server (mysql client)',
  requires: [CLIENT_REQUIRES.mysql],
  script: (q) => mysqlScript(q.login, clientInput(q.login, q.sql).optionBytes),
  input: (q) => clientInput(q.login, q.sql).input,
  parse: (stdout, _q, rc) => {
    if (rc !== 0) throw serverFailure(stdout, rc);
    return parseXmlResults(stdout);
  },
};
