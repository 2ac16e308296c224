// What mysql_user reads, in two batches: the server and the user's accounts (with whether the
// password matches, judged by the server: the password goes there on stdin and only a yes/no comes
// back), then SHOW GRANTS of the accounts that exist.
import { sqlAccount, sqlString } from '../sql-quote.js';
import type { ResultSet, Row } from '../xml-rows.js';
import { limitsOf, type Limits } from './limits.js';
import { tlsOf, type Tls } from './tls.js';

export interface Account {
  host: string;
  plugin: string;
  /** The asked password gives the stored hash (undefined when no password was asked). */
  passwordMatches?: boolean;
  /** The stored authentication string (a hash for mysql_native_password), also lent to a new host (on_new_username). */
  hash: string;
  tls: Tls;
  limits: Limits;
}

export interface ServerInfo {
  version: string;
  mariadb: boolean;
  /** MariaDB 10.5.2+ shows REPLICATION CLIENT as BINLOG MONITOR. */
  binlogMonitor: boolean;
}

/** mysql_native_password's hash of a password, computed by the server (works on MariaDB and MySQL). */
export function passwordHashSql(password: string, encrypted: boolean): string {
  return encrypted ? sqlString(password) : `CONCAT('*', UPPER(SHA1(UNHEX(SHA1(${sqlString(password)})))))`;
}

/**
 * The server's version, and every row of mysql.user for the user (all columns: MariaDB has
 * max_statement_time, MySQL does not), with whether `password` gives the stored hash.
 */
export function accountsSql(user: string, password: string | undefined, encrypted: boolean): string {
  const matches = password === undefined ? 'NULL' : `(authentication_string = ${passwordHashSql(password, encrypted)})`;
  return 'SELECT VERSION() AS version;\n' + `SELECT *, ${matches} AS password_matches FROM mysql.user WHERE User = ${sqlString(user)} ORDER BY Host;\n`;
}

export function serverInfo(version: string): ServerInfo {
  const mariadb = /mariadb/i.test(version);
  const [major, minor, patch] = version.split(/[.-]/).map(Number);
  const atLeast = (a: number, b: number, c: number) => major > a || (major === a && (minor > b || (minor === b && patch >= c)));
  return { version, mariadb, binlogMonitor: mariadb && atLeast(10, 5, 2) };
}

export function parseAccounts(sets: ResultSet[]): { server: ServerInfo; accounts: Account[] } {
  const version = sets[0]?.rows[0]?.version ?? '';
  return { server: serverInfo(version), accounts: (sets[1]?.rows ?? []).map(accountOf) };
}

function accountOf(r: Row): Account {
  return {
    host: r.Host ?? '',
    plugin: r.plugin ?? '',
    hash: r.authentication_string ?? '',
    tls: tlsOf(r),
    limits: limitsOf(r),
    ...(r.password_matches === null || r.password_matches === undefined ? {} : { passwordMatches: r.password_matches === '1' }),
  };
}

export function grantsSql(user: string, hosts: string[]): string {
  return hosts.map((h) => `SHOW GRANTS FOR ${sqlAccount(user, h)};\n`).join('');
}

/** One list of GRANT lines per account, in the order asked. */
export function parseGrants(sets: ResultSet[]): string[][] {
  return sets.map((s) => s.rows.map((r) => Object.values(r)[0] ?? ''));
}
