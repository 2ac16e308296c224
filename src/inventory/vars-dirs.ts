// group_vars/ and host_vars/ beside an inventory source or a playbook, found the way Ansible's
// host_group_vars plugin finds them: for NAME the first of `NAME` (file or directory), `NAME.yml`, `NAME.yaml`,
// `NAME.json`; a directory contributes its files (no extension or .yml/.yaml/.json) merged in sorted order.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { diagnostic, type Diagnostic, type SourceLocation } from '../errors.js';
import { validateAgainstSchema } from '../schema/validate.js';
import { varsFileSchema } from '../schema/inventory-schema.js';
import { loadYamlFile } from '../source/yaml.js';
import { appendAll } from '../util/append.js';

export type Vars = Record<string, unknown>;

export interface VarsBeside {
  /** Group name → its variables (all files for the group merged). */
  groupVars: Map<string, Vars>;
  hostVars: Map<string, Vars>;
  /** Where each variable of groupVars / hostVars is written (the file that wins for it). */
  groupVarLocations?: Map<string, Record<string, SourceLocation>>;
  hostVarLocations?: Map<string, Record<string, SourceLocation>>;
  diagnostics: Diagnostic[];
}

type Locations = Map<string, Record<string, SourceLocation>>;

const VARS_EXTENSIONS = ['', '.yml', '.yaml', '.json'];

/**
 * Reads `dir/group_vars` and `dir/host_vars`. With `only`, reads just the files for those group and host
 * names (Ansible never reads files for names the inventory does not have).
 */
export function loadVarsBeside(dir: string, only?: { groups?: Iterable<string>; hosts?: Iterable<string> }): VarsBeside {
  const diagnostics: Diagnostic[] = [];
  const groupVarLocations: Locations = new Map();
  const hostVarLocations: Locations = new Map();
  const groupVars = loadVarsDir(join(dir, 'group_vars'), only?.groups, diagnostics, groupVarLocations);
  const hostVars = loadVarsDir(join(dir, 'host_vars'), only?.hosts, diagnostics, hostVarLocations);
  return { groupVars, hostVars, groupVarLocations, hostVarLocations, diagnostics };
}

function loadVarsDir(dir: string, names: Iterable<string> | undefined, diagnostics: Diagnostic[], locations: Locations): Map<string, Vars> {
  const result = new Map<string, Vars>();
  const entries = listDir(dir);
  if (entries.size === 0) return result;
  const wanted = names ? [...names] : namesIn(entries);
  for (const name of wanted) {
    if (name.startsWith('/')) continue;
    const files = varsFilesFor(dir, name, entries);
    if (files.length === 0) continue;
    const merged: Vars = {};
    const where: Record<string, SourceLocation> = {};
    for (const file of files) Object.assign(merged, loadVarsFile(file, diagnostics, where));
    result.set(name, merged);
    locations.set(name, where);
  }
  return result;
}

/** Entity names that have a vars file here: `web.yml` → web, `web/` → web, `web` → web. */
function namesIn(entries: Set<string>): string[] {
  const names = new Set<string>();
  for (const entry of entries) {
    if (entry.startsWith('.') || entry.endsWith('~')) continue;
    const ext = extname(entry);
    names.add(VARS_EXTENSIONS.includes(ext) && ext !== '' ? entry.slice(0, -ext.length) : entry);
  }
  return [...names].sort();
}

function varsFilesFor(dir: string, name: string, entries: Set<string>): string[] {
  for (const ext of VARS_EXTENSIONS) {
    if (!entries.has(name + ext)) continue;
    const path = join(dir, name + ext);
    return isDirectory(path) ? filesInVarsDir(path) : [path];
  }
  return [];
}

/** The vars files of a directory, in Ansible's order: sorted by name, sub-directories (without an extension) in place. */
export function filesInVarsDir(dir: string): string[] {
  const found: string[] = [];
  for (const entry of [...listDir(dir)].sort()) {
    if (entry.startsWith('.') || entry.endsWith('~')) continue;
    const path = join(dir, entry);
    const ext = extname(entry);
    if (isDirectory(path)) {
      if (ext === '') found.push(...filesInVarsDir(path));
    } else if (VARS_EXTENSIONS.includes(ext)) {
      found.push(path);
    }
  }
  return found;
}

/** One vars file: a mapping (an empty file counts as none). `locations` receives where each variable is written. */
export function loadVarsFile(file: string, diagnostics: Diagnostic[], locations?: Record<string, SourceLocation>): Vars {
  const loaded = loadYamlFile(file);
  appendAll(diagnostics, loaded.diagnostics);
  const value = loaded.value;
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push(
      diagnostic('vars-not-mapping', `a vars file must be a mapping of variable names to values, not ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}`, loaded.locate([])),
    );
    return {};
  }
  appendAll(diagnostics, validateAgainstSchema(value, varsFileSchema, loaded));
  if (locations) for (const key of Object.keys(value)) locations[key] = loaded.locate([key]);
  return value as Vars;
}

function listDir(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir));
  } catch {
    return new Set();
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
