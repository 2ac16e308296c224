// Task lists as written -> canonical TaskItems: tasks, blocks, import_tasks (inlined as a block),
// include_tasks (pre-loaded when static), import_role / include_role.
import { dirname } from 'node:path';
import { isTemplateString } from '../schema/validate.js';
import {
  blockSchema,
  INCLUDE_KEYWORDS,
  includeSchema,
  LOOP_LOOKUPS,
  keywordsOf,
  taskKeywordsSchema,
  UNSUPPORTED_KEYWORDS,
  type IncludeKeyword,
} from '../schema/playbook-schema.js';
import type { LoadedYaml, PathSegment } from '../source/yaml.js';
import { diagnostic, type Diagnostic, type SourceLocation } from '../errors.js';
import {
  applyKeywords,
  conditionList,
  inheritableKeywords,
  isMap,
  optionalBoolean,
  optionalNumber,
  optionalString,
  pick,
  stringList,
  type RawMap,
} from './keywords.js';
import type { LoadSession } from './load-session.js';
import { parseKv } from './parse-kv.js';
import { cycle, searchFile } from './paths.js';
import { recordSource, sourceOf } from './source-map.js';
import { resolveAction } from './task-action.js';
import type { Block, Handler, IncludeRole, IncludeTasks, LoopControl, Role, RoleRef, Task, TaskItem } from './types.js';

/** Loads roles for import_role / include_role (implemented in roles.ts; passed in to keep imports one-way). */
export interface RoleSource {
  load(name: string, options: { from?: IncludeRole['from']; at: LoadedYaml; path: PathSegment[]; stack: string[] }): Role | undefined;
  exists(name: string): boolean;
}

export interface TaskListContext {
  session: LoadSession;
  loaded: LoadedYaml;
  /** Directory of the file being read: relative include paths start here. */
  dir: string;
  playbookDir: string;
  role?: RoleRef;
  /** Files and roles being expanded, outermost first, so a cycle is an error instead of a hang. */
  stack: string[];
  roles: RoleSource;
}

const TASK_KEYWORDS = keywordsOf(taskKeywordsSchema).filter((k) => k !== 'action' && k !== 'local_action');
const LOOP_KEYS = ['loop', ...LOOP_LOOKUPS.map((name) => `with_${name}` as const)] as const;

/** A number as written, or a template string rendered at run time. */
function numberOrTemplate(v: unknown): number | string | undefined {
  return typeof v === 'string' ? v : optionalNumber(v);
}

export function normalizeTaskList(value: unknown, path: PathSegment[], ctx: TaskListContext): TaskItem[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    // Inside a play or block the schema has said so already; a whole file is only checked here.
    if (path.length === 0) ctx.session.error('wrong-type', 'a tasks file must be a list of tasks', ctx.loaded.locate(path));
    return [];
  }
  const items: TaskItem[] = [];
  value.forEach((raw, i) => {
    const item = normalizeTaskItem(raw, [...path, i], ctx);
    if (item) items.push(item);
  });
  return items;
}

/**
 * Handlers are tasks, or include_tasks (its tasks run when it is notified); import_tasks in a
 * handlers list is flattened into them. Ansible refuses blocks and roles as handlers, and so do we.
 */
export function normalizeHandlerList(value: unknown, path: PathSegment[], ctx: TaskListContext): Handler[] {
  const handlers: Handler[] = [];
  const flatten = (item: TaskItem, inherited: { when: string[]; tags: string[] }): void => {
    if (item.kind === 'task' || item.kind === 'include_tasks') {
      // What a handler includes runs as handlers: Ansible refuses a block there too.
      for (const inner of item.kind === 'include_tasks' ? (item.tasks ?? []) : []) {
        if (inner.kind === 'block' && inner.importedFrom === undefined) ctx.session.error('unsupported-handler', 'a block is not supported in the tasks a handler includes (Ansible refuses it too)', inner.location);
      }
      handlers.push(inherited.when.length + inherited.tags.length === 0 ? item : inherit(item, inherited));
    } else if (item.kind === 'block' && item.importedFrom !== undefined) {
      for (const child of item.block) flatten(child, { when: [...inherited.when, ...item.when], tags: [...inherited.tags, ...item.tags] });
    } else {
      const what = item.kind === 'block' ? 'a block' : `${item.static ? 'import_role' : 'include_role'}`;
      ctx.session.error('unsupported-handler', `handlers must be tasks, include_tasks or import_tasks; ${what} is not supported as a handler (Ansible refuses it too)`, item.location);
    }
  };
  for (const item of normalizeTaskList(value, path, ctx)) flatten(item, { when: [], tags: [] });
  return handlers;
}

/** A copy of an imported handler carrying the import's conditions and tags (and still locatable). */
function inherit<T extends Handler>(task: T, inherited: { when: string[]; tags: string[] }): T {
  const copy = { ...task, when: [...inherited.when, ...task.when], tags: [...inherited.tags, ...task.tags] };
  const origin = sourceOf(task);
  if (origin) recordSource(copy, origin.loaded, origin.path);
  return copy;
}

function remember<T extends object>(node: T, ctx: TaskListContext, path: PathSegment[]): T {
  recordSource(node, ctx.loaded, path);
  return node;
}

function normalizeTaskItem(raw: unknown, path: PathSegment[], ctx: TaskListContext): TaskItem | undefined {
  const { session, loaded } = ctx;
  if (!isMap(raw)) {
    const shown = typeof raw === 'string' ? ` "${raw.length > 40 ? raw.slice(0, 40) + '…' : raw}"` : '';
    session.error('task-not-a-mapping', `a task must be a mapping (\`- name: ...\` then \`module: args\`), not ${kind(raw)}${shown}`, loaded.locate(path));
    return undefined;
  }
  const task = withoutUnsupported(raw, path, ctx);
  // `include:` was the action itself: reported as unsupported, so not also as "no module".
  if ('include' in raw) return undefined;
  if ('block' in task) return normalizeBlock(task, path, ctx);
  if ('import_playbook' in task) {
    session.error('misplaced-import-playbook', 'import_playbook belongs in a playbook next to plays, not in a task list', loaded.locate([...path, 'import_playbook'], { key: true }));
    return undefined;
  }
  const include = includeKey(task);
  if (include) return normalizeInclude(task, include.written, include.kind, path, ctx);
  return normalizeTask(task, path, ctx);
}

/** Reports Ansible keywords ha-run does not implement, and returns the mapping without them. */
export function withoutUnsupported(raw: RawMap, path: PathSegment[], ctx: Pick<TaskListContext, 'session' | 'loaded'>): RawMap {
  const kept: RawMap = {};
  for (const [key, value] of Object.entries(raw)) {
    const why = UNSUPPORTED_KEYWORDS[key];
    if (why === undefined) kept[key] = value;
    else ctx.session.error('unsupported-keyword', `'${key}' is not supported by ha-run: ${why}`, ctx.loaded.locate([...path, key], { key: true }));
  }
  return kept;
}

function includeKey(raw: RawMap): { kind: IncludeKeyword; written: string } | undefined {
  for (const written of Object.keys(raw)) {
    const short = written.replace(/^ansible\.(builtin|legacy)\./, '');
    if ((INCLUDE_KEYWORDS as readonly string[]).includes(short)) return { kind: short as IncludeKeyword, written };
  }
  return undefined;
}

function normalizeBlock(raw: RawMap, path: PathSegment[], ctx: TaskListContext): Block {
  ctx.session.checkKeywords(raw, blockSchema, ctx.loaded, path);
  const block: Block = {
    kind: 'block',
    ...inheritableKeywords(raw),
    block: normalizeTaskList(raw.block, [...path, 'block'], ctx),
    rescue: normalizeTaskList(raw.rescue, [...path, 'rescue'], ctx),
    always: normalizeTaskList(raw.always, [...path, 'always'], ctx),
    location: ctx.loaded.locate(path),
  };
  setOptional(block, 'name', optionalString(raw.name));
  setOptional(block, 'notify', notifyOf(raw));
  setOptional(block, 'role', ctx.role);
  return remember(block, ctx, path);
}

/** `notify:` on a block or import_tasks, which the tasks inside without a notify of their own use. */
function notifyOf(raw: RawMap): string[] | undefined {
  return raw.notify === undefined ? undefined : stringList(raw.notify);
}

function normalizeTask(raw: RawMap, path: PathSegment[], ctx: TaskListContext): Task | undefined {
  const { session, loaded } = ctx;
  session.checkKeywords(pick(raw, TASK_KEYWORDS), taskKeywordsSchema, loaded, path);
  const action = resolveAction(raw, TASK_KEYWORDS, session, loaded, path);
  if (!action) return undefined;
  const task: Task = {
    kind: 'task',
    ...inheritableKeywords(raw),
    module: action.module.name,
    action: action.action,
    args: action.args,
    notify: stringList(raw.notify),
    listen: stringList(raw.listen),
    location: loaded.locate(path),
  };
  setOptional(task, 'name', optionalString(raw.name));
  setOptional(task, 'argsProblems', action.argsProblems);
  if (action.local) task.delegateTo = 'localhost';
  Object.assign(task, loopOf(raw, path, ctx));
  setOptional(task, 'register', optionalString(raw.register));
  if (raw.changed_when !== undefined) task.changedWhen = conditionList(raw.changed_when);
  if (raw.failed_when !== undefined) task.failedWhen = conditionList(raw.failed_when);
  if (raw.until !== undefined) setOptional(task, 'until', conditionList(raw.until)[0]);
  setOptional(task, 'retries', numberOrTemplate(raw.retries));
  setOptional(task, 'delay', numberOrTemplate(raw.delay));
  setOptional(task, 'async', numberOrTemplate(raw.async));
  setOptional(task, 'poll', numberOrTemplate(raw.poll));
  setOptional(task, 'role', ctx.role);
  return remember(task, ctx, path);
}

/** loop / with_* / loop_control, with at most one loop per task. */
function loopOf(raw: RawMap, path: PathSegment[], ctx: TaskListContext): Pick<Task, 'loop' | 'loopForm' | 'loopControl'> {
  const written = LOOP_KEYS.filter((k) => k in raw);
  if (written.length > 1) {
    ctx.session.error('conflicting-loops', `a task takes one loop, not ${written.join(' and ')}`, ctx.loaded.locate([...path, written[1]!], { key: true }));
  }
  const out: Pick<Task, 'loop' | 'loopForm' | 'loopControl'> = {};
  if (written.length > 0) {
    out.loop = raw[written[0]!];
    out.loopForm = written[0]!;
  }
  if (isMap(raw.loop_control)) {
    if (written.length === 0) ctx.session.error('loop-control-without-loop', 'loop_control has no effect without loop (or with_items)', ctx.loaded.locate([...path, 'loop_control'], { key: true }));
    const lc = raw.loop_control;
    const control: LoopControl = {};
    setOptional(control, 'loopVar', optionalString(lc.loop_var));
    setOptional(control, 'indexVar', optionalString(lc.index_var));
    setOptional(control, 'label', optionalString(lc.label));
    setOptional(control, 'pause', optionalNumber(lc.pause));
    setOptional(control, 'extended', optionalBoolean(lc.extended));
    setOptional(control, 'extendedAllitems', optionalBoolean(lc.extended_allitems));
    out.loopControl = control;
  }
  return out;
}

function normalizeInclude(raw: RawMap, written: string, kind: IncludeKeyword, path: PathSegment[], ctx: TaskListContext): TaskItem | undefined {
  const { session, loaded } = ctx;
  let value = raw[written];
  // Free form (`include_role: name=x tasks_from=y`) is checked as the mapping it stands for.
  if (typeof value === 'string' && kind.endsWith('_role')) {
    const { _raw_params: loose, ...args } = parseKv(value, false).args;
    if (loose !== undefined) {
      session.error('wrong-type', `${kind} takes key=value arguments (name=ROLE tasks_from=FILE ...), not '${String(loose)}'`, loaded.locate([...path, written]));
      return undefined;
    }
    value = args;
  }
  if (!session.checkKeywords({ ...raw, [written]: value }, includeSchema(kind, written), loaded, path)) return undefined;
  const argsExtra = isMap(raw.args) ? raw.args : {};
  return kind.endsWith('_tasks')
    ? includeTasks(raw, value, argsExtra, kind === 'import_tasks', [...path, written], path, ctx)
    : includeRole(raw, value as RawMap, argsExtra, kind === 'import_role', [...path, written], path, ctx);
}

function includeTasks(raw: RawMap, value: unknown, extra: RawMap, isImport: boolean, valuePath: PathSegment[], path: PathSegment[], ctx: TaskListContext): TaskItem | undefined {
  const { session, loaded } = ctx;
  const spec = isMap(value) ? value : {};
  const file = typeof value === 'string' ? value.trim() : optionalString(spec.file ?? spec._raw_params);
  const keyword = isImport ? 'import_tasks' : 'include_tasks';
  if (!file) {
    session.error('missing-key', `${keyword} needs a file name`, loaded.locate(valuePath));
    return undefined;
  }
  const at = loaded.locate(valuePath);
  let tasks: TaskItem[] | undefined;
  let missing: Diagnostic | undefined;
  if (isTemplateString(file)) {
    if (isImport) {
      session.error('import-not-static', `import_tasks needs a file name without templates ('${file}'); use include_tasks to choose the file at run time`, at);
      return undefined;
    }
  } else if (!isImport && !searchFile(file, includeDirs(ctx)).found) {
    // Ansible fails an include_tasks of a missing file only when it runs: a warning now, an error
    // later if every run reaches it (validate-run), otherwise a failure of that task at run time.
    missing = includeMissing(ctx, 'file-not-found', `tasks file '${file}' not found`, at, `looked in: ${searchFile(file, includeDirs(ctx)).searched.join(', ')}`);
  } else if (isImport) {
    tasks = loadTaskFile(file, at, ctx);
    if (!tasks) return undefined;
  } else {
    ({ tasks, missing } = loadIncludedFile(file, at, ctx));
  }
  const keywords = inheritableKeywords(raw);
  if (isImport) {
    const block: Block = { kind: 'block', ...keywords, importedFrom: file, block: tasks ?? [], rescue: [], always: [], location: loaded.locate(path) };
    setOptional(block, 'name', optionalString(raw.name));
    setOptional(block, 'notify', notifyOf(raw));
    setOptional(block, 'role', ctx.role);
    return remember(block, ctx, path);
  }
  const include: IncludeTasks = { kind: 'include_tasks', ...keywords, file, location: loaded.locate(path) };
  setOptional(include, 'name', optionalString(raw.name));
  setOptional(include, 'tasks', tasks);
  setOptional(include, 'missing', missing);
  Object.assign(include, loopOf(raw, path, ctx));
  setOptional(include, 'apply', applyKeywords(spec.apply ?? extra.apply));
  if (raw.listen !== undefined) include.listen = stringList(raw.listen);
  setOptional(include, 'register', optionalString(raw.register));
  setOptional(include, 'role', ctx.role);
  return remember(include, ctx, path);
}

/** Where an include's tasks file is looked for: beside the including file, the role's tasks/, the playbook. */
function includeDirs(ctx: TaskListContext): string[] {
  return [ctx.dir, ...(ctx.role ? [`${ctx.role.path}/tasks`] : []), ctx.playbookDir];
}

export const MISSING_MAYBE = ' (a warning: not every run reaches this include; one that does fails there, as in Ansible)';

/** A warning kept on the include: validate-run makes it an error where every run reaches the include. */
function includeMissing(ctx: TaskListContext, code: string, message: string, at: SourceLocation, hint: string): Diagnostic {
  const found = diagnostic(code, `${message}${MISSING_MAYBE}`, at, hint, 'warning');
  ctx.session.diagnostics.push(found);
  return found;
}

/**
 * include_tasks reads its file only when it runs: a problem in that file (an unknown module, a bad
 * argument) fails Ansible's run only if the include is reached. So its problems are warnings here, the
 * first kept on the include (an error where every run reaches it, validate-run), and the file is left
 * for the run, where reaching it fails that task.
 */
function loadIncludedFile(file: string, at: SourceLocation, ctx: TaskListContext): { tasks?: TaskItem[]; missing?: Diagnostic } {
  const before = ctx.session.diagnostics.length;
  const tasks = loadTaskFile(file, at, ctx);
  const found = ctx.session.diagnostics.slice(before);
  const errors = found.filter((d) => d.severity !== 'warning');
  if (tasks && errors.length === 0) return { tasks };
  for (const d of errors) Object.assign(d, { severity: 'warning', message: `${d.message}${MISSING_MAYBE}` });
  return errors.length > 0 ? { missing: errors[0]! } : {};
}

/** Reads a tasks file named in an include, relative to the including file, the role's tasks/ and the playbook. */
function loadTaskFile(file: string, at: ReturnType<LoadedYaml['locate']>, ctx: TaskListContext): TaskItem[] | undefined {
  const { found, searched } = searchFile(file, includeDirs(ctx));
  if (!found) {
    ctx.session.error('file-not-found', `tasks file '${file}' not found`, at, `looked in: ${searched.join(', ')}`);
    return undefined;
  }
  if (ctx.stack.includes(found)) {
    ctx.session.error('include-cycle', `'${file}' includes itself (${cycle([...ctx.stack.slice(ctx.stack.indexOf(found)), found])})`, at);
    return undefined;
  }
  const loaded = ctx.session.read(found);
  if (loaded.value === undefined) return undefined;
  return normalizeTaskList(loaded.value, [], { ...ctx, loaded, dir: dirname(found), stack: [...ctx.stack, found] });
}

function includeRole(raw: RawMap, spec: RawMap, extra: RawMap, isImport: boolean, valuePath: PathSegment[], path: PathSegment[], ctx: TaskListContext): IncludeRole | undefined {
  const roleName = optionalString(spec.name) ?? '';
  const from: NonNullable<IncludeRole['from']> = {};
  setOptional(from, 'tasks', optionalString(spec.tasks_from));
  setOptional(from, 'vars', optionalString(spec.vars_from));
  setOptional(from, 'defaults', optionalString(spec.defaults_from));
  setOptional(from, 'handlers', optionalString(spec.handlers_from));
  const dynamic = isTemplateString(roleName) || Object.values(from).some(isTemplateString);
  if (dynamic && isImport) {
    ctx.session.error('import-not-static', `import_role needs a role name without templates ('${roleName}'); use include_role to choose it at run time`, ctx.loaded.locate(valuePath));
    return undefined;
  }
  const deferred = !dynamic && !isImport && !ctx.roles.exists(roleName);
  const missing = deferred ? includeMissing(ctx, 'role-not-found', `role '${roleName}' not found`, ctx.loaded.locate([...valuePath, 'name']), 'include_role looks in roles/ beside the playbook and ANSIBLE_ROLES_PATH') : undefined;
  const included = dynamic || deferred ? undefined : ctx.roles.load(roleName, { from, at: ctx.loaded, path: [...valuePath, 'name'], stack: ctx.stack });
  if (!dynamic && !deferred && !included) return undefined;
  const node: IncludeRole = { kind: 'include_role', ...inheritableKeywords(raw), roleName, static: isImport, location: ctx.loaded.locate(path) };
  setOptional(node, 'name', optionalString(raw.name));
  setOptional(node, 'included', included);
  setOptional(node, 'missing', missing);
  if (Object.keys(from).length > 0) node.from = from;
  // import_role takes no loop (its schema refuses one).
  if (!isImport) Object.assign(node, loopOf(raw, path, ctx));
  if (!isImport) setOptional(node, 'register', optionalString(raw.register));
  setOptional(node, 'apply', applyKeywords(spec.apply ?? extra.apply));
  setOptional(node, 'role', ctx.role);
  return remember(node, ctx, path);
}

function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function kind(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}
