// One play as written -> canonical Play: hosts as a pattern, serial as batches, vars_files read,
// roles and task lists normalized.
import { isTemplateString } from '../schema/validate.js';
import { varsFileSchema } from '../schema/inventory-schema.js';
import { playSchema } from '../schema/playbook-schema.js';
import type { LoadedYaml, PathSegment } from '../source/yaml.js';
import { inheritableKeywords, isMap, optionalNumber, optionalString, type RawMap } from './keywords.js';
import type { LoadSession } from './load-session.js';
import { normalizeHandlerList, normalizeTaskList, withoutUnsupported, type TaskListContext } from './normalize-tasks.js';
import { searchFile } from './paths.js';
import { RoleLoader } from './roles.js';
import { recordSource } from './source-map.js';
import type { Play, Role, VarsPrompt } from './types.js';

export function normalizePlay(raw: RawMap, path: PathSegment[], loaded: LoadedYaml, session: LoadSession, playbookDir: string, stack: string[]): Play {
  const written = withoutUnsupported(raw, path, { session, loaded });
  session.checkKeywords(written, playSchema, loaded, path);
  const roleLoader = new RoleLoader(session, playbookDir);
  const ctx: TaskListContext = { session, loaded, dir: playbookDir, playbookDir, stack, roles: roleLoader };
  const roles: Role[] = [];
  if (Array.isArray(written.roles)) {
    written.roles.forEach((entry, i) => {
      const role = roleLoader.loadEntry(entry, loaded, [...path, 'roles', i]);
      if (role) roles.push(role);
    });
  }
  const varsFiles = varsFileList(written.vars_files);
  const play: Play = {
    ...inheritableKeywords(written),
    hosts: hostPattern(written.hosts),
    varsFiles: varsFiles.map((alternatives) => alternatives.find((name) => searchFile(name, [playbookDir]).found) ?? alternatives[0]!),
    varsFromFiles: readVarsFiles(varsFiles, [...path, 'vars_files'], loaded, session, playbookDir),
    gatherFacts: typeof written.gather_facts === 'string' ? written.gather_facts : written.gather_facts !== false,
    serial: serialBatches(written.serial),
    strategy: 'linear',
    ...varsPromptOf(written.vars_prompt, [...path, 'vars_prompt'], loaded, session),
    preTasks: normalizeTaskList(written.pre_tasks, [...path, 'pre_tasks'], ctx),
    roles,
    tasks: normalizeTaskList(written.tasks, [...path, 'tasks'], ctx),
    postTasks: normalizeTaskList(written.post_tasks, [...path, 'post_tasks'], ctx),
    handlers: normalizeHandlerList(written.handlers, [...path, 'handlers'], ctx),
    playbookDir,
    location: loaded.locate(path),
  };
  const name = optionalString(written.name);
  if (name !== undefined) play.name = name;
  const maxFail = typeof written.max_fail_percentage === 'string' ? written.max_fail_percentage : optionalNumber(written.max_fail_percentage);
  if (maxFail !== undefined) play.maxFailPercentage = maxFail;
  if (typeof written.force_handlers === 'boolean' || typeof written.force_handlers === 'string') play.forceHandlers = written.force_handlers;
  recordSource(play, loaded, path);
  return play;
}

/** `hosts: [a, b]` is the pattern `a,b`. */
function hostPattern(v: unknown): string {
  if (Array.isArray(v)) return v.map(String).join(',');
  return typeof v === 'string' ? v : '';
}

/** `serial: 2`, `serial: '30%'`, `serial: [1, 5, '20%']` -> batches (the last repeats). */
function serialBatches(v: unknown): (number | string)[] {
  const items = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
  return items.filter((s) => typeof s === 'number' || typeof s === 'string') as (number | string)[];
}

/** Each vars_files entry is a file, or a list of alternatives of which the first that exists is read (varsFiles names it). */
function varsFileList(v: unknown): string[][] {
  const entries = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
  return entries.map((e) => (Array.isArray(e) ? e.map(String) : [String(e)])).filter((alts) => alts.length > 0);
}

/** The play's vars_prompt entries (already checked against the schema). */
function varsPromptOf(value: unknown, path: PathSegment[], loaded: LoadedYaml, session: LoadSession): { varsPrompt?: VarsPrompt[] } {
  if (!Array.isArray(value) || value.length === 0) return {};
  const entries = value.filter(isMap).map((e, i): VarsPrompt => {
    const at = loaded.locate([...path, i]);
    if (e.encrypt !== undefined) {
      session.error('unsupported', `vars_prompt '${String(e.name)}': encrypt is not supported by ha-run`, at, 'ask for the plain value and hash it where it is used, or pass the hash with -e NAME=HASH');
    }
    return {
      name: String(e.name),
      ...(typeof e.prompt === 'string' ? { prompt: e.prompt } : {}),
      ...(e.default !== undefined ? { default: e.default } : {}),
      private: e.private !== false,
      confirm: e.confirm === true,
      unsafe: e.unsafe === true,
      location: at,
    };
  });
  return { varsPrompt: entries };
}

/** Reads the static vars files (templated names wait for run time), later files winning. */
function readVarsFiles(files: string[][], path: PathSegment[], loaded: LoadedYaml, session: LoadSession, playbookDir: string): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  files.forEach((alternatives, i) => {
    if (alternatives.some(isTemplateString)) return;
    const at = loaded.locate([...path, i]);
    const found = alternatives.map((name) => searchFile(name, [playbookDir]));
    const first = found.find((f) => f.found)?.found;
    if (!first) {
      session.error('file-not-found', `vars file '${alternatives.join("' or '")}' not found`, at, `looked in: ${found.flatMap((f) => f.searched).join(', ')}`);
      return;
    }
    const file = session.read(first);
    if (file.value === null || file.value === undefined) return;
    if (session.check(file.value, varsFileSchema, file, []) && isMap(file.value)) Object.assign(vars, file.value);
  });
  return vars;
}
