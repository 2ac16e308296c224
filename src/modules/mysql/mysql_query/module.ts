// mysql_query (community.mysql): queries run by the target's mysql client. Each query is followed by
// a marker row with ROW_COUNT() and the warning count, so the answer says which rows belong to which
// query, how many rows it affected, and whether an IF [NOT] EXISTS found nothing to do.
import { randomBytes } from 'node:crypto';
import { ModuleFailure } from '../../failure.js';
import type { ActionModule } from '../../types.js';
import { loginOf, loginSecrets } from '../login.js';
import { runSql } from '../run-sql.js';
import type { ResultSet, Row } from '../xml-rows.js';
import { fillPlaceholders } from './placeholders.js';
import { mysqlQuerySchema, type MysqlQueryArgs } from './schema.js';

const DML = ['INSERT', 'UPDATE', 'DELETE', 'REPLACE'];
const DDL = ['CREATE', 'DROP', 'ALTER', 'RENAME', 'TRUNCATE'];
const READ_ONLY = /^\s*(SELECT|SHOW|DESCRIBE|DESC|EXPLAIN)\b/i;

function firstWord(query: string): string {
  return (/^\s*([A-Za-z]+)/.exec(query)?.[1] ?? '').toUpperCase();
}

interface QueryAnswer {
  rows: Record<string, unknown>[];
  rowcount: number;
  warnings: number;
}

/** Whole numbers as numbers (as the Python driver returns INT columns); the client's XML has no types. */
function typedRow(row: Row): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v !== null && /^-?(0|[1-9]\d{0,14})$/.test(v) ? Number(v) : v]));
}

/** Splits the result sets at the marker rows: what came before a marker is its query's result. */
export function splitAnswers(sets: ResultSet[], marker: string): QueryAnswer[] {
  const answers: QueryAnswer[] = [];
  let pending: ResultSet | undefined;
  for (const set of sets) {
    const row = set.rows[0];
    if (row && Object.hasOwn(row, marker)) {
      const rows = pending ? pending.rows.map(typedRow) : [];
      const affected = Number(row[marker]);
      answers.push({ rows, rowcount: pending ? rows.length : Math.max(affected, 0), warnings: Number(row[`${marker}_w`] ?? 0) });
      pending = undefined;
    } else pending = set;
  }
  return answers;
}

export const mysqlQueryModule: ActionModule<MysqlQueryArgs> = {
  kind: 'action',
  name: 'mysql_query',
  collection: 'community.mysql',
  schema: mysqlQuerySchema,
  secretArgs: loginSecrets,

  async run(ctx, args) {
    const queries = (Array.isArray(args.query) ? args.query : [args.query]).map((q) => fillPlaceholders(q, args.positional_args, args.named_args));
    if (ctx.check && !queries.every((q) => READ_ONLY.test(q))) {
      return { changed: true, reasons: queries.map((q) => `would run: ${q}`), executed_queries: [], query_result: [], rowcount: [] };
    }
    const marker = `ha_run_${randomBytes(6).toString('hex')}`;
    const body = queries.map((q) => `${q.trim().replace(/;\s*$/, '')};\nSELECT ROW_COUNT() AS ${marker}, @@warning_count AS ${marker}_w;\n`).join('');
    const sql = args.single_transaction ? `START TRANSACTION;\n${body}COMMIT;\n` : body;
    let sets: ResultSet[];
    try {
      sets = await runSql(ctx.conn, loginOf(args), sql, args.login_db);
    } catch (err) {
      if (err instanceof ModuleFailure) throw new ModuleFailure(`Cannot execute SQL: ${err.message}`);
      throw err;
    }
    const answers = splitAnswers(sets, marker);
    let changed = false;
    queries.forEach((q, i) => {
      const word = firstWord(q);
      const a = answers[i];
      if (DML.includes(word) && a && a.rowcount > 0) changed = true;
      // An IF [NOT] EXISTS that found nothing to do leaves a note: no change.
      if (DDL.includes(word) && a && a.warnings === 0) changed = true;
    });
    return {
      changed,
      executed_queries: queries,
      query_result: answers.map((a) => a.rows),
      rowcount: answers.map((a) => a.rowcount),
    };
  },
};
