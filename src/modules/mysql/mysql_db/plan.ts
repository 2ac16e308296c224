// mysql_db's pure plan. present creates what is missing and, unlike community.mysql, corrects an
// existing database's character set or collation (ALTER DATABASE), naming the drift. absent drops.
// dump and import always act (there is no way to know a dump is current), as in Ansible.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Change } from '../../types.js';
import { sqlOp, toolOp } from '../client.js';
import { loginOf } from '../login.js';
import { sqlName, sqlString } from '../sql-quote.js';
import type { DatabaseState } from './facts.js';
import type { MysqlDbArgs } from './schema.js';

export interface MysqlDbFacts {
  databases: DatabaseState[];
  /** Whether `target` exists (import needs it). */
  targetExists?: boolean;
}

/** A change that remembers its SQL (Ansible registers it as executed_commands). */
export interface DbChange extends Change {
  sql?: string;
}

export function dbNames(args: MysqlDbArgs): string[] {
  return args.name ?? args.db ?? [];
}

/** `utf8` and `utf8mb3` are one character set on MariaDB 10.6+ and MySQL 8, named either way. */
export function sameCharsetName(a: string, b: string): boolean {
  const canonical = (s: string) => s.toLowerCase().replace(/^utf8(?=_|$)/, 'utf8mb3');
  return canonical(a) === canonical(b);
}

function charsetClause(args: MysqlDbArgs): string {
  return `${args.encoding ? ` CHARACTER SET ${sqlString(args.encoding)}` : ''}${args.collation ? ` COLLATE ${sqlString(args.collation)}` : ''}`;
}

/** What differs between the database and the asked encoding/collation, as "a → b" phrases. */
export function charsetDrift(args: MysqlDbArgs, db: DatabaseState): string[] {
  const drift: string[] = [];
  if (args.encoding && !sameCharsetName(args.encoding, db.encoding)) drift.push(`character set ${db.encoding} → ${args.encoding}`);
  if (args.collation && !sameCharsetName(args.collation, db.collation)) drift.push(`collation ${db.collation} → ${args.collation}`);
  return drift;
}

function planPresent(args: MysqlDbArgs, facts: MysqlDbFacts): DbChange[] {
  const login = loginOf(args);
  const changes: DbChange[] = [];
  for (const name of dbNames(args)) {
    const db = facts.databases.find((d) => d.name === name);
    if (!db) {
      const sql = `CREATE DATABASE ${sqlName(name)}${charsetClause(args)}`;
      const how = [args.encoding, args.collation].filter(Boolean).join(', ');
      changes.push({ summary: `create database ${name}${how ? ` (${how})` : ''}`, sql, ops: [sqlOp(login, `${sql};\n`)] });
      continue;
    }
    const drift = charsetDrift(args, db);
    if (drift.length === 0) continue;
    if (db.tables > 0 && !args.alter_nonempty) {
      throw new ModuleFailure(
        `database ${name} has ${db.tables} table(s) and its ${drift.join(', ')} differs from what is asked; ALTER DATABASE would change only the default for new tables (existing ones keep theirs): set alter_nonempty: true to do it anyway`,
        { db: name, db_list: dbNames(args) },
      );
    }
    const sql = `ALTER DATABASE ${sqlName(name)}${charsetClause(args)}`;
    changes.push({
      summary: `database ${name}: ${drift.join(', ')}`,
      diff: { path: `database ${name}`, before: `${db.encoding} ${db.collation}\n`, after: `${args.encoding ?? db.encoding} ${args.collation ?? '(default)'}\n` },
      sql,
      ops: [sqlOp(login, `${sql};\n`)],
    });
  }
  return changes;
}

function planAbsent(args: MysqlDbArgs, facts: MysqlDbFacts): DbChange[] {
  const login = loginOf(args);
  return dbNames(args).flatMap((name) => {
    if (!facts.databases.some((d) => d.name === name)) return [];
    const sql = `DROP DATABASE ${sqlName(name)}`;
    return [{ summary: `drop database ${name}`, sql, ops: [sqlOp(login, `${sql};\n`)] }];
  });
}

const COMPRESSORS: [RegExp, string][] = [
  [/\.gz$/, 'gzip'],
  [/\.bz2$/, 'bzip2'],
  [/\.xz$/, 'xz'],
  [/\.zst$/, 'zstd'],
];

function compressorOf(target: string): string | undefined {
  return COMPRESSORS.find(([re]) => re.test(target))?.[1];
}

function inDir(args: MysqlDbArgs, body: string): string {
  return args.chdir ? `cd ${shellQuote(args.chdir)} || exit 1\n${body}` : body;
}

function dumpOptions(args: MysqlDbArgs, names: string[]): string[] {
  const opts: string[] = [];
  if (names.includes('all')) opts.push('--all-databases');
  else if (names.length > 1) opts.push('--databases', ...names.map(shellQuote));
  else opts.push(shellQuote(names[0]));
  if (args.skip_lock_tables) opts.push('--skip-lock-tables');
  if (args.encoding) opts.push(shellQuote(`--default-character-set=${args.encoding}`));
  if (args.single_transaction) opts.push('--single-transaction=true');
  if (args.quick !== false) opts.push('--quick');
  for (const t of args.ignore_tables ?? []) opts.push(shellQuote(`--ignore-table=${t}`));
  if (args.hex_blob) opts.push('--hex-blob');
  if (args.master_data) opts.push(`--master-data=${args.master_data}`);
  if (args.force) opts.push('--force');
  // Written by the playbook's author as shell words, as Ansible takes them.
  if (args.dump_extra_args) opts.push(args.dump_extra_args);
  return opts;
}

function planDump(args: MysqlDbArgs, facts: MysqlDbFacts, target: string): DbChange[] {
  const names = dbNames(args);
  const missing = names.filter((n) => n !== 'all' && !facts.databases.some((d) => d.name === n));
  if (missing.length) throw new ModuleFailure(`Cannot dump database(s) ${missing.join(', ')} - not found`, { db: names.join(' '), db_list: names });
  const dump = `client ${dumpOptions(args, names).join(' ')}`;
  const compressor = compressorOf(target);
  // POSIX sh has no pipefail: the dump's status comes back through fd 3, the compressor's through the pipe.
  const body = compressor
    ? `s=$( { { ${dump}; echo $? >&3; } | ${compressor} >${shellQuote(target)}; } 3>&1 ) || exit 1\n[ "$s" = 0 ] || exit "$s"`
    : `${dump} >${shellQuote(target)}`;
  return [{ summary: `dump ${names.join(', ')} to ${target}`, ops: [toolOp(loginOf(args), 'mysqldump', inDir(args, body))] }];
}

function planImport(args: MysqlDbArgs, facts: MysqlDbFacts, target: string): DbChange[] {
  const names = dbNames(args);
  if (names.length > 1) throw new ModuleFailure('Multiple databases are not supported with state=import');
  if (facts.targetExists === false) throw new ModuleFailure(`target ${target} does not exist on the host`, {}, { missingBeforeEarlierTasks: true });
  const [name] = names;
  const changes: DbChange[] = [];
  if (name !== 'all' && !facts.databases.some((d) => d.name === name)) changes.push(...planPresent(args, facts));
  const opts = [name === 'all' ? '' : ` -D ${shellQuote(name)}`, args.force ? ' --force' : '', args.encoding ? ` ${shellQuote(`--default-character-set=${args.encoding}`)}` : ''].join('');
  const compressor = compressorOf(target);
  const body = compressor
    ? `s=$( { { ${compressor} -dc ${shellQuote(target)}; echo $? >&3; } | client${opts}; } 3>&1 ) || exit 1\n[ "$s" = 0 ] || exit "$s"`
    : `client${opts} <${shellQuote(target)}`;
  changes.push({ summary: `import ${target} into ${name === 'all' ? 'the server' : name}`, ops: [toolOp(loginOf(args), 'mysql', inDir(args, body))] });
  return changes;
}

export function planMysqlDb(args: MysqlDbArgs, facts: MysqlDbFacts): DbChange[] {
  const state = args.state ?? 'present';
  const names = dbNames(args);
  if (names.length === 0) throw new ModuleFailure('Please provide at least one database name');
  if (names.includes('all') && (state === 'present' || state === 'absent')) throw new ModuleFailure("name is not allowed to equal 'all' unless state equals import, or dump.");
  if (state === 'present') return planPresent(args, facts);
  if (state === 'absent') return planAbsent(args, facts);
  if (!args.target) throw new ModuleFailure(`with state=${state} target is required`);
  return state === 'dump' ? planDump(args, facts, args.target) : planImport(args, facts, args.target);
}
