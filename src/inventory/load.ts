// loadInventory: every -i source into one Inventory (hosts, groups, inline vars, group_vars/host_vars files).
import { dirname } from 'node:path';
import { diagnostic, type Diagnostic } from '../errors.js';
import { InputFileError, readRegularFile } from '../source/read-file.js';
import { isVaultEncrypted, openVaultFile } from '../source/vault.js';
import { rememberRevealed } from '../vault/revealed.js';
import { invalidUtf8, MAX_YAML_BYTES, parseYaml, parseYamlBytes, type LoadedYaml } from '../source/yaml.js';
import { splitHostPort } from './address.js';
import { InventoryBuilder } from './builder.js';
import { readIniInventory } from './ini-inventory.js';
import { inventoryFormatByName, resolveSource } from './sources.js';
import type { Inventory } from './types.js';
import { loadVarsBeside } from './vars-dirs.js';
import { readYamlInventory } from './yaml-inventory.js';
import { appendAll } from '../util/append.js';

export interface LoadedInventory {
  inventory: Inventory;
  /** Errors and warnings from every source, all of them (loading never stops at the first). */
  diagnostics: Diagnostic[];
}

export function loadInventory(sources: string[], options: { cwd?: string } = {}): LoadedInventory {
  const cwd = options.cwd ?? process.cwd();
  const builder = new InventoryBuilder();
  const diagnostics: Diagnostic[] = [];
  const varsDirs: string[] = [];
  const resolved: string[] = [];
  for (const arg of sources) {
    const source = resolveSource(arg, cwd, diagnostics);
    if (!source) continue;
    if (source.kind === 'host-list') {
      readHostList(source.text, builder);
      resolved.push(source.text);
      continue;
    }
    resolved.push(source.path);
    varsDirs.push(source.isDirectory ? source.path : dirname(source.path));
    for (const file of source.files) readInventoryFile(file, builder);
  }
  const inventory = builder.finish(resolved, varsDirs[0] ?? cwd, varsDirs);
  appendAll(diagnostics, builder.diagnostics);
  for (const dir of varsDirs) {
    const beside = loadVarsBeside(dir, { groups: inventory.groups.keys(), hosts: inventory.hosts.keys() });
    appendAll(diagnostics, beside.diagnostics);
    for (const [name, vars] of beside.groupVars) {
      const group = inventory.groups.get(name)!;
      Object.assign(group.fileVars, vars);
      group.fileVarLocations = { ...group.fileVarLocations, ...beside.groupVarLocations?.get(name) };
    }
    for (const [name, vars] of beside.hostVars) {
      const host = inventory.hosts.get(name)!;
      Object.assign(host.fileVars, vars);
      host.fileVarLocations = { ...host.fileVarLocations, ...beside.hostVarLocations?.get(name) };
    }
  }
  return { inventory, diagnostics };
}

function readInventoryFile(file: string, builder: InventoryBuilder): void {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_YAML_BYTES);
  } catch (err) {
    if (!(err instanceof InputFileError)) throw err;
    builder.diagnostics.push(diagnostic(err.code, `inventory ${err.message}`, { file, line: 1, col: 1 }));
    return;
  }
  const format = inventoryFormatByName(file);
  if (isVaultEncrypted(bytes.toString('utf8'))) {
    const opened = openVaultFile(bytes.toString('utf8'), file);
    if (!opened.ok) {
      builder.diagnostics.push(opened.diagnostic);
      return;
    }
    bytes = Buffer.from(opened.text, 'utf8');
    readInventoryText(bytes, file, format, builder);
    // Every variable of a vaulted inventory is a secret (those of inventories read before it come along).
    for (const entry of [...builder.hosts.values(), ...builder.groups.values()]) rememberRevealed(entry.vars);
    return;
  }
  readInventoryText(bytes, file, format, builder);
}

function readInventoryText(bytes: Buffer, file: string, format: ReturnType<typeof inventoryFormatByName>, builder: InventoryBuilder): void {
  if (format === 'yaml') {
    readYamlInventory(parseYamlBytes(bytes, file), builder);
    return;
  }
  const invalid = invalidUtf8(bytes, file);
  if (invalid) {
    builder.diagnostics.push(invalid);
    return;
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (format === 'sniff') {
    const yaml = parseYaml(text, file);
    if (looksLikeYamlInventory(yaml)) {
      readYamlInventory(yaml, builder);
      return;
    }
  }
  readIniInventory(text, file, builder);
}

/**
 * A YAML inventory is a mapping whose values are group definitions (mappings or empty). A broken one still
 * counts as YAML when it starts like one (`all:`), so its errors are YAML errors, not a pile of INI ones.
 */
function looksLikeYamlInventory(yaml: LoadedYaml): boolean {
  if (yaml.value === undefined) {
    const first = yaml.text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    return first !== undefined && /^[\w.-]+:\s*(#.*)?$/.test(first);
  }
  const v = yaml.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.values(v).every((g) => g === null || (typeof g === 'object' && !Array.isArray(g)));
}

/** `-i 'web1,web2:2222,'`: hosts in `ungrouped`, no ranges (like Ansible's host_list plugin). */
function readHostList(text: string, builder: InventoryBuilder): void {
  for (const item of text.split(',')) {
    const entry = item.trim();
    if (entry === '') continue;
    const { pattern, port } = splitHostPort(entry);
    const isNew = !builder.hosts.has(pattern);
    builder.addHostToGroup(pattern, 'ungrouped');
    if (port !== undefined && isNew) builder.setHostVar(pattern, 'ansible_port', port);
  }
}
