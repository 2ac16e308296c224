// Which ansible.cfg is in use, searched as Ansible 2.14 searches: $ANSIBLE_CONFIG (a file, or a directory
// holding ansible.cfg), ./ansible.cfg, ~/.ansible.cfg, /etc/ansible/ansible.cfg; the first readable one
// wins. A working directory anyone can write to is skipped (with a warning when it holds an ansible.cfg):
// another user could have put settings there.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export interface ConfigSearch {
  env: NodeJS.ProcessEnv;
  cwd: string;
  home: string;
  /** Defaults to /etc/ansible/ansible.cfg (tests give another). */
  systemFile?: string;
}

export interface LocatedConfig {
  file?: string;
  /** Why a file present was not used (the world-writable working directory). */
  warning?: string;
}

export function expandHome(path: string, home: string): string {
  return path === '~' ? home : path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function locateConfigFile(search: ConfigSearch): LocatedConfig {
  const candidates: string[] = [];
  const fromEnv = search.env.ANSIBLE_CONFIG;
  let envFile: string | undefined;
  if (fromEnv !== undefined && fromEnv !== '') {
    const path = resolve(search.cwd, expandHome(fromEnv, search.home));
    envFile = isDirectory(path) ? join(path, 'ansible.cfg') : path;
    candidates.push(envFile);
  }
  const cwdFile = join(search.cwd, 'ansible.cfg');
  let skippedCwd = false;
  try {
    if (statSync(search.cwd).mode & 0o002) skippedCwd = existsSync(cwdFile);
    else candidates.push(cwdFile);
  } catch {
    // an unreadable working directory is simply not a source
  }
  candidates.push(join(search.home, '.ansible.cfg'), search.systemFile ?? '/etc/ansible/ansible.cfg');
  const file = candidates.find((c) => isAbsolute(c) && readable(c));
  const warning =
    skippedCwd && (envFile === undefined || file !== envFile)
      ? `${cwdFile} is ignored: the directory ${search.cwd} is writable by everyone, so anyone could have written it (as Ansible does; name it with ANSIBLE_CONFIG to use it anyway)`
      : undefined;
  return { ...(file ? { file } : {}), ...(warning ? { warning } : {}) };
}
