// env_file, read on the target as community.docker reads it: VAR=value lines (the value as written,
// quotes included), '#' comment lines and blank lines skipped. Its variables join env (env wins),
// so they are compared like env and travel with it on stdin, never on a command line.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Fact } from '../../kit/fact.js';

export function parseEnvFile(text: string, path: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [index, raw] of text.split('\n').entries()) {
    if (raw.startsWith('#')) continue;
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new ModuleFailure(`Invalid line in environment file ${path}: line ${index + 1} is not VAR=value`);
    vars[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return vars;
}

/** The env file's variables; a missing or unreadable file fails the task. */
export const envFileVars: Fact<string, Record<string, string>> = {
  name: 'the env_file',
  script: (path) => `cat -- ${shellQuote(path)} 2>&1`,
  parse(stdout, path, rc) {
    if (rc !== 0) throw new ModuleFailure(`env_file ${path} cannot be read on the target: ${stdout.trim().split('\n').pop()}`);
    return parseEnvFile(stdout, path);
  },
};
