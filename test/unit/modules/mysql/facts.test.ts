// The mysql family's one fact (SQL through the target's client, answered as XML) and the parsers
// of each module's state, on output recorded from MariaDB 10.11 on the lab's db1 and db2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFact } from '../../../kit/fact-cases.js';
import { parseDatabases } from '../../../../src/modules/mysql/mysql_db/facts.js';
import { parseAccounts, parseGrants, serverInfo } from '../../../../src/modules/mysql/mysql_user/facts.js';
import { parseReplication, storedPasswordSame, masterInfoFile } from '../../../../src/modules/mysql/mysql_replication/facts.js';
import { serverQuery } from '../../../../src/modules/mysql/server-query.js';
import { parseXmlResults } from '../../../../src/modules/mysql/xml-rows.js';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const login = { config_file: '~/.my.cnf' };

describeFact(serverQuery, [
  {
    name: 'values: NULL is nil, the string NULL is a string, entities are decoded; an empty result set has no rows',
    args: { login, sql: 'SELECT 1' },
    stdout: fixture('values.xml'),
    expect: [
      { columns: ['a', 'b', 'c', 'd'], rows: [{ a: '1', b: null, c: 'x<&>"y', d: 'NULL' }] },
      { columns: [], rows: [] },
    ],
  },
  { name: 'an SQL error is the failure, without the statement echoed before it', args: { login, sql: 'x' }, rc: 1, stdout: fixture('error.txt').replace(/rc=1\n$/, ''), expect: { error: /^ERROR 1054 \(42S22\) at line 1: Unknown column 'nosuch' in 'SELECT'$/ } },
  {
    name: 'a stopped server says so',
    args: { login, sql: 'x' },
    rc: 1,
    stdout: "ERROR 2002 (HY000): Can't connect to local server through socket '/run/mysqld/mysqld.sock' (2)\n",
    expect: { error: /cannot connect to the MySQL\/MariaDB server \(is it running\?\): ERROR 2002/ },
  },
  { name: 'a refused login says which arguments to check', args: { login, sql: 'x' }, rc: 1, stdout: "ERROR 1045 (28000): Access denied for user 'cattle'@'localhost' (using password: YES)\n", expect: { error: /refused the login \(check login_user, login_password or config_file\)/ } },
]);

describeFact(storedPasswordSame, [
  { name: 'the same password', args: { file: '/var/lib/mysql/master.info', password: 'pw' }, stdout: 'same\n', expect: true },
  { name: 'another password', args: { file: '/var/lib/mysql/master.info', password: 'pw' }, stdout: 'differs\n', expect: false },
  { name: 'no master.info to read', args: { file: '/var/lib/mysql/master.info', password: 'pw' }, stdout: 'unreadable\n', expect: undefined },
]);

describe('state parsers on recorded output', () => {
  it('databases: character set, collation and table count', () => {
    expect(parseDatabases(parseXmlResults(fixture('databases.xml')))).toEqual([
      { name: 'cattle', encoding: 'utf8mb3', collation: 'utf8mb3_general_ci', tables: 1 },
      { name: 'harun_empty', encoding: 'utf8mb3', collation: 'utf8mb3_general_ci', tables: 0 },
    ]);
  });

  it("accounts: every host of the user, and the server's verdict on the password", () => {
    const { server, accounts } = parseAccounts(parseXmlResults(fixture('accounts.xml')));
    expect(server).toEqual({ version: '10.11.18-MariaDB-0+deb12u1-log', mariadb: true, binlogMonitor: true });
    expect(accounts.map((a) => [a.host, a.plugin, a.passwordMatches])).toEqual([
      ['10.213.0.%', 'mysql_native_password', false],
      ['localhost', 'mysql_native_password', false],
    ]);
  });

  it("accounts: TLS requirement and resource limits from mysql.user's own columns", () => {
    const [u11] = parseAccounts(parseXmlResults(fixture('account-settings.xml'))).accounts;
    expect(u11.passwordMatches).toBe(true);
    expect(u11.tls).toEqual({ type: 'SPECIFIED', subject: '/CN=a', issuer: '', cipher: 'ECDHE-RSA-AES256-GCM-SHA384' });
    expect(u11.limits).toEqual({ MAX_QUERIES_PER_HOUR: 0, MAX_UPDATES_PER_HOUR: 0, MAX_CONNECTIONS_PER_HOUR: 0, MAX_USER_CONNECTIONS: 3, MAX_STATEMENT_TIME: 1.5 });
  });

  it('grants: one list of lines per account', () => {
    const [cattle, repl] = parseGrants(parseXmlResults(fixture('grants.xml')));
    expect(cattle).toContain('GRANT ALL PRIVILEGES ON `cattle`.* TO `cattle`@`localhost`');
    expect(repl[0]).toMatch(/^GRANT REPLICATION SLAVE, BINLOG MONITOR ON \*\.\* TO `repl`@`10\.213\.0\.%` IDENTIFIED BY PASSWORD '\*[0-9A-F]{40}'$/);
  });

  it('replication: a replica and a primary', () => {
    const replica = parseReplication(parseXmlResults(fixture('replica.xml')));
    expect(replica.replica).toMatchObject({ Master_Host: '10.213.0.19', Master_User: 'repl', Master_Port: '3306', Using_Gtid: 'Slave_Pos' });
    expect(replica.datadir).toBe('/var/lib/mysql/');
    expect(masterInfoFile(replica.datadir)).toBe('/var/lib/mysql/master.info');
    expect(masterInfoFile(replica.datadir, 'east')).toBe('/var/lib/mysql/master-east.info');
    const primary = parseReplication(parseXmlResults(fixture('primary.xml')));
    expect(primary.replica).toBeUndefined();
    expect(primary.primary).toMatchObject({ File: 'mysql-bin.000002' });
  });

  it('server versions: BINLOG MONITOR from MariaDB 10.5.2 on', () => {
    expect(serverInfo('10.5.1-MariaDB').binlogMonitor).toBe(false);
    expect(serverInfo('10.5.2-MariaDB').binlogMonitor).toBe(true);
    expect(serverInfo('8.0.35').binlogMonitor).toBe(false);
  });
});
