// `environment:` values never go on a command line (visible in `ps` and in sudo's log): they travel as one
// base64 line ahead of the command's stdin, and the command's shell reads and exports them first.
import { HaRunError } from '../errors.js';
import { shellQuote } from './quote.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The `export NAME='value'` lines, base64-encoded on one line (no newline inside), then a newline. */
export function environmentLine(env: Record<string, string>): Buffer {
  const exports = Object.entries(env).map(([name, value]) => {
    if (!ENV_NAME.test(name)) throw new HaRunError('bad-env-name', `invalid environment variable name: ${JSON.stringify(name)}`);
    return `export ${name}=${shellQuote(value)}\n`;
  });
  return Buffer.from(`${Buffer.from(exports.join('')).toString('base64')}\n`);
}

/**
 * Shell text that reads that line from stdin and runs its exports. `read` takes one byte at a time from a
 * pipe, so the rest of stdin (the command's own input) stays for the command.
 */
export const READ_ENVIRONMENT = `IFS= read -r __ha_env && eval "$(printf '%s' "$__ha_env" | base64 -d)" && unset __ha_env`;
