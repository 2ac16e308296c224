// mysql_replication's pure plan. changeprimary compares every asked setting with what the replica
// reports (SHOW SLAVE STATUS, and master.info for the password) and is a change only when one
// differs; startreplica/stopreplica are changes only when a replication thread changes state.
// community.mysql reports both as changed on every run.
import type { Change } from '../../types.js';
import { sqlOp } from '../client.js';
import { loginOf } from '../login.js';
import { sqlString } from '../sql-quote.js';
import type { Row } from '../xml-rows.js';
import type { ReplicationFacts } from './facts.js';
import { normalizeReplicationArgs, type MysqlReplicationArgs, type SourceSettings } from './schema.js';

/** A change with the statements it runs (Ansible registers them as `queries`). */
export interface ReplicationChange extends Change {
  queries: string[];
}

interface Setting {
  column: string;
  sql: string;
  /** The asked value as the status column shows it. */
  shown(value: never): string;
  /** The asked value as CHANGE MASTER takes it. */
  value(value: never): string;
}

const text = (column: string, sql: string): Setting => ({ column, sql, shown: (v: string) => v, value: (v: string) => sqlString(v) });
const number = (column: string, sql: string): Setting => ({ column, sql, shown: (v: number) => String(v), value: (v: number) => String(Math.trunc(v)) });
const yesNo = (column: string, sql: string): Setting => ({ column, sql, shown: (v: boolean) => (v ? 'Yes' : 'No'), value: (v: boolean) => (v ? '1' : '0') });

const GTID_SHOWN: Record<string, string> = { current_pos: 'Current_Pos', replica_pos: 'Slave_Pos', slave_pos: 'Slave_Pos', disabled: 'No' };
const GTID_SQL: Record<string, string> = { current_pos: 'current_pos', replica_pos: 'slave_pos', slave_pos: 'slave_pos', disabled: 'no' };

/** The settings that say who the source is and how to reach it, compared with the replica's status. */
const SOURCE: Partial<Record<keyof SourceSettings, Setting>> = {
  primary_host: text('Master_Host', 'MASTER_HOST'),
  primary_user: text('Master_User', 'MASTER_USER'),
  primary_port: number('Master_Port', 'MASTER_PORT'),
  primary_connect_retry: number('Connect_Retry', 'MASTER_CONNECT_RETRY'),
  primary_ssl: yesNo('Master_SSL_Allowed', 'MASTER_SSL'),
  primary_ssl_ca: text('Master_SSL_CA_File', 'MASTER_SSL_CA'),
  primary_ssl_capath: text('Master_SSL_CA_Path', 'MASTER_SSL_CAPATH'),
  primary_ssl_cert: text('Master_SSL_Cert', 'MASTER_SSL_CERT'),
  primary_ssl_key: text('Master_SSL_Key', 'MASTER_SSL_KEY'),
  primary_ssl_cipher: text('Master_SSL_Cipher', 'MASTER_SSL_CIPHER'),
  primary_delay: number('SQL_Delay', 'MASTER_DELAY'),
  primary_use_gtid: { column: 'Using_Gtid', sql: 'MASTER_USE_GTID', shown: (v: string) => GTID_SHOWN[v], value: (v: string) => GTID_SQL[v] },
  primary_auto_position: { column: 'Auto_Position', sql: 'MASTER_AUTO_POSITION', shown: (v: boolean) => (v ? '1' : '0'), value: (v: boolean) => (v ? '1' : '0') },
};

/** Where to start reading: only used when the replica gets a new source (it keeps its own position otherwise). */
const START: Partial<Record<keyof SourceSettings, Setting>> = {
  primary_log_file: text('Master_Log_File', 'MASTER_LOG_FILE'),
  primary_log_pos: number('Read_Master_Log_Pos', 'MASTER_LOG_POS'),
  relay_log_file: text('Relay_Log_File', 'RELAY_LOG_FILE'),
  relay_log_pos: number('Relay_Log_Pos', 'RELAY_LOG_POS'),
};

const IDENTITY: (keyof SourceSettings)[] = ['primary_host', 'primary_port', 'primary_user'];

/** The replica the statement is about: a MariaDB connection name, a MySQL channel, or the default one. */
function scope(args: MysqlReplicationArgs): { connection: string; channel: string } {
  return {
    connection: args.connection_name !== undefined ? ` ${sqlString(args.connection_name)}` : '',
    channel: args.channel !== undefined ? ` FOR CHANNEL ${sqlString(args.channel)}` : '',
  };
}

function statement(args: MysqlReplicationArgs, verb: string): string {
  const { connection, channel } = scope(args);
  return `${verb}${connection}${channel}`;
}

function changeMaster(args: MysqlReplicationArgs, assignments: string[]): string {
  const { connection, channel } = scope(args);
  return `CHANGE MASTER${connection} TO ${assignments.join(', ')}${channel}`;
}

export function threadsRunning(replica: Row | undefined): { io: boolean; sql: boolean } {
  return { io: !!replica && replica.Slave_IO_Running !== 'No' && !!replica.Slave_IO_Running, sql: replica?.Slave_SQL_Running === 'Yes' };
}

function op(args: MysqlReplicationArgs, queries: string[]): ReplicationChange['ops'] {
  return [sqlOp(loginOf(args), queries.map((q) => `${q};\n`).join(''))];
}

function planChangePrimary(args: MysqlReplicationArgs, source: SourceSettings, facts: ReplicationFacts): ReplicationChange[] {
  const replica = facts.replica;
  const differs: string[] = [];
  const assignments: string[] = [];
  const compare = (settings: Partial<Record<keyof SourceSettings, Setting>>) => {
    for (const [key, setting] of Object.entries(settings) as [keyof SourceSettings, Setting][]) {
      const asked = source[key];
      if (asked === undefined) continue;
      const want = setting.shown(asked as never);
      const have = replica?.[setting.column] ?? '';
      assignments.push(`${setting.sql}=${setting.value(asked as never)}`);
      if (have !== want) differs.push(`${setting.column} ${have === '' ? '(none)' : have} → ${want}`);
    }
  };
  compare(SOURCE);
  if (source.primary_password !== undefined) {
    assignments.push(`MASTER_PASSWORD=${sqlString(source.primary_password)}`);
    if (facts.passwordSame !== true) differs.push(facts.passwordSame === false ? 'password (differs)' : 'password (not set yet)');
  }
  if (source.primary_ssl_verify_server_cert) {
    assignments.push('MASTER_SSL_VERIFY_SERVER_CERT=1');
    if (replica?.Master_SSL_Verify_Server_Cert !== 'Yes') differs.push('Master_SSL_Verify_Server_Cert → Yes');
  }
  const newSource = !replica || !replica.Master_Host || IDENTITY.some((k) => source[k] !== undefined && differs.some((d) => d.startsWith(`${SOURCE[k]!.column} `)));
  if (newSource) compare(START);
  else for (const key of Object.keys(START) as (keyof SourceSettings)[]) if (source[key] !== undefined) assignments.push(`${START[key]!.sql}=${START[key]!.value(source[key] as never)}`);
  if (differs.length === 0) return [];
  // Positions asked for are only meant for a new source: an established replica keeps its own.
  const kept = newSource ? assignments : assignments.filter((a) => !Object.values(START).some((s) => a.startsWith(`${s!.sql}=`)));
  const running = threadsRunning(replica);
  const queries = [changeMaster(args, kept)];
  // MariaDB refuses CHANGE MASTER while the replica runs: stop it for the change and start it again.
  if (running.io || running.sql) queries.unshift(statement(args, 'STOP SLAVE')), queries.push(statement(args, 'START SLAVE'));
  const summary = `change the replica's source: ${differs.join(', ')}${running.io || running.sql ? ' (replica stopped for the change and started again)' : ''}`;
  return [{ summary, queries, ops: op(args, queries) }];
}

export function planReplication(args: MysqlReplicationArgs, facts: ReplicationFacts): ReplicationChange[] {
  const { mode, source } = normalizeReplicationArgs(args);
  const running = threadsRunning(facts.replica);
  const single = (summary: string, verb: string): ReplicationChange[] => {
    const queries = [statement(args, verb)];
    return [{ summary, queries, ops: op(args, queries) }];
  };
  switch (mode) {
    case 'getprimary':
    case 'getreplica':
      return [];
    case 'changeprimary':
      return planChangePrimary(args, source, facts);
    case 'startreplica': {
      if (!facts.replica || (running.io && running.sql)) return [];
      const stopped = [!running.io && 'I/O thread', !running.sql && 'SQL thread'].filter(Boolean).join(' and ');
      return single(`start the replica (${stopped} not running)`, 'START SLAVE');
    }
    case 'stopreplica': {
      if (!running.io && !running.sql) return [];
      const live = [running.io && 'I/O thread', running.sql && 'SQL thread'].filter(Boolean).join(' and ');
      return single(`stop the replica (${live} running)`, 'STOP SLAVE');
    }
    case 'resetreplica':
      return facts.replica ? single('reset the replica (RESET SLAVE)', 'RESET SLAVE') : [];
    case 'resetreplicaall':
      return facts.replica ? single("reset the replica and forget its source (RESET SLAVE ALL)", 'RESET SLAVE ALL') : [];
    case 'resetprimary':
      return facts.primary ? [{ summary: 'reset the binary logs (RESET MASTER)', queries: ['RESET MASTER'], ops: op(args, ['RESET MASTER']) }] : [];
  }
}

const TEXT_COLUMNS = /^(Master_(Host|User|Log_File|SSL_.*|Server_Id_List)|Relay_.*File|Replicate_.*|Binlog_.*|Gtid_.*|Executed_Gtid_Set|Retrieved_Gtid_Set|Connection_name|Channel_Name|Last_.*Error.*|Slave_.*State|File|Using_Gtid|Parallel_Mode|Master_Info_File)$/;

/** A status row as community.mysql returns it: numbers as numbers, NULL as null. */
export function statusValues(row: Row): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v !== null && !TEXT_COLUMNS.test(k) && /^\d+$/.test(v) ? Number(v) : v]));
}

export function replicationResult(args: MysqlReplicationArgs, facts: ReplicationFacts, changes: ReplicationChange[]): Record<string, unknown> {
  const { mode } = normalizeReplicationArgs(args);
  const queries = changes.flatMap((c) => c.queries);
  const changed = changes.length > 0;
  switch (mode) {
    case 'getprimary':
      return facts.primary ? { ...statusValues(facts.primary), Is_Primary: true, queries } : { Is_Primary: false, msg: 'Server is not configured as mysql primary', queries };
    case 'getreplica':
      return facts.replica ? { ...statusValues(facts.replica), Is_Replica: true, queries } : { Is_Replica: false, msg: 'Server is not configured as mysql replica', queries };
    case 'changeprimary':
      return { queries };
    case 'startreplica':
      return { msg: changed ? 'Replica started ' : 'Replica already started (Or cannot be started)', queries };
    case 'stopreplica':
      return { msg: changed ? 'Replica stopped' : 'Replica already stopped', queries };
    case 'resetprimary':
      return { msg: changed ? 'Primary reset' : 'Primary already reset', queries };
    default:
      return { msg: changed ? 'Replica reset' : 'Replica already reset', queries };
  }
}
