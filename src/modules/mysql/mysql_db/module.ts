// mysql_db (community.mysql): databases through the target's own mysql and mysqldump clients.
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { CLIENT_REQUIRES, mysqldumpPresent } from '../client.js';
import { loginOf, loginSecrets } from '../login.js';
import { serverQuery } from '../server-query.js';
import { databasesSql, parseDatabases, pathExists } from './facts.js';
import { dbNames, planMysqlDb, type DbChange, type MysqlDbFacts } from './plan.js';
import { mysqlDbSchema, type MysqlDbArgs } from './schema.js';

export const mysqlDbModule: DeclarativeModule<MysqlDbArgs, MysqlDbFacts> = {
  kind: 'declarative',
  name: 'mysql_db',
  collection: 'community.mysql',
  schema: mysqlDbSchema,
  secretArgs: loginSecrets,

  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    const query = ask(serverQuery, { login: loginOf(args), sql: databasesSql(dbNames(args)) });
    if (args.state === 'dump') {
      // mysqldump is checked now, before anything is planned.
      const [sets] = await probe.many(query, ask(mysqldumpPresent, CLIENT_REQUIRES.mysqldump));
      return { databases: parseDatabases(sets) };
    }
    if (args.state === 'import' && args.target) {
      const [sets, targetExists] = await probe.many(query, ask(pathExists, args.target));
      return { databases: parseDatabases(sets), targetExists };
    }
    return { databases: parseDatabases(await probe.get(query.fact, query.args)) };
  },

  plan: planMysqlDb,

  result(args, _facts, changes) {
    const names = dbNames(args);
    const result: Record<string, unknown> = { db: names.join(' '), db_list: names };
    if (args.state === undefined || args.state === 'present' || args.state === 'absent') {
      result.executed_commands = (changes as DbChange[]).flatMap((c) => (c.sql ? [c.sql] : []));
    }
    return result;
  },
};
