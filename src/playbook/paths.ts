// Where relative file names in playbooks point, searched in Ansible's order.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

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

/** An include chain for a message: `a.yml -> b.yml -> a.yml`, relative to the working directory. */
export function cycle(files: string[]): string {
  return files.map((f) => relative(process.cwd(), f) || f).join(' -> ');
}

/** Where Ansible looks for a controller file a task names (`templates`, `files`, `vars`): the role's folder, then the playbook's. */
export function controllerDirs(kind: string, rolePath: string | undefined, playbookDir: string): string[] {
  return [...(rolePath === undefined ? [] : [join(rolePath, kind), rolePath]), join(playbookDir, kind), playbookDir];
}
