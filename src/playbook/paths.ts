// Where relative file names in playbooks point, searched in Ansible's order.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { filesInVarsDir } from '../inventory/index.js';

export interface SearchResult {
  found?: string;
  searched: string[];
}

/** The first candidate that is an existing file. */
export function firstFile(candidates: string[]): SearchResult {
  const searched = [...new Set(candidates.map((c) => resolve(c)))];
  return { found: searched.find(isFile), searched };
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `name` relative to each directory in turn (an absolute name is itself). */
export function searchFile(name: string, dirs: string[]): SearchResult {
  return firstFile(isAbsolute(name) ? [name] : dirs.map((d) => join(d, name)));
}

/** `main` -> main.yml or main.yaml (or the name itself when it has an extension) inside `dir`. */
export function yamlFileIn(dir: string, base: string): string | undefined {
  const names = /\.ya?ml$/.test(base) ? [base] : [`${base}.yml`, `${base}.yaml`, base];
  return names.map((n) => join(dir, n)).find((p) => existsSync(p) && isFile(p));
}

/**
 * A role's defaults/ or vars/ source as Ansible finds it: `main` as main.yml, .yaml, .json, then a main/
 * directory; a *_from name as written first. Either a file or a directory (whose files are all read).
 */
export function roleVarsSource(dir: string, from?: string): string | undefined {
  const base = from ?? 'main';
  const extensions = from === undefined ? ['.yml', '.yaml', '.json', ''] : ['', '.yml', '.yaml', '.json'];
  return extensions.map((ext) => join(dir, base + ext)).find((p) => isFile(p) || isDirectory(p));
}

/** The files of roleVarsSource, merged in this order (a directory's in sorted order). */
export function roleVarsFiles(dir: string, from?: string): string[] {
  const source = roleVarsSource(dir, from);
  if (source === undefined) return [];
  return isDirectory(source) ? filesInVarsDir(source) : [source];
}

/** An include chain for a message: `a.yml -> b.yml -> a.yml`, relative to the working directory. */
export function cycle(files: string[]): string {
  return files.map((f) => relative(process.cwd(), f) || f).join(' -> ');
}
