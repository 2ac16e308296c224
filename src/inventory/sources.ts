// What `-i` names: a file, a directory of inventory files, or a comma-separated host list (`-i 'a,b,'`).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../errors.js';

export type InventorySource =
  | { kind: 'host-list'; text: string }
  | { kind: 'path'; arg: string; path: string; isDirectory: boolean; files: string[] };

/** Names Ansible skips inside an inventory directory (hidden files, vars dirs, and INVENTORY_IGNORE_EXTS). */
const IGNORED_NAMES = /^\.|^host_vars$|^group_vars$|^vars_plugins$/;
const IGNORED_EXTENSIONS = ['.pyc', '.pyo', '.swp', '.bak', '~', '.rpm', '.md', '.txt', '.rst', '.orig', '.ini', '.cfg', '.retry'];

export function isIgnoredInventoryFile(name: string): boolean {
  return IGNORED_NAMES.test(name) || IGNORED_EXTENSIONS.some((ext) => name.endsWith(ext));
}

export function resolveSource(arg: string, cwd: string, diagnostics: Diagnostic[]): InventorySource | undefined {
  const path = resolve(cwd, arg);
  if (arg.includes(',') && !existsSync(path)) return { kind: 'host-list', text: arg };
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    diagnostics.push(diagnostic('inventory-not-found', `inventory source '${arg}' does not exist`, undefined, "give a file, a directory, or a host list with a comma like 'web1,'"));
    return undefined;
  }
  if (!isDirectory) return { kind: 'path', arg, path, isDirectory, files: [path] };
  const files = inventoryFilesIn(path);
  if (files.length === 0) {
    diagnostics.push(
      diagnostic('empty-inventory-dir', `inventory directory '${arg}' holds no inventory files`, undefined, 'files ending in .md, .txt, .cfg, .ini, .retry, ~ and hidden files are skipped, as Ansible does'),
    );
  }
  return { kind: 'path', arg, path, isDirectory, files };
}

/** Every inventory file under `dir`, in sorted order, descending into subdirectories like Ansible. */
function inventoryFilesIn(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (isIgnoredInventoryFile(name)) continue;
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) files.push(...inventoryFilesIn(path));
    else if (stat.isFile()) files.push(path);
  }
  return files;
}

/** YAML by extension; a file without one is YAML when it reads as a mapping of groups, INI otherwise. */
export function inventoryFormatByName(file: string): 'yaml' | 'ini' | 'sniff' {
  const ext = extname(file).toLowerCase();
  if (ext === '.yml' || ext === '.yaml' || ext === '.json') return 'yaml';
  return ext === '' ? 'sniff' : 'ini';
}
