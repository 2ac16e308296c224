// mysql_info (community.mysql): what roles read about a server (version, databases, settings,
// global_status, engines, users, master_status, slave_status, slave_hosts), in one client call.
import type { ActionModule, ArgsSchema } from '../../types.js';
import { loginOf, loginProperties, loginSecrets, type LoginArgs } from '../login.js';
import { runSql } from '../run-sql.js';
import type { ResultSet, Row } from '../xml-rows.js';

export interface MysqlInfoArgs extends LoginArgs {
  filter?: string[];
  exclude_fields?: string[];
  return_empty_dbs?: boolean;
  login_db?: string;
}

const SUBSETS = ['version', 'databases', 'settings', 'global_status', 'engines', 'users', 'master_status', 'slave_status', 'slave_hosts'] as const;
type Subset = (typeof SUBSETS)[number];

export const mysqlInfoSchema: ArgsSchema = {
  type: 'object',
  description: "Reads information about a MySQL/MariaDB server with the target's mysql client.",
  additionalProperties: false,
  properties: {
    ...loginProperties,
    filter: { type: 'array', items: { type: 'string' }, description: `Subsets to return (${SUBSETS.join(', ')}); '!name' leaves one out.` },
    exclude_fields: { type: 'array', items: { type: 'string', enum: ['db_size'] }, description: 'db_size: leave out database sizes.' },
    return_empty_dbs: { type: 'boolean', default: false, description: 'Also list databases without tables.' },
    login_db: { type: 'string', description: 'The database to connect to.' },
  },
};

function wantedSubsets(filter: string[] | undefined): Set<Subset> {
  const names = (filter ?? []).map((f) => f.trim()).filter((f) => SUBSETS.includes(f.replace(/^!/, '') as Subset));
  const include = names.filter((f) => !f.startsWith('!')) as Subset[];
  const exclude = names.filter((f) => f.startsWith('!')).map((f) => f.slice(1));
  if (include.length) return new Set(include);
  return new Set(SUBSETS.filter((s) => !exclude.includes(s)));
}

/** A value as the Python driver's row would give it, numbers as numbers. */
function convert(value: string | null): unknown {
  if (value === null) return null;
  if (/^-?(0|[1-9]\d{0,14})$/.test(value)) return Number(value);
  if (/^-?\d+\.\d+$/.test(value)) return Number(value);
  return value;
}

function nameValue(rows: Row[]): Record<string, unknown> {
  return Object.fromEntries(rows.map((r) => [r.Variable_name ?? '', convert(r.Value ?? null)]));
}

function converted(row: Row, leave: string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !leave.includes(k)).map(([k, v]) => [k, convert(v)]));
}

export function versionOf(full: string): Record<string, unknown> {
  const [major, minor, rest = ''] = full.split('.');
  const [release, ...suffix] = rest.split('-');
  return { major: Number(major), minor: Number(minor), release: Number(release), suffix: suffix.join('-'), full };
}

interface Query {
  subset: Subset | 'empty_dbs';
  sql: string;
}

function queriesFor(wanted: Set<Subset>, args: MysqlInfoArgs): Query[] {
  const sizes = !(args.exclude_fields ?? []).includes('db_size');
  const q: Query[] = [];
  if (wanted.has('version') || wanted.has('settings')) q.push({ subset: 'settings', sql: 'SHOW GLOBAL VARIABLES' });
  if (wanted.has('databases')) {
    q.push({ subset: 'databases', sql: `SELECT table_schema AS name${sizes ? ', SUM(data_length + index_length) AS size' : ''} FROM information_schema.TABLES GROUP BY table_schema` });
    if (args.return_empty_dbs) q.push({ subset: 'empty_dbs', sql: 'SHOW DATABASES' });
  }
  if (wanted.has('global_status')) q.push({ subset: 'global_status', sql: 'SHOW GLOBAL STATUS' });
  if (wanted.has('engines')) q.push({ subset: 'engines', sql: 'SHOW ENGINES' });
  if (wanted.has('users')) q.push({ subset: 'users', sql: 'SELECT * FROM mysql.user' });
  if (wanted.has('master_status')) q.push({ subset: 'master_status', sql: 'SHOW MASTER STATUS' });
  if (wanted.has('slave_status')) q.push({ subset: 'slave_status', sql: 'SHOW SLAVE STATUS' });
  if (wanted.has('slave_hosts')) q.push({ subset: 'slave_hosts', sql: 'SHOW SLAVE HOSTS' });
  return q;
}

// Marks the end of each query's answer: a statement may return no result set (an empty SHOW does).
const END = 'ha_run_info_end';

export function infoFrom(wanted: Set<Subset>, args: MysqlInfoArgs, queries: Query[], sets: ResultSet[]): Record<string, unknown> {
  const answers: Row[][] = [];
  let pending: Row[] = [];
  for (const set of sets) {
    if (set.columns[0] === END) {
      answers.push(pending);
      pending = [];
    } else pending = set.rows;
  }
  const info: Record<string, unknown> = {};
  const sizes = !(args.exclude_fields ?? []).includes('db_size');
  queries.forEach((q, i) => {
    const rows = answers[i] ?? [];
    switch (q.subset) {
      case 'settings': {
        const settings = nameValue(rows);
        if (wanted.has('settings')) info.settings = settings;
        if (wanted.has('version')) info.version = versionOf(String(settings.version ?? ''));
        break;
      }
      case 'databases': {
        const dbs: Record<string, unknown> = {};
        for (const r of rows) dbs[r.name ?? ''] = sizes ? { size: Number(r.size ?? 0) } : {};
        info.databases = dbs;
        break;
      }
      case 'empty_dbs': {
        const dbs = info.databases as Record<string, unknown>;
        for (const r of rows) if (!(r.Database! in dbs)) dbs[r.Database ?? ''] = sizes ? { size: 0 } : {};
        break;
      }
      case 'global_status':
        info.global_status = nameValue(rows);
        break;
      case 'engines':
        info.engines = Object.fromEntries(rows.map((r) => [r.Engine ?? '', converted(r, ['Engine'])]));
        break;
      case 'users': {
        const users: Record<string, Record<string, unknown>> = {};
        for (const r of rows) (users[r.Host ?? ''] ??= {})[r.User ?? ''] = converted(r, ['Host', 'User', 'Password', 'authentication_string']);
        info.users = users;
        break;
      }
      case 'master_status':
        info.master_status = rows[0] ? converted(rows[0]) : {};
        break;
      case 'slave_status': {
        const status: Record<string, Record<string, Record<string, unknown>>> = {};
        for (const r of rows) ((status[r.Master_Host ?? ''] ??= {})[r.Master_Port ?? ''] ??= {})[r.Master_User ?? ''] = converted(r, ['Master_Host', 'Master_Port', 'Master_User']);
        info.slave_status = status;
        break;
      }
      case 'slave_hosts':
        info.slave_hosts = Object.fromEntries(rows.map((r) => [r.Server_id ?? '', converted(r, ['Server_id'])]));
        break;
    }
  });
  return info;
}

export const mysqlInfoModule: ActionModule<MysqlInfoArgs> = {
  kind: 'action',
  name: 'mysql_info',
  collection: 'community.mysql',
  schema: mysqlInfoSchema,
  secretArgs: loginSecrets,

  async run(ctx, args) {
    const wanted = wantedSubsets(args.filter);
    const queries = queriesFor(wanted, args);
    const sql = queries.map((q) => `${q.sql};\nSELECT 1 AS ${END};\n`).join('');
    const sets = await runSql(ctx.conn, loginOf(args), sql, args.login_db);
    const info = infoFrom(wanted, args, queries, sets);
    const server_engine = /mariadb/i.test(String((info.version as { full?: string } | undefined)?.full ?? '')) ? 'MariaDB' : 'MySQL';
    return { changed: false, ...info, ...(info.version ? { server_engine } : {}), connector_name: 'mysql client', connector_version: 'n/a' };
  },
};
