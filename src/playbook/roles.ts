// Roles: found beside the playbook (roles/NAME), in roles_path (ansible.cfg, ANSIBLE_ROLES_PATH), or by path; each of
// tasks/handlers/defaults/vars read from main.yml (or the *_from file). Role entries in a play as
// `- name`, `- role: name` + params, `- {name: x, when: ..., tags: ...}`.
import { readdirSync, realpathSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { configValue } from '../config/active.js';
import { varsFileSchema } from '../schema/inventory-schema.js';
import { keywordsOf, roleEntryKeywordsSchema } from '../schema/playbook-schema.js';
import { isTemplateString } from '../schema/validate.js';
import type { LoadedYaml, PathSegment } from '../source/yaml.js';
import { didYouMean } from '../util/did-you-mean.js';
import { inheritableKeywords, isMap, optionalString, pick, varsMapping, type RawMap } from './keywords.js';
import type { LoadSession } from './load-session.js';
import { normalizeHandlerList, normalizeTaskList, type RoleSource, type TaskListContext } from './normalize-tasks.js';
import { cycle, isDirectory, roleVarsFiles, roleVarsSource, yamlFileIn } from './paths.js';
import { readRoleMeta } from './role-meta.js';
import { recordSource } from './source-map.js';
import type { Handler, IncludeRole, Role, RoleRef, Task, TaskItem } from './types.js';

interface RoleContent {
  ref: RoleRef;
  defaults: Record<string, unknown>;
  vars: Record<string, unknown>;
  tasks: TaskItem[];
  handlers: Handler[];
}

const ROLE_ENTRY_KEYWORDS = keywordsOf(roleEntryKeywordsSchema);

export class RoleLoader implements RoleSource {
  /** Loaded once per directory and *_from choice: a role used twice is read (and reported) once. */
  private readonly cache = new Map<string, RoleContent | undefined>();

  constructor(
    private readonly session: LoadSession,
    private readonly playbookDir: string,
  ) {}

  private searchDirs?: string[];

  /** Directories searched for a role name, in order (the configuration does not change while a playbook loads). */
  searchPath(): string[] {
    // roles_path of ansible.cfg or ANSIBLE_ROLES_PATH, already resolved against where it was written.
    this.searchDirs ??= [join(this.playbookDir, 'roles'), ...(configValue<string[]>('roles_path') ?? []), this.playbookDir];
    return this.searchDirs;
  }

  load(name: string, options: { from?: IncludeRole['from']; at: LoadedYaml; path: PathSegment[]; stack: string[] }): Role | undefined {
    const content = this.content(name, options);
    if (!content) return undefined;
    const role: Role = { ...content, params: {}, keywords: inheritableKeywords({}), location: options.at.locate(options.path) };
    return this.withDependencies(role, {}, options.stack);
  }

  /** A role entry under a play's `roles:`, or under a role's meta/main.yml `dependencies:` (then `parent` is that role). */
  loadEntry(raw: unknown, at: LoadedYaml, path: PathSegment[], parent?: Role, stack: string[] = []): Role | undefined {
    const entry: RawMap | undefined = typeof raw === 'string' ? { role: raw } : isMap(raw) ? raw : undefined;
    const name = entry ? optionalString(entry.role ?? entry.name) : undefined;
    if (!entry || name === undefined) {
      this.session.error('invalid-role-entry', 'a role entry is a name, or a mapping with `role:` (or `name:`)', at.locate(path));
      return undefined;
    }
    if (!this.session.checkKeywords(pick(entry, ROLE_ENTRY_KEYWORDS), roleEntryKeywordsSchema, at, path)) return undefined;
    if (isTemplateString(name)) {
      this.session.error('import-not-static', `roles: needs a role name without templates ('${name}'); use include_role to choose it at run time`, at.locate(path));
      return undefined;
    }
    const namePath = [...path, ...(typeof raw === 'string' ? [] : ['role' in entry ? 'role' : 'name'])];
    const content = this.content(name, { at, path: namePath, stack });
    if (!content) return undefined;
    const chain = ancestry(parent);
    const looping = chain.findIndex((r) => r.ref.path === content.ref.path);
    if (looping >= 0) {
      const names = [...chain.slice(looping), content].map((r) => r.ref.name);
      this.session.error('role-dependency-cycle', `role dependencies form a cycle: ${names.join(' → ')}`, at.locate(path));
      return undefined;
    }
    const params: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(entry)) {
      if (!ROLE_ENTRY_KEYWORDS.includes(k) && k !== 'name') params[k] = v;
    }
    // Ansible passes a role entry's `vars:` to the role like its other parameters.
    Object.assign(params, varsMapping(entry.vars));
    const role: Role = { ...content, params, keywords: { ...inheritableKeywords(entry), vars: {} }, location: at.locate(path) };
    if (parent) role.parent = parent;
    recordSource(role, at, path);
    return this.withDependencies(role, entry, stack);
  }

  /** Loads the role's meta/main.yml dependencies (each with this role as parent) and its once-per-play identity. */
  private withDependencies(role: Role, entry: RawMap, stack: string[]): Role {
    // Ansible's role cache key: the parameters, when, tags and vars written where the role is used.
    const { when, tags, vars } = entry;
    role.identity = stableJson({ path: role.ref.path, params: withoutKeywords(entry), when, tags, vars });
    const metaFile = yamlFileIn(join(role.ref.path, 'meta'), 'main');
    const meta = metaFile ? readRoleMeta(this.session, metaFile) : undefined;
    if (!meta) return role;
    role.allowDuplicates = meta.allowDuplicates;
    if (meta.dependencies.length === 0) return role;
    const deps: Role[] = [];
    meta.dependencies.forEach((dep, i) => {
      const loaded = this.loadEntry(dep, meta.loaded, ['dependencies', i], role, stack);
      if (loaded) deps.push(loaded);
    });
    role.dependencies = deps;
    return role;
  }

  private content(name: string, options: { from?: IncludeRole['from']; at: LoadedYaml; path: PathSegment[]; stack: string[] }): RoleContent | undefined {
    const dir = this.find(name, options.at, options.path);
    if (!dir) return undefined;
    const from = options.from ?? {};
    const key = [dir, from.tasks, from.handlers, from.defaults, from.vars].join('\0');
    // A role may use its own other task files (tasks_from); only coming back to a file being read is a cycle.
    const tasksFile = yamlFileIn(join(dir, 'tasks'), from.tasks ?? 'main');
    if (tasksFile !== undefined && options.stack.includes(tasksFile)) {
      this.session.error('include-cycle', `role '${name}' includes itself (${cycle([...options.stack.slice(options.stack.indexOf(tasksFile)), tasksFile])})`, options.at.locate(options.path));
      return undefined;
    }
    if (!this.cache.has(key)) this.cache.set(key, this.read(name, dir, from, options));
    return this.cache.get(key);
  }

  private read(name: string, dir: string, from: NonNullable<IncludeRole['from']>, options: { at: LoadedYaml; path: PathSegment[]; stack: string[] }): RoleContent | undefined {
    const ref: RoleRef = { name: basename(name), path: dir };
    const exists = (kind: string, file: string): boolean => (kind === 'vars' || kind === 'defaults' ? roleVarsSource(join(dir, kind), file) : yamlFileIn(join(dir, kind), file)) !== undefined;
    const missingFrom = (Object.entries(from) as [string, string][]).find(([kind, file]) => !exists(kind, file));
    if (missingFrom) {
      this.session.error('file-not-found', `role '${name}' has no ${missingFrom[0]}/${missingFrom[1]} (given as ${missingFrom[0]}_from)`, options.at.locate(options.path));
      return undefined;
    }
    const stack = options.stack;
    const tasksFile = yamlFileIn(join(dir, 'tasks'), from.tasks ?? 'main');
    const handlersFile = yamlFileIn(join(dir, 'handlers'), from.handlers ?? 'main');
    const context = (file: string): TaskListContext => {
      const loaded = this.session.read(file);
      return { session: this.session, loaded, dir: join(dir, 'tasks'), playbookDir: this.playbookDir, role: ref, stack: [...stack, file], roles: this };
    };
    let tasks: TaskItem[] = [];
    let handlers: Handler[] = [];
    if (tasksFile) {
      const c = context(tasksFile);
      tasks = normalizeTaskList(c.loaded.value, [], c);
    }
    if (handlersFile) {
      const c = context(handlersFile);
      handlers = normalizeHandlerList(c.loaded.value, [], c);
    }
    return { ref, tasks, handlers, defaults: this.vars(join(dir, 'defaults'), from.defaults), vars: this.vars(join(dir, 'vars'), from.vars) };
  }

  /** defaults/ or vars/: one file, or every file of a main/ (or *_from) directory merged, later files winning. */
  private vars(dir: string, from: string | undefined): Record<string, unknown> {
    const vars: Record<string, unknown> = {};
    for (const file of roleVarsFiles(dir, from)) {
      const loaded = this.session.read(file);
      if (loaded.value === null || loaded.value === undefined) continue;
      if (this.session.check(loaded.value, varsFileSchema, loaded, []) && isMap(loaded.value)) Object.assign(vars, loaded.value);
    }
    return vars;
  }

  /** Whether a role of that name can be found (an include_role of a missing role fails only when it runs). */
  exists(name: string): boolean {
    return this.candidates(name).some(isDirectory);
  }

  private candidates(name: string): string[] {
    // A name with a slash is a path under each search directory too (`nested/dep` in roles/), as in Ansible.
    return isAbsolute(name) ? [name] : this.searchPath().map((d) => join(d, name));
  }

  private find(name: string, at: LoadedYaml, path: PathSegment[]): string | undefined {
    const candidates = this.candidates(name);
    const dir = candidates.find(isDirectory);
    // Through symlinks, as Ansible's role_path (and every path found from it) is the real directory.
    if (dir) return realpathSync(dir);
    const known = this.searchPath().flatMap(listDirs);
    this.session.error('role-not-found', `role '${name}' not found${didYouMean(name, known)}`, at.locate(path), `looked in: ${candidates.join(', ')}`);
    return undefined;
  }
}

/** The role and the roles whose dependencies brought it, outermost first. */
export function ancestry(role: Role | undefined): Role[] {
  const chain: Role[] = [];
  for (let r = role; r; r = r.parent) chain.unshift(r);
  return chain;
}

/** The entry's role parameters: everything but the role's name and the keywords. */
function withoutKeywords(entry: RawMap): RawMap {
  return Object.fromEntries(Object.entries(entry).filter(([k]) => !ROLE_ENTRY_KEYWORDS.includes(k) && k !== 'name' && k !== 'role'));
}

/** JSON with sorted keys, so equal parameters written in another order are the same role. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (isMap(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}

function listDirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
}
