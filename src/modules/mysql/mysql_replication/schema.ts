// mysql_replication's arguments: community.mysql's names, with the master_* aliases and the old
// master/slave spellings of the modes that older roles still use.
import type { ArgsSchema } from '../../types.js';
import { loginProperties, type LoginArgs } from '../login.js';

export const MODES = ['getprimary', 'getreplica', 'changeprimary', 'stopreplica', 'startreplica', 'resetprimary', 'resetreplica', 'resetreplicaall'] as const;
export type Mode = (typeof MODES)[number];

/** The old spellings, as community.mysql before 3.0 named the modes. */
export const OLD_MODES: Record<string, Mode> = {
  getmaster: 'getprimary',
  getslave: 'getreplica',
  changemaster: 'changeprimary',
  stopslave: 'stopreplica',
  startslave: 'startreplica',
  resetmaster: 'resetprimary',
  resetslave: 'resetreplica',
  resetslaveall: 'resetreplicaall',
};

export interface SourceSettings {
  primary_host?: string;
  primary_user?: string;
  primary_password?: string;
  primary_port?: number;
  primary_connect_retry?: number;
  primary_log_file?: string;
  primary_log_pos?: number;
  relay_log_file?: string;
  relay_log_pos?: number;
  primary_ssl?: boolean;
  primary_ssl_ca?: string;
  primary_ssl_capath?: string;
  primary_ssl_cert?: string;
  primary_ssl_key?: string;
  primary_ssl_cipher?: string;
  primary_ssl_verify_server_cert?: boolean;
  primary_auto_position?: boolean;
  primary_use_gtid?: 'current_pos' | 'replica_pos' | 'slave_pos' | 'disabled';
  primary_delay?: number;
}

export interface MysqlReplicationArgs extends LoginArgs, SourceSettings {
  mode?: string;
  connection_name?: string;
  channel?: string;
  fail_on_error?: boolean;
  [alias: string]: unknown;
}

/** Each source setting with its old master_* alias (primary_ssl_verify_server_cert has none). */
const SETTINGS: Record<string, ArgsSchema> = {
  primary_host: { type: 'string', description: "The primary's address." },
  primary_user: { type: 'string', description: 'The replication user.' },
  primary_password: { type: 'string', description: 'Its password (compared with the one the replica keeps in master.info).' },
  primary_port: { type: 'integer', description: "The primary's port." },
  primary_connect_retry: { type: 'integer', description: 'Seconds between reconnection attempts.' },
  primary_log_file: { type: 'string', description: 'Binary log to start from (only used when the replica gets a new source).' },
  primary_log_pos: { type: 'integer', description: 'Position to start from (only used when the replica gets a new source).' },
  relay_log_file: { type: 'string', description: 'Relay log to start from (only used when the replica gets a new source).' },
  relay_log_pos: { type: 'integer', description: 'Relay log position (only used when the replica gets a new source).' },
  primary_ssl: { type: 'boolean', description: 'Use TLS to the primary.' },
  primary_ssl_ca: { type: 'string', description: 'CA file for TLS to the primary.' },
  primary_ssl_capath: { type: 'string', description: 'CA directory for TLS to the primary.' },
  primary_ssl_cert: { type: 'string', description: 'Client certificate for TLS to the primary.' },
  primary_ssl_key: { type: 'string', description: 'Client key for TLS to the primary.' },
  primary_ssl_cipher: { type: 'string', description: 'TLS ciphers to the primary.' },
  primary_auto_position: { type: 'boolean', description: 'MySQL GTID auto-positioning.' },
  primary_use_gtid: { type: 'string', enum: ['current_pos', 'replica_pos', 'slave_pos', 'disabled'], description: 'MariaDB GTID mode.' },
  primary_delay: { type: 'integer', description: 'Seconds the replica stays behind.' },
};

export const SETTING_ALIASES: Record<string, string> = Object.fromEntries(Object.keys(SETTINGS).filter((k) => k.startsWith('primary_')).map((k) => [k.replace(/^primary_/, 'master_'), k]));

const aliasProps = Object.fromEntries(Object.entries(SETTING_ALIASES).map(([alias, name]) => [alias, { ...SETTINGS[name], description: `Alias of ${name}.` }]));

export const mysqlReplicationSchema: ArgsSchema = {
  type: 'object',
  description: "Reads and sets MySQL/MariaDB replication with the target's mysql client; changeprimary, startreplica and stopreplica change only what differs.",
  additionalProperties: false,
  properties: {
    ...loginProperties,
    mode: { type: 'string', enum: [...MODES, ...Object.keys(OLD_MODES)], default: 'getreplica', description: 'What to read or do; the old master/slave spellings (getslave, changemaster, ...) are accepted.' },
    ...SETTINGS,
    ...aliasProps,
    primary_ssl_verify_server_cert: { type: 'boolean', default: false, description: "Verify the primary's certificate." },
    connection_name: { type: 'string', description: 'MariaDB multi-source connection.' },
    channel: { type: 'string', description: 'MySQL replication channel.' },
    fail_on_error: { type: 'boolean', default: false, description: 'Fail when starting or stopping the replica fails.' },
  },
  allOf: [{ description: 'connection_name and channel are mutually exclusive', not: { required: ['connection_name', 'channel'] } }],
};

/** The mode with old spellings resolved, and the source settings under their primary_* names. */
export function normalizeReplicationArgs(args: MysqlReplicationArgs): { mode: Mode; source: SourceSettings } {
  const mode = OLD_MODES[args.mode ?? ''] ?? ((args.mode as Mode | undefined) ?? 'getreplica');
  const source: Record<string, unknown> = {};
  for (const key of [...Object.keys(SETTINGS), 'primary_ssl_verify_server_cert']) if (args[key] !== undefined) source[key] = args[key];
  for (const [alias, name] of Object.entries(SETTING_ALIASES)) if (args[alias] !== undefined && source[name] === undefined) source[name] = args[alias];
  return { mode, source: source as SourceSettings };
}
