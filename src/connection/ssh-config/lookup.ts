// What an OpenSSH client configuration says for one host name: each keyword's first obtained value (in
// file order, user file before system file), every IdentityFile (they accumulate), and where each was
// written. Files are read once per run (per path and modification time).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceLocation } from '../../errors.js';
import { readRegularText } from '../../source/read-file.js';
import { hostMatches } from './match.js';
import { parseSshConfig, type Condition, type ParsedSshConfig } from './parse.js';

export interface SshConfigFile {
  path: string;
  /** Where relative Include paths start. */
  includeBase: string;
  /** A file named with -F must exist; the default ones need not. */
  required: boolean;
}

export interface SshConfigValue {
  args: string[];
  at: SourceLocation;
}

export interface HostSshConfig {
  /** First value of each keyword (lower-cased), IdentityFile excluded. */
  values: Map<string, SshConfigValue>;
  identityFiles: SshConfigValue[];
  /** Problems in the files read (syntax, an -F file that cannot be read), with where. */
  problems: { message: string; at?: SourceLocation }[];
}

/** The files ssh reads: `-F file` alone, else ~/.ssh/config then /etc/ssh/ssh_config. */
export function sshConfigFiles(home: string, explicit?: string, systemFile = '/etc/ssh/ssh_config'): SshConfigFile[] {
  const userDir = join(home, '.ssh');
  if (explicit !== undefined) return [{ path: explicit, includeBase: userDir, required: true }];
  return [
    { path: join(userDir, 'config'), includeBase: userDir, required: false },
    { path: systemFile, includeBase: '/etc/ssh', required: false },
  ];
}

const cache = new Map<string, { stamp: string; parsed: ParsedSshConfig }>();

function parsedFile(f: SshConfigFile, home: string): ParsedSshConfig | { error: string } | undefined {
  let stamp: string;
  try {
    const st = statSync(f.path);
    stamp = `${st.mtimeMs}:${st.size}`;
  } catch (err) {
    return f.required ? { error: `cannot read the ssh config ${f.path}: ${(err as Error).message}` } : undefined;
  }
  const hit = cache.get(f.path);
  if (hit?.stamp === stamp) return hit.parsed;
  let text: string;
  try {
    text = readRegularText(f.path);
  } catch (err) {
    return f.required ? { error: `cannot read the ssh config ${f.path}: ${(err as Error).message}` } : undefined;
  }
  const parsed = parseSshConfig(text, f.path, { home, includeBase: f.includeBase, stack: [f.path] });
  cache.set(f.path, { stamp, parsed });
  return parsed;
}

function applies(conditions: Condition[], name: string): boolean {
  return conditions.every((c) => c.kind === 'host' && hostMatches(c.patterns, name));
}

export function lookupHostConfig(name: string, files: SshConfigFile[], home: string): HostSshConfig {
  const values = new Map<string, SshConfigValue>();
  const identityFiles: SshConfigValue[] = [];
  const problems: HostSshConfig['problems'] = [];
  for (const f of files) {
    const parsed = parsedFile(f, home);
    if (parsed === undefined) continue;
    if ('error' in parsed) {
      problems.push({ message: parsed.error });
      continue;
    }
    problems.push(...parsed.problems);
    for (const o of parsed.options) {
      if (!applies(o.conditions, name)) continue;
      const value = { args: o.args, at: o.at };
      if (o.keyword === 'identityfile') identityFiles.push(value);
      else if (!values.has(o.keyword)) values.set(o.keyword, value);
    }
  }
  return { values, identityFiles, problems };
}
