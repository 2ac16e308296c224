// The mysql family's plans as tables, with facts parsed from recorded output (MariaDB 10.11 on the
// lab): each has its already-converged case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePlan } from '../../../kit/plan-cases.js';
import { parseDatabases } from '../../../../src/modules/mysql/mysql_db/facts.js';
import { mysqlDbModule } from '../../../../src/modules/mysql/mysql_db/module.js';
import type { MysqlDbFacts } from '../../../../src/modules/mysql/mysql_db/plan.js';
import { parseAccounts, parseGrants } from '../../../../src/modules/mysql/mysql_user/facts.js';
import { mysqlUserModule } from '../../../../src/modules/mysql/mysql_user/module.js';
import type { MysqlUserFacts } from '../../../../src/modules/mysql/mysql_user/plan.js';
import { parseReplication, type ReplicationFacts } from '../../../../src/modules/mysql/mysql_replication/facts.js';
import { mysqlReplicationModule } from '../../../../src/modules/mysql/mysql_replication/module.js';
import { replicationResult } from '../../../../src/modules/mysql/mysql_replication/plan.js';
import type { MysqlReplicationArgs } from '../../../../src/modules/mysql/mysql_replication/schema.js';
import { mysqlVariablesModule } from '../../../../src/modules/mysql/mysql_variables/module.js';
import { parseXmlResults } from '../../../../src/modules/mysql/xml-rows.js';

const fixture = (name: string) => parseXmlResults(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));

// mysql_db ------------------------------------------------------------------------------------
const dbs: MysqlDbFacts = { databases: parseDatabases(fixture('databases.xml')) };
const latin1: MysqlDbFacts = { databases: [{ name: 'cattle', encoding: 'latin1', collation: 'latin1_swedish_ci', tables: 0 }] };
const latin1Full: MysqlDbFacts = { databases: [{ name: 'cattle', encoding: 'latin1', collation: 'latin1_swedish_ci', tables: 12 }] };

describePlan(mysqlDbModule, [
  { name: 'converged: utf8 asked, the server says utf8mb3 (the same set)', args: { name: 'cattle', encoding: 'utf8', collation: 'utf8_general_ci' }, facts: dbs, expect: 'ok' },
  { name: 'a missing database is created with its set and collation', args: { name: ['cattle', 'other'], encoding: 'utf8' }, facts: dbs, expect: ['create database other (utf8)'] },
  { name: 'drift on an empty database is corrected', args: { name: 'cattle', encoding: 'utf8', collation: 'utf8_general_ci' }, facts: latin1, expect: ['database cattle: character set latin1 → utf8, collation latin1_swedish_ci → utf8_general_ci'] },
  { name: 'drift on a database with tables fails, saying what differs', args: { name: 'cattle', encoding: 'utf8' }, facts: latin1Full, expect: { error: /cattle has 12 table\(s\) and its character set latin1 → utf8 differs.*alter_nonempty: true/ } },
  { name: 'drift on a database with tables, alter_nonempty', args: { name: 'cattle', encoding: 'utf8', alter_nonempty: true }, facts: latin1Full, expect: ['database cattle: character set latin1 → utf8'] },
  { name: 'no encoding asked: an existing database is left alone', args: { name: 'cattle' }, facts: latin1, expect: 'ok' },
  { name: 'absent drops what exists only', args: { name: ['cattle', 'nosuch'], state: 'absent' }, facts: dbs, expect: ['drop database cattle'] },
  { name: 'absent, nothing there', args: { name: 'nosuch', state: 'absent' }, facts: dbs, expect: 'ok' },
  { name: "'all' is only for dump and import", args: { name: 'all' }, facts: dbs, expect: { error: /not allowed to equal 'all'/ } },
  { name: 'dump always acts', args: { name: 'cattle', state: 'dump', target: '/b/c.sql.gz' }, facts: dbs, expect: ['dump cattle to /b/c.sql.gz'] },
  { name: 'dump of a missing database fails', args: { name: 'nosuch', state: 'dump', target: '/b/c.sql' }, facts: dbs, expect: { error: /Cannot dump database\(s\) nosuch - not found/ } },
  { name: 'dump needs a target', args: { name: 'cattle', state: 'dump' }, facts: dbs, expect: { error: /with state=dump target is required/ } },
  { name: 'import into a new database creates it first', args: { name: 'restore', state: 'import', target: '/b/c.sql' }, facts: { ...dbs, targetExists: true }, expect: ['create database restore', 'import /b/c.sql into restore'] },
  { name: 'import of a missing file fails', args: { name: 'cattle', state: 'import', target: '/b/c.sql' }, facts: { ...dbs, targetExists: false }, expect: { error: /target \/b\/c.sql does not exist on the host/ } },
]);

describe('mysql_db ops', () => {
  it('a compressed dump keeps the dump status (no pipefail in POSIX sh); options go to mysqldump as words', () => {
    const [change] = mysqlDbModule.plan({ name: ['cattle'], state: 'dump', target: '/b/c.sql.gz', single_transaction: true }, dbs);
    const op = change.ops[0] as { command: string };
    expect(op.command).toContain('{ { client cattle --single-transaction=true --quick; echo $? >&3; } | gzip >/b/c.sql.gz; } 3>&1');
  });
  it('the result names the databases and the statements run', () => {
    const changes = mysqlDbModule.plan({ name: ['cattle', 'other'], encoding: 'utf8' }, dbs);
    expect(mysqlDbModule.result!({ name: ['cattle', 'other'], encoding: 'utf8' }, dbs, changes)).toEqual({
      db: 'cattle other',
      db_list: ['cattle', 'other'],
      executed_commands: ["CREATE DATABASE `other` CHARACTER SET 'utf8'"],
    });
  });
});

// mysql_user ----------------------------------------------------------------------------------
const { server, accounts } = parseAccounts(fixture('accounts.xml'));
const [cattleGrants, replGrants] = parseGrants(fixture('grants.xml'));
const same = accounts.map((a) => ({ ...a, passwordMatches: true }));
const cattle: MysqlUserFacts = { server, accounts: same, grants: { localhost: cattleGrants } };
const plain = { tls: { type: '' as const, subject: '', issuer: '', cipher: '' }, limits: { MAX_QUERIES_PER_HOUR: 0, MAX_USER_CONNECTIONS: 0, MAX_STATEMENT_TIME: 0 } };
const repl: MysqlUserFacts = { server, accounts: [{ host: '10.213.0.%', plugin: 'mysql_native_password', hash: '*X', passwordMatches: true, ...plain }], grants: { '10.213.0.%': replGrants } };
const [limited] = parseAccounts(fixture('account-settings.xml')).accounts;
const u11: MysqlUserFacts = { server, accounts: [limited], grants: {} };
const socketUser: MysqlUserFacts = { server, accounts: [{ host: 'localhost', plugin: 'unix_socket', hash: '', ...plain }], grants: {} };
const mysql8 = { version: '8.0.36', mariadb: false, binlogMonitor: false };
const nobody: MysqlUserFacts = { server, accounts: [], grants: {} };

describePlan(mysqlUserModule, [
  { name: 'converged: same password, same privileges', args: { name: 'cattle', password: 'pw', priv: 'cattle.*:ALL' }, facts: cattle, expect: 'ok' },
  { name: 'converged: REPLICATION CLIENT is what MariaDB shows as BINLOG MONITOR', args: { name: 'repl', host: '10.213.0.%', priv: '*.*:REPLICATION SLAVE,REPLICATION CLIENT' }, facts: repl, expect: 'ok' },
  { name: 'converged: the priv dict form', args: { name: 'cattle', priv: { 'cattle.*': 'ALL PRIVILEGES' } }, facts: cattle, expect: 'ok' },
  { name: 'a new user with privileges', args: { name: 'cattle', host: '%', password: 'pw', priv: 'cattle.*:ALL/*.*:PROCESS' }, facts: nobody, expect: ["create user 'cattle'@'%'; grant ALL PRIVILEGES on cattle.*; grant PROCESS on *.*"] },
  {
    name: 'the password differs (said without showing it)',
    args: { name: 'cattle', password: 'new' },
    facts: { ...cattle, accounts: accounts.map((a) => ({ ...a, passwordMatches: false })) },
    expect: ["set the password of 'cattle'@'localhost' (differs)"],
  },
  { name: 'update_password on_create leaves an existing password', args: { name: 'cattle', password: 'new', update_password: 'on_create' }, facts: { ...cattle, accounts }, expect: 'ok' },
  { name: 'privileges not asked are revoked', args: { name: 'cattle', priv: 'cattle.*:SELECT' }, facts: cattle, expect: ["'cattle'@'localhost': revoke ALL PRIVILEGES on cattle.*; grant SELECT on cattle.*"] },
  { name: 'append_privs only adds', args: { name: 'cattle', priv: 'other.*:SELECT', append_privs: true }, facts: cattle, expect: ["'cattle'@'localhost': grant SELECT on other.*"] },
  { name: 'converged: appending what ALL PRIVILEGES covers', args: { name: 'cattle', priv: 'cattle.*:SELECT,INSERT', append_privs: true }, facts: cattle, expect: 'ok' },
  { name: 'appending the grant option to ALL PRIVILEGES', args: { name: 'cattle', priv: 'cattle.*:SELECT,GRANT', append_privs: true }, facts: cattle, expect: ["'cattle'@'localhost': grant GRANT on cattle.*"] },
  { name: 'without append_privs another object is revoked', args: { name: 'cattle', priv: 'other.*:SELECT' }, facts: cattle, expect: ["'cattle'@'localhost': revoke ALL PRIVILEGES on cattle.*; grant SELECT on other.*"] },
  { name: 'subtract_privs revokes only what is asked and held', args: { name: 'repl', host: '10.213.0.%', priv: '*.*:REPLICATION CLIENT,PROCESS', subtract_privs: true }, facts: repl, expect: ["'repl'@'10.213.0.%': revoke BINLOG MONITOR on *.*"] },
  { name: 'grant option', args: { name: 'cattle', priv: 'cattle.*:ALL,GRANT' }, facts: cattle, expect: ["'cattle'@'localhost': grant GRANT on cattle.*"] },
  { name: 'host_all covers every existing host', args: { name: 'cattle', host_all: true, state: 'absent' }, facts: cattle, expect: ["drop user 'cattle'@'10.213.0.%'", "drop user 'cattle'@'localhost'"] },
  { name: 'host_all cannot create', args: { name: 'nobody', host_all: true }, facts: nobody, expect: { error: /host_all parameter cannot be used when adding a user/ } },
  { name: 'absent, nothing there', args: { name: 'nobody', state: 'absent' }, facts: nobody, expect: 'ok' },
  { name: 'a bad priv string', args: { name: 'cattle', priv: 'cattle:ALL' }, facts: cattle, expect: { error: /'cattle' is not 'db.table'/ } },
  { name: 'encrypted needs a hash', args: { name: 'cattle', password: 'plain', encrypted: true }, facts: cattle, expect: { error: /does not appear to be a valid hash/ } },
  // tls_requires
  { name: 'converged: the same subject and cipher, keys in any case', args: { name: 'u11', host: 'h', tls_requires: { cipher: 'ECDHE-RSA-AES256-GCM-SHA384', SUBJECT: '/CN=a' } }, facts: u11, expect: 'ok' },
  { name: 'converged: tls_requires not given leaves the requirement alone', args: { name: 'u11', host: 'h', password: 'x' }, facts: u11, expect: 'ok' },
  { name: 'converged: {} is no requirement, as the account has', args: { name: 'repl', host: '10.213.0.%', tls_requires: {} }, facts: repl, expect: 'ok' },
  { name: 'SSL asked of an account without', args: { name: 'repl', host: '10.213.0.%', tls_requires: { SSL: null } }, facts: repl, expect: ["'repl'@'10.213.0.%': require none → SSL"] },
  { name: 'X509 wins over SSL', args: { name: 'repl', host: '10.213.0.%', tls_requires: { ssl: true, x509: true } }, facts: repl, expect: [/require none → X509$/] },
  { name: 'a requirement dropped with {}', args: { name: 'u11', host: 'h', tls_requires: {} }, facts: u11, expect: ["'u11'@'h': require SUBJECT '/CN=a' AND CIPHER 'ECDHE-RSA-AES256-GCM-SHA384' → none"] },
  { name: 'a new account with its requirement and limits', args: { name: 'new', host: '%', password: 'pw', tls_requires: { SSL: '' }, resource_limits: { MAX_USER_CONNECTIONS: 5 } }, facts: nobody, expect: ["create user 'new'@'%' (REQUIRE SSL; MAX_USER_CONNECTIONS 5)"] },
  // resource_limits
  { name: 'converged: the same limits (a decimal statement time too)', args: { name: 'u11', host: 'h', resource_limits: { MAX_USER_CONNECTIONS: 3, MAX_STATEMENT_TIME: 1.5 } }, facts: u11, expect: 'ok' },
  { name: 'only the limits that differ are changed', args: { name: 'u11', host: 'h', resource_limits: { MAX_USER_CONNECTIONS: 3, MAX_QUERIES_PER_HOUR: 100 } }, facts: u11, expect: ["'u11'@'h': MAX_QUERIES_PER_HOUR 0 → 100"] },
  { name: 'MAX_STATEMENT_TIME is refused on MySQL', args: { name: 'repl', host: '10.213.0.%', resource_limits: { MAX_STATEMENT_TIME: 1 } }, facts: { ...repl, server: mysql8 }, expect: { error: /only supported by MariaDB/ } },
  // plugin
  { name: 'converged: the plugin it has', args: { name: 'sock', plugin: 'unix_socket' }, facts: socketUser, expect: 'ok' },
  { name: 'converged: a native auth string the server says matches', args: { name: 'repl', host: '10.213.0.%', plugin: 'mysql_native_password', plugin_auth_string: 'pw' }, facts: repl, expect: 'ok' },
  { name: 'converged: the stored hash asked', args: { name: 'repl', host: '10.213.0.%', plugin: 'mysql_native_password', plugin_hash_string: '*X' }, facts: repl, expect: 'ok' },
  { name: 'another plugin', args: { name: 'sock', plugin: 'ed25519', plugin_auth_string: 's3cret' }, facts: socketUser, expect: ["set the authentication of 'sock'@'localhost': plugin unix_socket → ed25519"] },
  { name: 'another hash', args: { name: 'repl', host: '10.213.0.%', plugin: 'mysql_native_password', plugin_hash_string: '*Y' }, facts: repl, expect: [/authentication string differs$/] },
  { name: 'a PAM service is compared as text', args: { name: 'sock', plugin: 'unix_socket', plugin_auth_string: 'other' }, facts: socketUser, expect: [/authentication string differs$/] },
  { name: 'on_create leaves the plugin of an existing account', args: { name: 'sock', plugin: 'ed25519', update_password: 'on_create' }, facts: socketUser, expect: 'ok' },
  { name: 'a new account by plugin', args: { name: 'new', plugin: 'unix_socket' }, facts: nobody, expect: ["create user 'new'@'localhost' (plugin unix_socket)"] },
  // column_case_sensitive
  { name: 'converged: column names differ only in case', args: { name: 'cattle', priv: 'cattle.*:ALL/cattle.setting:SELECT (Name, value)', append_privs: true }, facts: { ...cattle, grants: { localhost: [...cattleGrants, 'GRANT SELECT (`NAME`, `VALUE`) ON `cattle`.`setting` TO `cattle`@`localhost`'] } }, expect: 'ok' },
  { name: 'column_case_sensitive compares them as written', args: { name: 'cattle', priv: 'cattle.setting:SELECT (Name)', append_privs: true, column_case_sensitive: true }, facts: { ...cattle, grants: { localhost: ['GRANT SELECT (`NAME`) ON `cattle`.`setting` TO `cattle`@`localhost`'] } }, expect: ["'cattle'@'localhost': grant SELECT (Name) on cattle.setting"] },
]);

describe('mysql_user ops and result', () => {
  it('the password only travels in the SQL on stdin, quoted', () => {
    const [change] = mysqlUserModule.plan({ name: 'cattle', host: '%', password: "it's" }, nobody);
    const op = change.ops[0] as { command: string; stdin: Buffer };
    expect(op.command).not.toContain("it's");
    expect(op.stdin.toString()).toContain("CREATE USER 'cattle'@'%' IDENTIFIED BY 'it\\'s';");
  });
  it('on_new_username gives a new host the password the user has elsewhere', () => {
    const [change] = mysqlUserModule.plan({ name: 'cattle', host: '10.0.0.%', password: 'ignored', update_password: 'on_new_username' }, cattle);
    expect((change.ops[0] as { stdin: Buffer }).stdin.toString()).toMatch(/IDENTIFIED BY PASSWORD '\*[0-9A-F]{40}'/);
  });
  it('MariaDB: a plugin secret goes through PASSWORD(), a PAM service as it is; MySQL: BY and AS', () => {
    const sql = (args: Record<string, unknown>, facts: MysqlUserFacts) => (mysqlUserModule.plan(args, facts)[0].ops[0] as { stdin: Buffer }).stdin.toString();
    expect(sql({ name: 'sock', plugin: 'ed25519', plugin_auth_string: 's3cret' }, socketUser)).toContain("ALTER USER 'sock'@'localhost' IDENTIFIED VIA ed25519 USING PASSWORD('s3cret');");
    expect(sql({ name: 'new', plugin: 'pam', plugin_auth_string: 'mariadb' }, nobody)).toContain("CREATE USER 'new'@'localhost' IDENTIFIED VIA pam USING 'mariadb';");
    expect(sql({ name: 'new', plugin: 'caching_sha2_password', plugin_auth_string: 'pw' }, { ...nobody, server: mysql8 })).toContain('IDENTIFIED WITH caching_sha2_password BY');
    expect(sql({ name: 'new', plugin: 'caching_sha2_password', plugin_hash_string: '$A$005$x' }, { ...nobody, server: mysql8 })).toContain("IDENTIFIED WITH caching_sha2_password AS '$A$005$x'");
  });
  it('a new account gets REQUIRE and WITH in its CREATE USER; session_vars come first', () => {
    const [change] = mysqlUserModule.plan({ name: 'new', host: '%', password: 'pw', tls_requires: { subject: "/CN=it's" }, resource_limits: { MAX_USER_CONNECTIONS: 5 }, session_vars: { wait_timeout: 30, sql_mode: 'ANSI' } }, nobody);
    expect((change.ops[0] as { stdin: Buffer }).stdin.toString()).toContain(
      "SET SESSION `wait_timeout` = 30;\nSET SESSION `sql_mode` = 'ANSI';\nCREATE USER 'new'@'%' IDENTIFIED BY 'pw' REQUIRE SUBJECT '/CN=it\\'s' WITH MAX_USER_CONNECTIONS 5;",
    );
  });
  it("returns user, msg and password_changed as community.mysql does", () => {
    expect(mysqlUserModule.result!({ name: 'cattle' }, cattle, [])).toEqual({ user: 'cattle', msg: 'User unchanged', password_changed: false });
  });
});

// mysql_replication ---------------------------------------------------------------------------
const replicaFacts: ReplicationFacts = { ...parseReplication(fixture('replica.xml')), passwordSame: true };
const primaryFacts: ReplicationFacts = parseReplication(fixture('primary.xml'));
const running = (io: string, sql: string): ReplicationFacts => ({ ...replicaFacts, replica: { ...replicaFacts.replica!, Slave_IO_Running: io, Slave_SQL_Running: sql } });
const source: MysqlReplicationArgs = { mode: 'changeprimary', primary_host: '10.213.0.19', primary_user: 'repl', primary_password: 'pw', primary_use_gtid: 'slave_pos' };

describePlan(mysqlReplicationModule, [
  { name: 'converged: changeprimary with what the replica already has', args: source, facts: replicaFacts, expect: 'ok' },
  { name: 'converged: the old master_* names and the replica_pos spelling', args: { mode: 'changemaster', master_host: '10.213.0.19', master_user: 'repl', master_password: 'pw', master_use_gtid: 'replica_pos' }, facts: replicaFacts, expect: 'ok' },
  { name: 'another primary', args: { ...source, primary_host: '10.213.0.30' }, facts: running('Yes', 'Yes'), expect: ["change the replica's source: Master_Host 10.213.0.19 → 10.213.0.30 (replica stopped for the change and started again)"] },
  { name: 'another password', args: source, facts: { ...running('No', 'No'), passwordSame: false }, expect: ["change the replica's source: password (differs)"] },
  { name: 'a position is only for a new source: an established replica keeps its own', args: { ...source, primary_log_file: 'mysql-bin.000001', primary_log_pos: 4 }, facts: replicaFacts, expect: 'ok' },
  { name: 'not a replica yet', args: { ...source, primary_log_file: 'mysql-bin.000001', primary_log_pos: 4 }, facts: { ...primaryFacts, passwordSame: undefined }, expect: [/Master_Host \(none\) → 10.213.0.19, Master_User \(none\) → repl, Using_Gtid \(none\) → Slave_Pos, password \(not set yet\), Master_Log_File \(none\) → mysql-bin.000001, Read_Master_Log_Pos \(none\) → 4$/] },
  { name: 'startreplica on a running replica', args: { mode: 'startreplica' }, facts: running('Yes', 'Yes'), expect: 'ok' },
  { name: 'startreplica while the I/O thread is connecting counts it as running', args: { mode: 'startslave' }, facts: running('Connecting', 'No'), expect: ['start the replica (SQL thread not running)'] },
  { name: 'startreplica on a stopped replica', args: { mode: 'startreplica' }, facts: running('No', 'No'), expect: ['start the replica (I/O thread and SQL thread not running)'] },
  { name: 'startreplica on a server that is no replica', args: { mode: 'startreplica' }, facts: primaryFacts, expect: 'ok' },
  { name: 'stopreplica on a stopped replica', args: { mode: 'stopreplica' }, facts: running('No', 'No'), expect: 'ok' },
  { name: 'stopreplica on a running replica', args: { mode: 'stopslave' }, facts: running('Yes', 'Yes'), expect: ['stop the replica (I/O thread and SQL thread running)'] },
  { name: 'resetreplicaall on a replica', args: { mode: 'resetreplicaall' }, facts: replicaFacts, expect: [/RESET SLAVE ALL/] },
  { name: 'resetreplica on no replica', args: { mode: 'resetreplica' }, facts: primaryFacts, expect: 'ok' },
  { name: 'getreplica reads only', args: { mode: 'getreplica' }, facts: replicaFacts, expect: 'ok' },
]);

describe('mysql_replication results', () => {
  it('getreplica returns the status columns (numbers as numbers) and Is_Replica', () => {
    const r = replicationResult({ mode: 'getslave' }, replicaFacts, []);
    expect(r).toMatchObject({ Is_Replica: true, Master_Host: '10.213.0.19', Master_Port: 3306, Master_User: 'repl', Master_Log_File: 'mysql-bin.000001', queries: [] });
    expect(replicationResult({ mode: 'getreplica' }, primaryFacts, [])).toEqual({ Is_Replica: false, msg: 'Server is not configured as mysql replica', queries: [] });
  });
  it('getprimary returns File and Position', () => {
    expect(replicationResult({ mode: 'getprimary' }, primaryFacts, [])).toMatchObject({ Is_Primary: true, File: 'mysql-bin.000002', Position: expect.any(Number) });
  });
  it('a CHANGE MASTER carries the password on stdin only', () => {
    const [change] = mysqlReplicationModule.plan({ ...source, primary_password: 's3cret' }, { ...replicaFacts, passwordSame: false });
    expect((change.ops[0] as { command: string }).command).not.toContain('s3cret');
    expect(change.summary).not.toContain('s3cret');
    expect((change.ops[0] as { stdin: Buffer }).stdin.toString()).toContain("MASTER_PASSWORD='s3cret'");
  });
});

// mysql_variables -----------------------------------------------------------------------------
const packet = { version: '10.11.18-MariaDB', value: fixture('variable.xml')[1].rows[0].Value ?? '' };

describePlan(mysqlVariablesModule, [
  { name: 'converged: 16M is the 16777216 the server shows', args: { variable: 'max_allowed_packet', value: '16M' }, facts: packet, expect: 'ok' },
  { name: 'converged: ON is 1', args: { variable: 'log_bin', value: 'ON' }, facts: { version: '10.11', value: 'ON' }, expect: 'ok' },
  { name: 'a different value', args: { variable: 'max_allowed_packet', value: '64M' }, facts: packet, expect: ['max_allowed_packet: 16777216 → 64M'] },
  { name: 'no value: only read', args: { variable: 'max_allowed_packet' }, facts: packet, expect: 'ok' },
  { name: 'an unknown variable', args: { variable: 'nosuch', value: '1' }, facts: { version: '10.11' }, expect: { error: /Variable not available "nosuch"/ } },
  { name: 'persist needs MySQL 8', args: { variable: 'max_connections', value: '250', mode: 'persist' }, facts: { version: '10.11.18-MariaDB', value: '151' }, expect: { error: /8.0 or greater/ } },
]);
