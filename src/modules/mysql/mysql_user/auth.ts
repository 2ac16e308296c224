// How an account authenticates: a password (mysql_native_password), or plugin with plugin_auth_string
// (the secret as given) or plugin_hash_string (as stored). MariaDB writes IDENTIFIED VIA ... USING,
// MySQL IDENTIFIED WITH ... BY/AS; summaries say what differs, never the secret.
import { sqlString } from '../sql-quote.js';
import type { Account, ServerInfo } from './facts.js';
import type { MysqlUserArgs } from './schema.js';

/** Plugins that store their auth string as given (a PAM service, nothing for a socket): compared as text. */
const LITERAL_PLUGINS = new Set(['pam', 'auth_pam', 'authentication_pam', 'unix_socket', 'auth_socket', 'named_pipe', 'gssapi']);

/** What the server is asked to check against the stored hash: the password, or a native plugin's auth string. */
export function secretToCheck(args: MysqlUserArgs): string | undefined {
  if (args.password !== undefined) return args.password;
  return args.plugin === 'mysql_native_password' ? args.plugin_auth_string : undefined;
}

function byHash(server: ServerInfo, hash: string): string {
  return server.mariadb ? ` IDENTIFIED BY PASSWORD ${sqlString(hash)}` : ` IDENTIFIED WITH mysql_native_password AS ${sqlString(hash)}`;
}

/** The IDENTIFIED clause for plugin and its strings. */
function pluginClause(args: MysqlUserArgs, server: ServerInfo): string {
  const plugin = args.plugin!;
  if (server.mariadb) {
    if (args.plugin_hash_string !== undefined) return ` IDENTIFIED VIA ${plugin} USING ${sqlString(args.plugin_hash_string)}`;
    if (args.plugin_auth_string === undefined) return ` IDENTIFIED VIA ${plugin}`;
    return LITERAL_PLUGINS.has(plugin)
      ? ` IDENTIFIED VIA ${plugin} USING ${sqlString(args.plugin_auth_string)}`
      : ` IDENTIFIED VIA ${plugin} USING PASSWORD(${sqlString(args.plugin_auth_string)})`;
  }
  if (args.plugin_hash_string !== undefined) return ` IDENTIFIED WITH ${plugin} AS ${sqlString(args.plugin_hash_string)}`;
  if (args.plugin_auth_string !== undefined) return ` IDENTIFIED WITH ${plugin} BY ${sqlString(args.plugin_auth_string)}`;
  return ` IDENTIFIED WITH ${plugin}`;
}

/** The IDENTIFIED clause of CREATE USER: a hash lent by another host, the password, or the plugin. */
export function identifiedSql(args: MysqlUserArgs, server: ServerInfo, lent?: Account): string {
  if (lent !== undefined) {
    return lent.plugin === 'mysql_native_password' || lent.plugin === '' ? byHash(server, lent.hash) : pluginClause({ ...args, plugin: lent.plugin, plugin_hash_string: lent.hash }, server);
  }
  if (args.password !== undefined && args.password !== '') return args.encrypted ? byHash(server, args.password) : ` IDENTIFIED BY ${sqlString(args.password)}`;
  return args.plugin !== undefined ? pluginClause(args, server) : '';
}

/** The password clause of ALTER USER. */
export function passwordSql(args: MysqlUserArgs, server: ServerInfo): string {
  return args.encrypted ? byHash(server, args.password!) : ` IDENTIFIED BY ${sqlString(args.password!)}`;
}

/** Why the account's plugin or its string differs from what is asked (undefined: it does not). */
export function pluginDifference(args: MysqlUserArgs, account: Account): string | undefined {
  const plugin = args.plugin;
  if (plugin === undefined) return undefined;
  if (account.plugin !== plugin) return `plugin ${account.plugin || '(none)'} → ${plugin}`;
  if (args.plugin_hash_string !== undefined) return account.hash === args.plugin_hash_string ? undefined : 'authentication string differs';
  if (args.plugin_auth_string === undefined) return undefined;
  if (plugin === 'mysql_native_password') return account.passwordMatches === true ? undefined : 'authentication string differs';
  // Other plugins hash the secret their own way: only literal ones can be compared.
  if (LITERAL_PLUGINS.has(plugin) && account.hash !== args.plugin_auth_string) return 'authentication string differs';
  return undefined;
}

/** The IDENTIFIED clause of ALTER USER for the plugin. */
export function pluginSql(args: MysqlUserArgs, server: ServerInfo): string {
  return pluginClause(args, server);
}
