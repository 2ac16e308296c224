// What mysql_replication reads: the server's version, SHOW MASTER STATUS, SHOW SLAVE STATUS and the
// data directory; for changeprimary with a password, whether the replica's master.info holds that
// password (the password goes to the target on stdin; only "same" or "differs" comes back).
import { shellQuote } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';
import { sqlString } from '../sql-quote.js';
import type { ResultSet, Row } from '../xml-rows.js';

export interface ReplicationFacts {
  version: string;
  mariadb: boolean;
  /** SHOW MASTER STATUS, or undefined when binary logging is off. */
  primary?: Row;
  /** SHOW SLAVE STATUS, or undefined when the server is no replica. */
  replica?: Row;
  datadir: string;
  /** The replica's stored password equals primary_password (undefined: not asked or not readable). */
  passwordSame?: boolean;
}

export interface ReplicationQuery {
  connection_name?: string;
  channel?: string;
}

export function replicationSql(q: ReplicationQuery): string {
  const connection = q.connection_name !== undefined ? ` ${sqlString(q.connection_name)}` : '';
  const channel = q.channel !== undefined ? ` FOR CHANNEL ${sqlString(q.channel)}` : '';
  return `SELECT VERSION() AS version, @@datadir AS datadir;\nSHOW MASTER STATUS;\nSHOW SLAVE${connection} STATUS${channel};\n`;
}

export function parseReplication(sets: ResultSet[]): ReplicationFacts {
  const head = sets[0]?.rows[0] ?? {};
  const version = head.version ?? '';
  return {
    version,
    mariadb: /mariadb/i.test(version),
    primary: sets[1]?.rows[0],
    replica: sets[2]?.rows[0],
    datadir: head.datadir ?? '',
  };
}

export interface StoredPasswordQuery {
  /** The replica's master.info (MariaDB: master-<connection>.info for a named connection). */
  file: string;
  password: string;
}

export function masterInfoFile(datadir: string, connectionName?: string): string {
  const base = connectionName ? `master-${connectionName}.info` : 'master.info';
  return `${datadir.replace(/\/+$/, '')}/${base}`;
}

/** Line 6 of master.info is the password the replica logs in with. */
export const storedPasswordSame: Fact<StoredPasswordQuery, boolean | undefined> = {
  name: "the replica's stored password (master.info)",
  requires: ['sed'],
  script: (q) =>
    `f=${shellQuote(q.file)}; if [ ! -r "$f" ]; then echo unreadable; exit 0; fi; IFS= read -r want; have=$(sed -n 6p "$f"); if [ "$want" = "$have" ]; then echo same; else echo differs; fi`,
  input: (q) => `${q.password}\n`,
  parse: (stdout) => {
    const said = stdout.trim();
    return said === 'same' ? true : said === 'differs' ? false : undefined;
  },
};
