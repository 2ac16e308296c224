// Host patterns as Ansible reads them (`hosts:` and `--limit`): names, groups, `all`/`*`, globs, `~regex`,
// unions (`a:b`, `a,b`), intersections (`a:&b`), exclusions (`a:!b`), subscripts (`web[0]`, `web[0:2]`),
// and for --limit also `@file`. Union terms apply first, then intersections, then exclusions.
import { resolve } from 'node:path';
import { HaRunError } from '../errors.js';
import { readRegularText } from '../source/read-file.js';
import { fnmatchRegExp } from '../util/fnmatch.js';
import { addImplicitLocalhost, LOCALHOST_NAMES } from './implicit-localhost.js';
import { groupHosts } from './relations.js';
import type { Inventory } from './types.js';
import { appendAll } from '../util/append.js';
import { withRegexBudget } from '../util/regex-budget.js';

export interface SelectOptions {
  /** `--limit`: the result is narrowed to hosts that also match these patterns. */
  limit?: string | string[];
  /** Where `@file` limits are resolved from. */
  cwd?: string;
  /** A localhost name matching nothing makes Ansible's implicit localhost (added to the inventory). */
  implicitLocalhost?: boolean;
}

/** Hosts matching `pattern` (and `limit`), without duplicates, in inventory order. Throws HaRunError('bad-pattern'). */
export function selectHosts(inventory: Inventory, pattern: string | string[], options: SelectOptions = {}): string[] {
  const implicit = options.implicitLocalhost === true;
  let hosts = evaluatePatterns(inventory, splitHostPattern(pattern), implicit);
  if (options.limit !== undefined) {
    const allowed = new Set(evaluatePatterns(inventory, readLimit(options.limit, options.cwd), implicit));
    hosts = hosts.filter((h) => allowed.has(h));
  }
  return hosts;
}

/** 'a,b[1], c[2:3] , d' → ['a', 'b[1]', 'c[2:3]', 'd']; ':' separates too unless the text is an address or range. */
export function splitHostPattern(pattern: string | string[]): string[] {
  if (Array.isArray(pattern)) return pattern.flatMap((p) => splitHostPattern(p));
  let parts: string[];
  if (pattern.includes(',')) parts = pattern.split(',');
  else if (isAddressOrRange(pattern)) parts = [pattern];
  else parts = pattern.match(/(?:[^\s:[\]]|\[[^\]]*\])+/g) ?? [];
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** The --limit patterns, with `@file` replaced by the file's lines. */
export function readLimit(limit: string | string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  for (const item of splitHostPattern(limit)) {
    if (!item.startsWith('@')) {
      out.push(item);
      continue;
    }
    const file = resolve(cwd, item.slice(1));
    let text: string;
    try {
      text = readRegularText(file);
    } catch (err) {
      throw new HaRunError('limit-file', `cannot read limit file '${item.slice(1)}': ${(err as Error).message}`, { cause: err });
    }
    appendAll(out, text.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
  }
  return out;
}

function evaluatePatterns(inventory: Inventory, patterns: string[], implicitLocalhost: boolean): string[] {
  const union = patterns.filter((p) => !p.startsWith('!') && !p.startsWith('&'));
  const ordered = [
    ...(union.length > 0 ? union : ['all']),
    ...patterns.filter((p) => p.startsWith('&')),
    ...patterns.filter((p) => p.startsWith('!')),
  ];
  let hosts: string[] = [];
  for (const p of ordered) {
    if (inventory.hosts.has(p)) {
      hosts.push(p);
      continue;
    }
    const matched = matchOnePattern(inventory, p.startsWith('!') || p.startsWith('&') ? p.slice(1) : p, implicitLocalhost);
    if (p.startsWith('!')) {
      const drop = new Set(matched);
      hosts = hosts.filter((h) => !drop.has(h));
    } else if (p.startsWith('&')) {
      const keep = new Set(matched);
      hosts = hosts.filter((h) => keep.has(h));
    } else {
      const existing = new Set(hosts);
      appendAll(hosts, matched.filter((h) => !existing.has(h)));
    }
  }
  return [...new Set(hosts)];
}

const SUBSCRIPT = /^(.+)\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\]$/;

function matchOnePattern(inventory: Inventory, pattern: string, implicitLocalhost: boolean): string[] {
  if (pattern === '') throw new HaRunError('bad-pattern', "empty host pattern after '&' or '!'");
  const m = pattern.startsWith('~') ? null : SUBSCRIPT.exec(pattern);
  const expr = m ? m[1]! : pattern;
  let hosts = enumerateMatches(inventory, expr);
  if (hosts.length === 0 && implicitLocalhost && LOCALHOST_NAMES.includes(expr)) hosts = [addImplicitLocalhost(inventory, expr)];
  if (!m || hosts.length === 0) return hosts;
  if (m[2] !== undefined) {
    const index = Number(m[2]);
    const host = hosts[index < 0 ? hosts.length + index : index];
    if (host === undefined) throw new HaRunError('bad-pattern', `no host at index ${index} in '${pattern}': '${expr}' matches ${hosts.length} host(s)`);
    return [host];
  }
  const start = Number(m[3]);
  // As Ansible: `[2:]` runs to the end, and an end of 0 means "just the start".
  const end = m[5] === '' ? hosts.length - 1 : Number(m[5]);
  if (end === 0) {
    const host = hosts[start];
    if (host === undefined) throw new HaRunError('bad-pattern', `no host at index ${start} in '${pattern}': '${expr}' matches ${hosts.length} host(s)`);
    return [host];
  }
  return hosts.slice(start, end + 1);
}

/** Groups matching the expression contribute all their hosts; hosts are tried too for globs/regexes or when no group matched. */
function enumerateMatches(inventory: Inventory, expr: string): string[] {
  const matches = compileMatcher(expr);
  const results: string[] = [];
  // A `~regex` runs over every group and host name within the regex time budget (util/regex-budget.ts).
  return withRegexBudget([matches.regex], expr.slice(1), (message) => new HaRunError('bad-pattern', `host pattern '${expr}': ${message}`), () => {
    const groups = [...inventory.groups.keys()].filter(matches);
    for (const g of groups) appendAll(results, groupHosts(inventory, g));
    if (groups.length === 0 || expr.startsWith('~') || /[.?*[]/.test(expr)) {
      for (const h of inventory.hosts.values()) if (!h.implicit && matches(h.name)) results.push(h.name);
    }
    return results;
  });
}

/** The test a name must pass; `regex` is the user's `~` pattern (fnmatch globs are ours and linear enough). */
function compileMatcher(expr: string): ((name: string) => boolean) & { regex?: RegExp } {
  if (expr.startsWith('~')) {
    let re: RegExp;
    try {
      // Python's re.match: anchored at the start only.
      re = new RegExp(`^(?:${expr.slice(1)})`, 'u');
    } catch (err) {
      throw new HaRunError('bad-pattern', `invalid regular expression in host pattern '${expr}': ${(err as Error).message}`);
    }
    return Object.assign((name: string) => re.test(name), { regex: re });
  }
  if (!/[*?[]/.test(expr)) return (name) => name === expr;
  const re = fnmatchRegExp(expr);
  return (name) => re.test(name);
}


const RANGE = String.raw`\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]`;
const LABEL = String.raw`(?:[\p{L}\p{N}_]|${RANGE})(?:[\p{L}\p{N}_-]|${RANGE})*(?<![_-])`;
const HOSTNAME = new RegExp(String.raw`^${LABEL}(?:\.${LABEL})*$`, 'iu');
const IPV4_PART = String.raw`(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|\[[0-9]+:[0-9]+(?::[0-9]+)?\])`;
const IPV4 = new RegExp(String.raw`^(?:${IPV4_PART}\.){3}${IPV4_PART}$`);
const IPV6 = /^(?=[^:]*:[^:]*:)[0-9a-f:[\]]+(?:\.[0-9]+){0,3}$/i;

/** Ansible's parse_address(allow_ranges=True) succeeding: then ':' is part of the name, not a separator. */
function isAddressOrRange(text: string): boolean {
  const bracketed = /^\[(.+)\]:([0-9]+)$/.exec(text);
  if (bracketed) return IPV6.test(bracketed[1]!) || IPV4.test(bracketed[1]!) || HOSTNAME.test(bracketed[1]!);
  const hostPort = /^((?:[^:[\]]|\[[^\]]*\])*):([0-9]+)$/.exec(text);
  const host = hostPort ? hostPort[1]! : text;
  if (IPV4.test(host) || HOSTNAME.test(host)) return true;
  return !hostPort && IPV6.test(text);
}
