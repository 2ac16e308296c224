// resource_limits: MAX_QUERIES_PER_HOUR and friends, read from mysql.user's columns and compared as
// numbers (MariaDB keeps max_statement_time as a decimal, "0.000000").
import type { Row } from '../xml-rows.js';
import type { LIMIT_KEYS } from './schema.js';

export type LimitKey = (typeof LIMIT_KEYS)[number];
export type Limits = Partial<Record<LimitKey, number>>;

/** The mysql.user column behind each limit. */
const COLUMNS: Record<LimitKey, string> = {
  MAX_QUERIES_PER_HOUR: 'max_questions',
  MAX_UPDATES_PER_HOUR: 'max_updates',
  MAX_CONNECTIONS_PER_HOUR: 'max_connections',
  MAX_USER_CONNECTIONS: 'max_user_connections',
  MAX_STATEMENT_TIME: 'max_statement_time',
};

/** The limits the server has for an account; a column the server lacks is left out. */
export function limitsOf(row: Row): Limits {
  const limits: Limits = {};
  for (const [key, column] of Object.entries(COLUMNS) as [LimitKey, string][]) {
    const value = row[column];
    if (value !== undefined && value !== null && value !== '') limits[key] = Number(value);
  }
  return limits;
}

/** The limits asked that differ from the account's (a new account has none: 0). */
export function limitsToChange(wanted: Limits, current: Limits | undefined): Limits {
  const differ: Limits = {};
  for (const [key, value] of Object.entries(wanted) as [LimitKey, number][]) {
    if (Number(value) !== (current?.[key] ?? 0)) differ[key] = Number(value);
  }
  return differ;
}

/** The WITH clause's body: "MAX_USER_CONNECTIONS 10 MAX_QUERIES_PER_HOUR 100". */
export function limitsSql(limits: Limits): string {
  return Object.entries(limits)
    .map(([key, value]) => `${key} ${value}`)
    .join(' ');
}

/** For a summary: "MAX_USER_CONNECTIONS 0 → 10". */
export function describeLimits(limits: Limits, current: Limits | undefined): string {
  return Object.entries(limits)
    .map(([key, value]) => `${key} ${current?.[key as LimitKey] ?? 0} → ${value}`)
    .join(', ');
}
