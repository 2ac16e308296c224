// mysql_user's pure plan: create or drop the account, set its password when the server says it
// differs, and bring its privileges to what priv asks (grant what is missing, revoke what is not
// asked unless append_privs). Each change says what it does; passwords never appear in a summary.
import { ModuleFailure } from '../../failure.js';
import type { Change } from '../../types.js';
import { sqlOp } from '../client.js';
import { loginOf } from '../login.js';
import { sessionVarsSql } from '../session-vars.js';
import { sqlAccount } from '../sql-quote.js';
import { identifiedSql, passwordSql, pluginDifference, pluginSql } from './auth.js';
import type { Account, ServerInfo } from './facts.js';
import { describeLimits, limitsSql, limitsToChange, type Limits } from './limits.js';
import { effective, objectSql, parsePrivArg, parseShowGrants, privilegeSql, PrivilegeSyntaxError, upperColumns, type Privileges } from './privs.js';
import type { MysqlUserArgs } from './schema.js';
import { describeTls, sameTls, tlsSql, wantedTls } from './tls.js';

export interface MysqlUserFacts {
  server: ServerInfo;
  /** Every host the user name exists for. */
  accounts: Account[];
  /** SHOW GRANTS per host, for the hosts the task is about that exist. */
  grants: Record<string, string[]>;
}

/** What a change did, for the result's msg and password_changed. */
export interface UserChange extends Change {
  what: 'added' | 'deleted' | 'password' | 'privileges' | 'tls' | 'limits';
}

export function userName(args: MysqlUserArgs): string {
  return (args.name ?? args.user)!;
}

/** The hosts the task is about: the one asked, or every existing one with host_all. */
export function targetHosts(args: MysqlUserArgs, accounts: Account[]): string[] {
  if (args.host_all) return accounts.map((a) => a.host);
  return [args.host ?? 'localhost'];
}

function isHash(text: string): boolean {
  return /^\*[0-9A-Fa-f]{40}$/.test(text);
}

function wantedPrivileges(args: MysqlUserArgs, server: ServerInfo): Privileges | undefined {
  if (args.priv === undefined) return undefined;
  try {
    const privs = parsePrivArg(args.priv, server.binlogMonitor);
    if (!args.subtract_privs && !privs.has('*.*')) privs.set('*.*', new Set(['USAGE']));
    return args.column_case_sensitive ? privs : upperColumns(privs);
  } catch (err) {
    if (err instanceof PrivilegeSyntaxError) throw new ModuleFailure(err.message);
    throw err;
  }
}

/** GRANT statements for privileges on one object; GRANT (the option) becomes WITH GRANT OPTION. */
function grantSql(object: string, privs: Set<string>, account: string): string {
  const plain = [...privs].filter((p) => p !== 'GRANT');
  const list = plain.length ? plain.map(privilegeSql).join(', ') : 'USAGE';
  return `GRANT ${list} ON ${objectSql(object)} TO ${account}${privs.has('GRANT') ? ' WITH GRANT OPTION' : ''}`;
}

function revokeSql(object: string, privs: Set<string>, account: string): string[] {
  const plain = [...privs].filter((p) => p !== 'GRANT');
  const statements = plain.length ? [`REVOKE ${plain.map(privilegeSql).join(', ')} ON ${objectSql(object)} FROM ${account}`] : [];
  if (privs.has('GRANT')) statements.push(`REVOKE GRANT OPTION ON ${objectSql(object)} FROM ${account}`);
  return statements;
}

/** The statements that take `have` to `want` for one account, and a phrase for each. */
export function privilegeStatements(args: MysqlUserArgs, want: Privileges, have: Privileges, account: string): { sql: string[]; said: string[] } {
  const sql: string[] = [];
  const said: string[] = [];
  if (!args.append_privs && !args.subtract_privs) {
    for (const [object, set] of have) {
      const current = effective(set);
      if (want.has(object) || current.size === 0) continue;
      sql.push(...revokeSql(object, current, account));
      said.push(`revoke ${[...current].join(', ')} on ${object}`);
    }
  }
  for (const [object, set] of want) {
    const wanted = effective(set);
    const current = effective(have.get(object));
    let grant = new Set([...wanted].filter((p) => !current.has(p)));
    let revoke = new Set([...current].filter((p) => !wanted.has(p)));
    if (args.append_privs) revoke = new Set();
    if (args.subtract_privs) {
      revoke = new Set([...wanted].filter((p) => current.has(p)));
      grant = new Set();
    }
    // ALL PRIVILEGES covers every other privilege: revoking them first would only make noise.
    if (grant.has('ALL PRIVILEGES')) revoke = new Set([...revoke].filter((p) => p === 'GRANT'));
    // Appending what ALL PRIVILEGES already covers would grant nothing new, on every run.
    if (args.append_privs && current.has('ALL PRIVILEGES')) grant = new Set([...grant].filter((p) => p === 'GRANT'));
    if (revoke.size) {
      sql.push(...revokeSql(object, revoke, account));
      said.push(`revoke ${[...revoke].join(', ')} on ${object}`);
    }
    if (grant.size) {
      sql.push(grantSql(object, grant, account));
      said.push(`grant ${[...grant].join(', ')} on ${object}`);
    }
  }
  return { sql, said };
}

function prefix(args: MysqlUserArgs): string {
  return (args.sql_log_bin === false ? 'SET SQL_LOG_BIN=0;\n' : '') + sessionVarsSql(args.session_vars);
}

function change(args: MysqlUserArgs, what: UserChange['what'], summary: string, sql: string[]): UserChange {
  return { what, summary, ops: [sqlOp(loginOf(args), `${prefix(args)}${sql.map((s) => `${s};\n`).join('')}`)] };
}

/** The MariaDB-only limit on MySQL is refused as community.mysql refuses it. */
function wantedLimits(args: MysqlUserArgs, server: ServerInfo): Limits | undefined {
  if (args.resource_limits === undefined) return undefined;
  if (!server.mariadb && 'MAX_STATEMENT_TIME' in args.resource_limits) throw new ModuleFailure('MAX_STATEMENT_TIME resource limit is only supported by MariaDB.');
  return args.resource_limits as Limits;
}

/** CREATE USER with everything asked, then its grants: one change. */
function createChange(args: MysqlUserArgs, facts: MysqlUserFacts, host: string, want: Privileges | undefined, limits: Limits | undefined): UserChange {
  const user = userName(args);
  const account = sqlAccount(user, host);
  // on_new_username: another host of the same user lends its authentication.
  const lent = args.update_password === 'on_new_username' ? facts.accounts.find((a) => a.hash !== '') : undefined;
  const tls = wantedTls(args.tls_requires);
  const newLimits = limits ? limitsToChange(limits, undefined) : {};
  const settings = [
    lent === undefined && args.password === undefined && args.plugin !== undefined ? `plugin ${args.plugin}` : '',
    tls && tls.type !== '' ? `REQUIRE ${tlsSql(tls)}` : '',
    Object.keys(newLimits).length ? describeLimits(newLimits, undefined).replace(/ 0 → /g, ' ') : '',
  ].filter(Boolean);
  const require = tls && tls.type !== '' ? ` REQUIRE ${tlsSql(tls)}` : '';
  const withLimits = Object.keys(newLimits).length ? ` WITH ${limitsSql(newLimits)}` : '';
  const sql = [`CREATE USER ${account}${identifiedSql(args, facts.server, lent)}${require}${withLimits}`];
  const privs = want && !args.subtract_privs ? privilegeStatements(args, want, new Map(), account) : { sql: [], said: [] };
  sql.push(...privs.sql);
  const said = [`create user '${user}'@'${host}'${settings.length ? ` (${settings.join('; ')})` : ''}`, ...privs.said];
  return change(args, 'added', said.join('; '), sql);
}

/** What differs on an existing account: password or plugin, privileges, TLS, limits; a change each. */
function alterChanges(args: MysqlUserArgs, facts: MysqlUserFacts, existing: Account, want: Privileges | undefined, limits: Limits | undefined): UserChange[] {
  const user = userName(args);
  const host = existing.host;
  const account = sqlAccount(user, host);
  const shown = `'${user}'@'${host}'`;
  const changes: UserChange[] = [];
  const updating = (args.update_password ?? 'always') === 'always';
  if (updating && args.password !== undefined && args.password !== '' && existing.passwordMatches !== true) {
    const why = existing.plugin && existing.plugin !== 'mysql_native_password' ? ` (authenticated by ${existing.plugin} until now)` : ' (differs)';
    changes.push(change(args, 'password', `set the password of ${shown}${why}`, [`ALTER USER ${account}${passwordSql(args, facts.server)}`]));
  }
  const pluginWhy = updating ? pluginDifference(args, existing) : undefined;
  if (pluginWhy) changes.push(change(args, 'password', `set the authentication of ${shown}: ${pluginWhy}`, [`ALTER USER ${account}${pluginSql(args, facts.server)}`]));
  if (want) {
    const have = parseShowGrants(facts.grants[host] ?? []);
    const privs = privilegeStatements(args, want, args.column_case_sensitive ? have : upperColumns(have), account);
    if (privs.sql.length) changes.push(change(args, 'privileges', `${shown}: ${privs.said.join('; ')}`, privs.sql));
  }
  const tls = wantedTls(args.tls_requires);
  if (tls && !sameTls(tls, existing.tls)) {
    changes.push(change(args, 'tls', `${shown}: require ${describeTls(existing.tls)} → ${describeTls(tls)}`, [`ALTER USER ${account} REQUIRE ${tlsSql(tls)}`]));
  }
  const differ = limits ? limitsToChange(limits, existing.limits) : {};
  if (Object.keys(differ).length) {
    changes.push(change(args, 'limits', `${shown}: ${describeLimits(differ, existing.limits)}`, [`ALTER USER ${account} WITH ${limitsSql(differ)}`]));
  }
  return changes;
}

function planPresent(args: MysqlUserArgs, facts: MysqlUserFacts): UserChange[] {
  const want = wantedPrivileges(args, facts.server);
  const limits = wantedLimits(args, facts.server);
  if (args.encrypted && args.password !== undefined && !isHash(args.password)) {
    throw new ModuleFailure('encrypted was specified however it does not appear to be a valid hash expecting: *SHA1(SHA1(your_password))');
  }
  const hosts = targetHosts(args, facts.accounts);
  if (args.host_all && hosts.length === 0) throw new ModuleFailure('host_all parameter cannot be used when adding a user');
  return hosts.flatMap((host) => {
    const existing = facts.accounts.find((a) => a.host === host);
    return existing ? alterChanges(args, facts, existing, want, limits) : [createChange(args, facts, host, want, limits)];
  });
}

function planAbsent(args: MysqlUserArgs, facts: MysqlUserFacts): UserChange[] {
  const user = userName(args);
  const existing = targetHosts(args, facts.accounts).filter((h) => facts.accounts.some((a) => a.host === h));
  return existing.map((host) => change(args, 'deleted', `drop user '${user}'@'${host}'`, [`DROP USER ${sqlAccount(user, host)}`]));
}

export function planMysqlUser(args: MysqlUserArgs, facts: MysqlUserFacts): UserChange[] {
  return (args.state ?? 'present') === 'absent' ? planAbsent(args, facts) : planPresent(args, facts);
}

const MESSAGES: Record<UserChange['what'], string> = {
  added: 'User added',
  deleted: 'User deleted',
  password: 'Password updated',
  privileges: 'Privileges updated',
  tls: 'TLS requires updated',
  limits: 'Resource limits updated',
};

export function userResult(args: MysqlUserArgs, changes: UserChange[]): Record<string, unknown> {
  const first = changes[0];
  const absent = (args.state ?? 'present') === 'absent';
  const msg = first ? MESSAGES[first.what] : absent ? "User doesn't exist" : 'User unchanged';
  const password_changed = changes.some((c) => c.what === 'password' || (c.what === 'added' && ((args.password !== undefined && args.password !== '') || args.plugin !== undefined)));
  return { user: userName(args), msg, password_changed };
}
