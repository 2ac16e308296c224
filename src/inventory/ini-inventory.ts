// Ansible's INI inventory format: host lines, `[group]`, `[group:vars]`, `[group:children]`.
// Unlike Ansible, every bad line is reported (not only the first), each at its file:line:col.
import { diagnostic, type SourceLocation } from '../errors.js';
import { splitHostPort } from './address.js';
import type { InventoryBuilder } from './builder.js';
import { parseIniValue } from './python-literal.js';
import { shellWords, ShellWordsError } from './shell-words.js';

const SECTION = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;
const GROUP_NAME = /^([^:\]\s]+)\s*(?:#.*)?$/;

type State = 'hosts' | 'vars' | 'children';

interface Pending {
  state: 'vars' | 'children';
  location: SourceLocation;
  parents: string[];
}

export function readIniInventory(text: string, file: string, builder: InventoryBuilder): void {
  const out = builder.diagnostics;
  // Groups named in [x:vars] or [x:children] before (or without) their own [x] section.
  const pending = new Map<string, Pending>();
  let group = 'ungrouped';
  let state: State | 'skip' = 'hosts';
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const at: SourceLocation = { file, line: index + 1, col: raw.length - raw.trimStart().length + 1 };
    const section = SECTION.exec(line);
    if (section) {
      const kind = section[2] ?? 'hosts';
      if (kind !== 'hosts' && kind !== 'vars' && kind !== 'children') {
        out.push(diagnostic('ini-section', `section [${section[1]}:${kind}] has an unknown type '${kind}'`, at, "use [group], [group:vars] or [group:children]"));
        // Skip its lines rather than reporting each as a bad host.
        state = 'skip';
        continue;
      }
      group = section[1]!;
      state = kind;
      if (!builder.groups.has(group)) {
        if (state === 'vars' && !pending.has(group)) pending.set(group, { state, location: at, parents: [] });
      }
      builder.group(group, state === 'vars' ? undefined : at);
      const waiting = pending.get(group);
      if (waiting && state !== 'vars') {
        if (waiting.state === 'children') resolvePendingChildren(group, pending, builder);
        else pending.delete(group);
      }
      continue;
    }
    if (line.startsWith('[') && line.endsWith(']')) {
      out.push(diagnostic('ini-section', `invalid section header '${line}'`, at, 'a section is [name], [name:vars] or [name:children], with no spaces'));
      continue;
    }
    if (state === 'skip') continue;
    if (state === 'hosts') readHostLine(line, group, at, builder);
    else if (state === 'vars') readVarLine(line, group, at, builder);
    else readChildLine(line, group, at, builder, pending);
  }
  for (const [name, decl] of pending) {
    if (decl.state === 'vars') {
      out.push(diagnostic('undefined-group', `[${name}:vars] sets variables of a group that is never defined`, decl.location, `add a [${name}] section or list it under some [group:children]`));
    } else {
      out.push(diagnostic('undefined-group', `[${decl.parents.at(-1)}:children] includes '${name}', a group that is never defined`, decl.location, `add a [${name}] section`));
    }
  }
}

function resolvePendingChildren(group: string, pending: Map<string, Pending>, builder: InventoryBuilder): void {
  const decl = pending.get(group)!;
  pending.delete(group);
  for (const parent of decl.parents) {
    builder.addChild(parent, group, decl.location);
    if (pending.get(parent)?.state === 'children') resolvePendingChildren(parent, pending, builder);
  }
}

function readHostLine(line: string, group: string, at: SourceLocation, builder: InventoryBuilder): void {
  const out = builder.diagnostics;
  let words: string[];
  try {
    words = shellWords(line);
  } catch (err) {
    if (!(err instanceof ShellWordsError)) throw err;
    out.push(diagnostic('ini-syntax', `cannot read host line: ${err.message}`, at));
    return;
  }
  if (words.length === 0) return;
  const entry = words[0]!;
  const { pattern, port } = splitHostPort(entry);
  if (entry.endsWith(':') && port === undefined) {
    out.push(diagnostic('bad-host', `host '${entry}' ends in ':', which is reserved for a port`, at));
    return;
  }
  if (pattern === '---') {
    out.push(diagnostic('bad-host', "host '---' looks like the start of a YAML document; name YAML inventories *.yml", at));
    return;
  }
  const vars: Record<string, unknown> = {};
  let ok = true;
  for (const word of words.slice(1)) {
    const eq = word.indexOf('=');
    if (eq <= 0) {
      out.push(diagnostic('ini-syntax', `expected key=value after the host name, got '${word}'`, { ...at, col: at.col + Math.max(0, line.indexOf(word)) }));
      ok = false;
      continue;
    }
    vars[word.slice(0, eq)] = parseIniValue(word.slice(eq + 1));
  }
  if (ok) builder.addHostEntry(entry, group, vars, at);
}

function readVarLine(line: string, group: string, at: SourceLocation, builder: InventoryBuilder): void {
  const eq = line.indexOf('=');
  if (eq <= 0 || line.slice(0, eq).trim() === '') {
    builder.diagnostics.push(diagnostic('ini-syntax', `expected key=value in [${group}:vars], got '${line}'`, at));
    return;
  }
  builder.setGroupVar(group, line.slice(0, eq).trim(), parseIniValue(line.slice(eq + 1).trim()), at);
}

function readChildLine(line: string, group: string, at: SourceLocation, builder: InventoryBuilder, pending: Map<string, Pending>): void {
  const m = GROUP_NAME.exec(line);
  if (!m) {
    builder.diagnostics.push(diagnostic('ini-syntax', `expected a group name in [${group}:children], got '${line}'`, at));
    return;
  }
  const child = m[1]!;
  if (builder.groups.has(child)) {
    builder.addChild(group, child, at);
    return;
  }
  const waiting = pending.get(child);
  if (waiting) waiting.parents.push(group);
  else pending.set(child, { state: 'children', location: at, parents: [group] });
}
