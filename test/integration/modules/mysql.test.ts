// The mysql family against MariaDB from Debian on db1 (primary) and db2 (replica): the playbook
// converges and re-runs with changed=0; no password is ever in the targets' process list; drift,
// thread state, a stopped server and a missing client are reported as they should be.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../executor/cli.js';
import { runTwice } from '../support/run-twice.js';
import { labExec, labHostInfo, testLab } from '../support/lab.js';

const dir = join(import.meta.dirname, 'fixtures/mysql');
const play = (file: string, ...extra: string[]) => [join(dir, file), '-i', testLab().inventory, ...extra];
const adhoc = (host: string, module: string, args: string, ...extra: string[]) => runCli(['adhoc', host, '-i', testLab().inventory, '-m', module, '-a', args, ...extra]);
const sql = async (host: string, query: string) => (await labExec(host, `mysql -N -B -e ${JSON.stringify(query)}`)).stdout;
const PASSWORDS = ['harun-Repl-7c41f0', 'Ca\'ttle "pw" #1'];
/** The lab network as converge.yml derives it from db1's address (`a.b.c.%`); each lab has its own subnet. */
const labNetwork = () => `${labHostInfo('db1').address.split('.').slice(0, 3).join('.')}.%`;

/** Records every command line on the host until stop() is called (ps every 50 ms). */
function watchProcesses(host: string): { stop(): Promise<string> } {
  const log = '/tmp/harun-test-ps.log';
  const stopFile = '/tmp/harun-test-ps.stop';
  const watching = labExec(host, `rm -f ${log} ${stopFile}; while [ ! -e ${stopFile} ]; do ps -eo args >>${log}; sleep 0.05; done; sort -u ${log}; rm -f ${log} ${stopFile}`);
  return {
    async stop() {
      await labExec(host, `touch ${stopFile}`);
      return (await watching).stdout;
    },
  };
}

describe('mysql family on MariaDB (db1 primary, db2 replica)', () => {
  beforeAll(async () => {
    const r = await runCli(play('cleanup.yml'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
  }, 120_000);

  it('sets up a primary and a replica, a database, users and a backup, twice; no password in ps', async () => {
    const watchers = [watchProcesses('db1'), watchProcesses('db2')];
    let seen = '';
    let runs;
    try {
      runs = await runTwice(play('converge.yml'));
    } finally {
      // Stopped whatever happened: the watchers would go on forever on the hosts.
      seen = (await Promise.all(watchers.map((w) => w.stop()))).join('\n');
    }
    const { first } = runs;
    expect(first.stdout).toContain(`create user 'repl'@'${labNetwork()}'`);
    expect(first.stdout).toMatch(/change the replica's source: Master_Host \(none\) → [\d.]+, Master_User \(none\) → repl, Using_Gtid \(none\) → Slave_Pos, password \(not set yet\)/);
    expect(first.stdout).toContain('start the replica (I/O thread and SQL thread not running)');
    expect(first.stdout).toContain('create database cattle (utf8, utf8_general_ci)');
    // The client really ran while we watched, and no password was on any command line.
    expect(seen).toMatch(/--defaults-file=/);
    for (const p of PASSWORDS) expect(seen).not.toContain(p);
    expect(seen.split('\n').filter((l) => /mysql|mariadb/.test(l) && /\s(--password|-p)\S/.test(l))).toEqual([]);

    expect(await sql('db1', 'SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = "cattle"')).toBe('utf8mb3\tutf8mb3_general_ci\n');
    expect(await sql('db2', 'SHOW SLAVE STATUS')).toMatch(/\tYes\tYes\t/);
    expect(await sql('db2', 'SELECT value FROM cattle_restore.setting')).toBe('http://rancher.example\n');
    expect(await sql('db1', `SHOW GRANTS FOR 'repl'@'${labNetwork()}'`)).toContain('GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.*');
  }, 240_000);

  it('startreplica and stopreplica change only when a thread changes state', async () => {
    const stop1 = await adhoc('db2', 'mysql_replication', 'mode=stopreplica');
    expect(stop1.stdout).toMatch(/CHANGED[\s\S]*stop the replica \(I\/O thread and SQL thread running\)/);
    expect((await adhoc('db2', 'mysql_replication', 'mode=stopslave')).stdout).toMatch(/SUCCESS[\s\S]*"msg": "Replica already stopped"/);
    expect((await adhoc('db2', 'community.mysql.mysql_replication', 'mode=startreplica')).stdout).toMatch(/CHANGED[\s\S]*"msg": "Replica started /);
    expect((await adhoc('db2', 'mysql_replication', 'mode=startreplica')).stdout).toMatch(/SUCCESS/);
  }, 60_000);

  it('corrects the character set of an empty database, and refuses to for one with tables unless told', async () => {
    await labExec('db1', 'mysql -e "CREATE DATABASE harun_empty CHARACTER SET latin1; CREATE DATABASE harun_full CHARACTER SET latin1; CREATE TABLE harun_full.t (a INT)"');
    const fixed = await adhoc('db1', 'mysql_db', 'name=harun_empty encoding=utf8 collation=utf8_general_ci');
    expect(fixed.stdout).toContain('database harun_empty: character set latin1 → utf8, collation latin1_swedish_ci → utf8_general_ci');
    expect((await adhoc('db1', 'mysql_db', 'name=harun_empty encoding=utf8 collation=utf8_general_ci')).stdout).toContain('SUCCESS');
    const refused = await adhoc('db1', 'mysql_db', 'name=harun_full encoding=utf8');
    expect(refused.stdout).toMatch(/FAILED[\s\S]*harun_full has 1 table\(s\) and its character set latin1 → utf8 differs[\s\S]*alter_nonempty/);
    const check = await adhoc('db1', 'mysql_db', 'name=harun_full encoding=utf8 alter_nonempty=true', '--check');
    expect(check.stdout).toContain('CHANGED');
    expect(await sql('db1', 'SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = "harun_full"')).toBe('latin1\n');
    expect((await adhoc('db1', 'mysql_db', 'name=harun_full encoding=utf8 alter_nonempty=true')).stdout).toContain('CHANGED');
    expect(await sql('db1', 'SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = "harun_full"')).toBe('utf8mb3\n');
  }, 60_000);

  it('account settings (TLS, limits, plugins, session variables): check mode, then twice, then a change with its reason', async () => {
    const cleanup = async () => expect((await runCli(play('user-settings-cleanup.yml'))).code).toBe(0);
    await cleanup();
    try {
      const check = await runCli(play('user-settings.yml', '--check'));
      expect(check.code, check.stdout).toBe(0);
      expect(check.stdout).toContain("create user 'harun_tls'@'%' (REQUIRE SSL; MAX_USER_CONNECTIONS 4, MAX_QUERIES_PER_HOUR 1000, MAX_STATEMENT_TIME 2.5)");
      expect(check.stdout).toContain("create user 'harun_sock'@'localhost' (plugin unix_socket)");
      expect(await sql('db1', "SELECT COUNT(*) FROM mysql.user WHERE User LIKE 'harun\\_%'")).toBe('0\n');

      const { first } = await runTwice(play('user-settings.yml'));
      expect(first.stdout).toContain("create user 'harun_cert'@'192.0.2.%' (REQUIRE SUBJECT '/CN=rancher' AND ISSUER '/CN=Lab CA')");
      expect(first.stdout).not.toContain('harun-Native-pw');
      const created = await sql('db1', "SHOW CREATE USER 'harun_tls'@'%'");
      expect(created).toContain('REQUIRE SSL WITH MAX_QUERIES_PER_HOUR 1000 MAX_USER_CONNECTIONS 4 MAX_STATEMENT_TIME 2.500000');
      expect(await sql('db1', "SHOW CREATE USER 'harun_sock'@'localhost'")).toContain('IDENTIFIED VIA unix_socket');
      // The plugin's secret is the account's password: the server lets it in with it.
      expect((await labExec('db1', 'MYSQL_PWD=harun-Native-pw mysql -u harun_native -N -e "SELECT CURRENT_USER()"')).stdout).toBe('harun_native@localhost\n');

      const dropped = await adhoc('db1', 'mysql_user', 'name=harun_tls host=% tls_requires={} resource_limits={"MAX_USER_CONNECTIONS":0}');
      expect(dropped.stdout).toMatch(/CHANGED[\s\S]*require SSL → none[\s\S]*MAX_USER_CONNECTIONS 4 → 0/);
      expect(await sql('db1', "SHOW CREATE USER 'harun_tls'@'%'")).not.toContain('REQUIRE');
    } finally {
      await cleanup();
    }
  }, 120_000);

  it('names a missing client and a stopped server', async () => {
    const missing = await adhoc('node1', 'mysql_db', 'name=cattle');
    expect(missing.stdout).toMatch(/mysql or mariadb is missing on node1/);
    // The socket unit too: Debian enables mariadb.socket, which would start the server again on the first connection.
    await labExec('db1', 'systemctl stop mariadb.socket mariadb.service');
    try {
      const stopped = await adhoc('db1', 'mysql_user', 'name=cattle password=x');
      expect(stopped.stdout).toMatch(/cannot connect to the MySQL\/MariaDB server \(is it running\?\): ERROR 2002/);
      expect(stopped.stdout).not.toContain('"password=x"');
    } finally {
      await labExec('db1', 'systemctl start mariadb.socket mariadb.service');
    }
  }, 60_000);
});
