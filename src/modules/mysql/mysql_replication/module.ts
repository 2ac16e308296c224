// mysql_replication (community.mysql): replication state through the target's own mysql client.
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { loginOf, loginSecrets } from '../login.js';
import { serverQuery } from '../server-query.js';
import { masterInfoFile, parseReplication, replicationSql, storedPasswordSame, type ReplicationFacts } from './facts.js';
import { planReplication, replicationResult, type ReplicationChange } from './plan.js';
import { mysqlReplicationSchema, normalizeReplicationArgs, type MysqlReplicationArgs } from './schema.js';

export const mysqlReplicationModule: DeclarativeModule<MysqlReplicationArgs, ReplicationFacts> = {
  kind: 'declarative',
  name: 'mysql_replication',
  collection: 'community.mysql',
  schema: mysqlReplicationSchema,
  secretArgs: [...loginSecrets, 'primary_password', 'master_password'],

  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    const facts = parseReplication(await probe.get(serverQuery, { login: loginOf(args), sql: replicationSql(args) }));
    const { mode, source } = normalizeReplicationArgs(args);
    if (mode === 'changeprimary' && source.primary_password !== undefined && facts.replica && facts.datadir) {
      facts.passwordSame = await probe.get(storedPasswordSame, { file: masterInfoFile(facts.datadir, args.connection_name), password: source.primary_password });
    }
    return facts;
  },

  plan: planReplication,
  result: (args, facts, changes) => replicationResult(args, facts, changes as ReplicationChange[]),
};
