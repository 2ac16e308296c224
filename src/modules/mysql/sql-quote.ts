// Quoting for the SQL the mysql family writes: values as string literals, names as identifiers.
// The SQL travels on stdin, so this is about correctness, not about the shell.

/** A string literal; backslashes and quotes escaped (the server's default sql_mode reads both). */
export function sqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\0/g, '\\0').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** An identifier: backquoted, backquotes doubled. */
export function sqlName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** 'user'@'host' */
export function sqlAccount(user: string, host: string): string {
  return `${sqlString(user)}@${sqlString(host)}`;
}
