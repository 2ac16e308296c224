// mysql_variables' pure plan: set the variable when the server's value differs from the asked one,
// compared as the server means them (32M is 33554432, ON is 1).
import { ModuleFailure } from '../../failure.js';
import type { Change } from '../../types.js';
import { sqlOp } from '../client.js';
import { loginOf } from '../login.js';
import { sqlString } from '../sql-quote.js';
import type { MysqlVariablesArgs } from './schema.js';

export interface VariableFacts {
  version: string;
  /** The global value, or undefined when the server has no such variable. */
  value?: string;
}

const SIZE = /^(\d+)([KMGT])$/i;
const POWERS: Record<string, number> = { K: 1, M: 2, G: 3, T: 4 };

/** The value as the server would hold it: sizes in bytes, booleans as 1/0, numbers as numbers. */
export function canonicalValue(value: string): string {
  const trimmed = value.trim();
  const size = SIZE.exec(trimmed);
  if (size) return String(Number(size[1]) * 1024 ** POWERS[size[2].toUpperCase()]);
  const upper = trimmed.toUpperCase();
  if (upper === 'ON' || upper === 'TRUE') return '1';
  if (upper === 'OFF' || upper === 'FALSE') return '0';
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return String(Number(trimmed));
  return trimmed;
}

/** The value as SQL: numbers bare (a numeric variable refuses a string), the rest quoted. */
function valueSql(value: string): string {
  const canonical = canonicalValue(value);
  return /^-?\d+(\.\d+)?$/.test(canonical) && !/^(ON|OFF|TRUE|FALSE)$/i.test(value.trim()) ? canonical : sqlString(value);
}

export interface VariableChange extends Change {
  query: string;
  previous: string;
}

export function planVariable(args: MysqlVariablesArgs, facts: VariableFacts): VariableChange[] {
  if (facts.value === undefined) throw new ModuleFailure(`Variable not available "${args.variable}"`);
  const mode = args.mode ?? 'global';
  if (mode !== 'global' && (/mariadb/i.test(facts.version) || Number(facts.version.split('.')[0]) < 8)) {
    throw new ModuleFailure('Server version must be 8.0 or greater.');
  }
  if (args.value === undefined || canonicalValue(args.value) === canonicalValue(facts.value)) return [];
  const verb = mode === 'global' ? 'GLOBAL' : mode === 'persist' ? 'PERSIST' : 'PERSIST_ONLY';
  const query = `SET ${verb} \`${args.variable}\` = ${valueSql(args.value)}`;
  return [{ summary: `${args.variable}: ${facts.value} → ${args.value}`, query, previous: facts.value, ops: [sqlOp(loginOf(args), `${query};\n`)] }];
}

export function variableResult(args: MysqlVariablesArgs, before: VariableFacts, changes: VariableChange[]): Record<string, unknown> {
  if (args.value === undefined) return { msg: before.value };
  const change = changes[0];
  if (change) return { msg: `Variable change succeeded prev_value=${change.previous}`, queries: [change.query] };
  return { msg: 'Variable is already set to requested value.', queries: [] };
}
