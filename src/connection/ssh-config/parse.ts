// OpenSSH client configuration files (ssh_config(5)) as a flat list of options, each with the Host/Match
// conditions it sits under and where it was written. `Include` is followed (globs in the file name part),
// inheriting the condition of the block it appears in. Reading only: what applies to a host is lookup.ts.
// (The npm `ssh-config` package is not among this project's dependencies; the syntax is small.)
import { readdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { SourceLocation } from '../../errors.js';
import { readRegularText } from '../../source/read-file.js';

/** One `Host` or `Match` line: every pattern list in `all` must match for the option to apply. */
export type Condition = { kind: 'host'; patterns: string[] } | { kind: 'never'; why: string; at: SourceLocation };

export interface SshConfigOption {
  /** Lower-cased keyword. */
  keyword: string;
  /** Arguments, unquoted. */
  args: string[];
  at: SourceLocation;
  conditions: Condition[];
}

export interface SshConfigProblem {
  message: string;
  at: SourceLocation;
}

export interface ParsedSshConfig {
  options: SshConfigOption[];
  problems: SshConfigProblem[];
}

/** Splits a line into words: whitespace or one `=` after the keyword separates; double quotes group. */
export function splitConfigLine(line: string): string[] | { error: string } {
  const words: string[] = [];
  let i = 0;
  const m = /^\s*([^\s=]+)\s*(?:=\s*|\s+|$)/.exec(line);
  if (!m) return words;
  words.push(m[1]!);
  i = m[0].length;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length || line[i] === '#') break;
    if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      if (end === -1) return { error: 'unterminated quote' };
      words.push(line.slice(i + 1, end));
      i = end + 1;
    } else {
      const start = i;
      while (i < line.length && !/\s/.test(line[i]!)) i++;
      words.push(line.slice(start, i));
    }
  }
  return words;
}

function matchCondition(args: string[], at: SourceLocation): Condition {
  if (args.length === 1 && args[0]!.toLowerCase() === 'all') return { kind: 'host', patterns: ['*'] };
  if (args.length === 2 && ['host', 'originalhost'].includes(args[0]!.toLowerCase())) return { kind: 'host', patterns: args[1]!.split(',') };
  return { kind: 'never', why: `Match ${args.join(' ')} is not supported by ha-run (only Match all / host / originalhost)`, at };
}

export interface ParseContext {
  home: string;
  /** Relative Include paths start here: ~/.ssh for a user's file, /etc/ssh for the system's. */
  includeBase: string;
  /** Files being read, to stop Include loops. */
  stack?: string[];
}

function includedFiles(pattern: string, ctx: ParseContext): string[] {
  const expanded = pattern.startsWith('~/') ? join(ctx.home, pattern.slice(2)) : pattern;
  const path = isAbsolute(expanded) ? expanded : join(ctx.includeBase, expanded);
  const name = basename(path);
  if (!/[*?]/.test(name)) return [path];
  const re = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  try {
    return readdirSync(dirname(path)).filter((f) => re.test(f)).sort().map((f) => join(dirname(path), f));
  } catch {
    return [];
  }
}

export function parseSshConfig(text: string, file: string, ctx: ParseContext, outer: Condition[] = []): ParsedSshConfig {
  const options: SshConfigOption[] = [];
  const problems: SshConfigProblem[] = [];
  let block: Condition[] = outer;
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const at = { file, line: i + 1, col: line.length - line.trimStart().length + 1 };
    const words = splitConfigLine(line);
    if ('error' in words) return void problems.push({ message: words.error, at });
    const [keyword, ...args] = words;
    const kw = keyword!.toLowerCase();
    if (kw === 'host') {
      block = [...outer, { kind: 'host', patterns: args }];
      return;
    }
    if (kw === 'match') {
      block = [...outer, matchCondition(args, at)];
      return;
    }
    if (args.length === 0) return void problems.push({ message: `${keyword} has no value`, at });
    if (kw === 'include') {
      for (const pattern of args) {
        for (const included of includedFiles(pattern, ctx)) {
          if ((ctx.stack ?? []).includes(included)) {
            problems.push({ message: `Include loops back to ${included}`, at });
            continue;
          }
          let inner: string;
          try {
            inner = readRegularText(included);
          } catch {
            continue; // ssh skips an Include that names nothing readable
          }
          const sub = parseSshConfig(inner, included, { ...ctx, stack: [...(ctx.stack ?? []), file] }, block);
          options.push(...sub.options);
          problems.push(...sub.problems);
        }
      }
      return;
    }
    options.push({ keyword: kw, args, at, conditions: block });
  });
  return { options, problems };
}
