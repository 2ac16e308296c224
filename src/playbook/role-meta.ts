// A role's meta/main.yml as far as running it goes: its `dependencies:` and `allow_duplicates`.
// galaxy_info and the rest are for Galaxy and are not read.
import type { LoadedYaml } from '../source/yaml.js';
import { isMap, optionalBoolean, type RawMap } from './keywords.js';
import type { LoadSession } from './load-session.js';

export interface RoleMeta {
  loaded: LoadedYaml;
  allowDuplicates: boolean;
  /** Each dependency as a role entry (a name or a mapping, as under a play's `roles:`). */
  dependencies: unknown[];
}

export function readRoleMeta(session: LoadSession, file: string): RoleMeta | undefined {
  const loaded = session.read(file);
  const meta = loaded.value;
  if (meta === null || meta === undefined) return undefined;
  if (!isMap(meta)) {
    session.error('invalid-value', 'meta/main.yml must be a mapping', loaded.locate([]));
    return undefined;
  }
  const deps = meta.dependencies ?? [];
  if (!Array.isArray(deps)) {
    session.error('invalid-value', 'role dependencies must be a list of role names or role entries', loaded.locate(['dependencies']));
    return undefined;
  }
  const allowDuplicates = meta.allow_duplicates === undefined ? false : optionalBoolean(meta.allow_duplicates);
  if (allowDuplicates === undefined) {
    session.error('invalid-value', 'allow_duplicates must be a boolean', loaded.locate(['allow_duplicates']));
    return undefined;
  }
  return { loaded, allowDuplicates, dependencies: deps.map(requirementAsEntry) };
}

/**
 * A requirements-style dependency (`- src: geerlingguy.php`, `- src: https://host/x/ansible-role-y.git`,
 * `- src: 'name,version,alias'`) names its role by `name:`, else by the source, as ansible-galaxy
 * would have installed it. Only the name matters here: installing is ansible-galaxy's job.
 */
function requirementAsEntry(raw: unknown): unknown {
  if (!isMap(raw) || 'role' in raw || typeof raw.src !== 'string') return raw;
  const { src, version: _version, scm: _scm, ...rest } = raw;
  const [source = '', , alias] = src.split(',').map((s) => s.trim());
  const entry: RawMap = { ...rest };
  entry.name = typeof raw.name === 'string' ? raw.name : alias || roleNameOfSource(source);
  return entry;
}

/** `geerlingguy.php` stays as it is; a URL (`://` or `git@`) gives its last path part without `.git` or `.tar.gz`. */
export function roleNameOfSource(src: string): string {
  if (!src.includes('://') && !src.includes('@')) return src;
  return (src.split('/').pop() ?? src).replace(/\.git$/, '').replace(/\.tar\.gz$/, '');
}
