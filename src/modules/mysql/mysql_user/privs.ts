// Privileges as sets per object ('db.table' → {SELECT, INSERT, GRANT}), from Ansible's priv string
// (`cattle.*:ALL/*.*:REPLICATION SLAVE,REPLICATION CLIENT`) or dict, and from SHOW GRANTS. Both sides
// are normalized the same way, so that what the server reports back equals what was asked.

export type Privileges = Map<string, Set<string>>;

/** Splits on commas outside parentheses: "SELECT (a, b), INSERT" → ["SELECT (a, b)", "INSERT"]. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * One privilege as the server names it: upper case, single spaces, ALL → ALL PRIVILEGES, columns
 * unquoted and sorted; on MariaDB 10.5+ REPLICATION CLIENT is shown as BINLOG MONITOR.
 */
export function normalizePrivilege(raw: string, binlogMonitor: boolean): string {
  const m = /^([^(]*?)\s*(?:\((.*)\))?$/.exec(raw.trim())!;
  let name = m[1].toUpperCase().replace(/\s+/g, ' ').trim();
  if (name === 'ALL') name = 'ALL PRIVILEGES';
  if (binlogMonitor && name === 'REPLICATION CLIENT') name = 'BINLOG MONITOR';
  if (m[2] === undefined) return name;
  const columns = m[2]
    .split(',')
    .map((c) => c.trim().replace(/^`(.*)`$/, '$1'))
    .sort();
  return `${name} (${columns.join(', ')})`;
}

/** 'db.table' with quotes removed; FUNCTION/PROCEDURE kept in front. */
export function normalizeObject(raw: string): string {
  const trimmed = raw.trim();
  const typed = /^(FUNCTION|PROCEDURE)\s+(.*)$/i.exec(trimmed);
  const body = typed ? typed[2] : trimmed;
  const parts = body.match(/`(?:[^`]|``)*`|[^.]+/g) ?? [body];
  const plain = parts.map((p) => (p.startsWith('`') ? p.slice(1, -1).replace(/``/g, '`') : p)).join('.');
  return typed ? `${typed[1].toUpperCase()} ${plain}` : plain;
}

function add(privs: Privileges, object: string, names: Iterable<string>): void {
  const set = privs.get(object) ?? new Set<string>();
  for (const n of names) set.add(n);
  privs.set(object, set);
}

export class PrivilegeSyntaxError extends Error {}

/** Ansible's priv string or dict, as sets. `*.*` is always there (USAGE: no privileges), unless subtracting. */
export function parsePrivArg(priv: string | Record<string, string>, binlogMonitor: boolean): Privileges {
  const entries: [string, string][] =
    typeof priv === 'string'
      ? priv
          .trim()
          .split('/')
          .filter((item) => item.trim())
          .map((item) => {
            const colon = item.lastIndexOf(':');
            if (colon < 0) throw new PrivilegeSyntaxError(`invalid privileges string: '${item}' has no ':' between the object and its privileges`);
            return [item.slice(0, colon), item.slice(colon + 1)];
          })
      : Object.entries(priv);
  const privs: Privileges = new Map();
  for (const [object, list] of entries) {
    if (!/^\s*(?:(?:FUNCTION|PROCEDURE)\s+)?[^.]+\.[^.]+\s*$/i.test(object.replace(/`(?:[^`]|``)*`/g, 'x'))) {
      throw new PrivilegeSyntaxError(`invalid privileges string: '${object}' is not 'db.table'`);
    }
    add(privs, normalizeObject(object), splitTopLevel(String(list)).map((p) => normalizePrivilege(p, binlogMonitor)));
  }
  return privs;
}

/** SHOW GRANTS lines of one account, as sets; role and PROXY grants are left out (not managed by priv). */
export function parseShowGrants(lines: string[]): Privileges {
  const privs: Privileges = new Map();
  for (const line of lines) {
    const m = /^GRANT (.+?) ON ((?:(?:FUNCTION|PROCEDURE) )?(?:`(?:[^`]|``)*`|\*)\.(?:`(?:[^`]|``)*`|\*)) TO (.*)$/.exec(line);
    if (!m || m[1] === 'PROXY') continue;
    const names = splitTopLevel(m[1]).map((p) => normalizePrivilege(p, false));
    if (/ WITH GRANT OPTION\b/.test(m[3])) names.push('GRANT');
    add(privs, normalizeObject(m[2]), names);
  }
  return privs;
}

/** Column names in upper case (column_case_sensitive: false): the server matches them without case. */
export function upperColumns(privs: Privileges): Privileges {
  const upper = (p: string) => p.replace(/ \((.*)\)$/, (_all, cols: string) => ` (${cols.split(', ').map((c) => c.toUpperCase()).sort().join(', ')})`);
  return new Map([...privs].map(([object, set]) => [object, new Set([...set].map(upper))]));
}

/** The privileges that grant something (USAGE grants nothing). */
export function effective(set: Set<string> | undefined): Set<string> {
  return new Set([...(set ?? [])].filter((p) => p !== 'USAGE'));
}

/** The object as SQL: `db`.`table`, * left bare. */
export function objectSql(object: string): string {
  const typed = /^(FUNCTION|PROCEDURE) (.*)$/.exec(object);
  const body = typed ? typed[2] : object;
  const dot = body.indexOf('.');
  const side = (s: string) => (s === '*' ? '*' : `\`${s.replace(/`/g, '``')}\``);
  const sql = `${side(body.slice(0, dot))}.${side(body.slice(dot + 1))}`;
  return typed ? `${typed[1]} ${sql}` : sql;
}

/** A privilege as SQL: columns back in backquotes. */
export function privilegeSql(priv: string): string {
  const m = /^([^(]*?) \((.*)\)$/.exec(priv);
  return m ? `${m[1]} (${m[2].split(', ').map((c) => `\`${c}\``).join(', ')})` : priv;
}

export function formatPrivileges(privs: Privileges): string {
  return [...privs.entries()]
    .filter(([, set]) => set.size > 0)
    .map(([object, set]) => `${object}:${[...set].sort().join(',')}`)
    .sort()
    .join('/');
}
