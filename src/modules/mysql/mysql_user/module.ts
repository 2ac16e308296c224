// mysql_user (community.mysql): accounts and privileges through the target's own mysql client.
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { loginOf, loginSecrets } from '../login.js';
import { serverQuery } from '../server-query.js';
import { secretToCheck } from './auth.js';
import { accountsSql, grantsSql, parseAccounts, parseGrants } from './facts.js';
import { planMysqlUser, targetHosts, userName, userResult, type MysqlUserFacts, type UserChange } from './plan.js';
import { mysqlUserSchema, type MysqlUserArgs } from './schema.js';

export const mysqlUserModule: DeclarativeModule<MysqlUserArgs, MysqlUserFacts> = {
  kind: 'declarative',
  name: 'mysql_user',
  collection: 'community.mysql',
  schema: mysqlUserSchema,
  secretArgs: [...loginSecrets, 'password', 'plugin_auth_string', 'plugin_hash_string'],

  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    const login = loginOf(args);
    const user = userName(args);
    const { server, accounts } = parseAccounts(await probe.get(serverQuery, { login, sql: accountsSql(user, secretToCheck(args), args.encrypted === true && args.password !== undefined) }));
    // SHOW GRANTS fails for an account that does not exist: ask only for those that do.
    const hosts = targetHosts(args, accounts).filter((h) => accounts.some((a) => a.host === h));
    const grants: Record<string, string[]> = {};
    if (args.priv !== undefined && hosts.length > 0) {
      const lists = parseGrants(await probe.get(serverQuery, { login, sql: grantsSql(user, hosts) }));
      hosts.forEach((h, i) => (grants[h] = lists[i] ?? []));
    }
    return { server, accounts, grants };
  },

  plan: planMysqlUser,
  result: (args, _facts, changes) => userResult(args, changes as UserChange[]),
};
