// Written keyword values -> canonical ones: conditions and tags become lists, yes/no become booleans.
// Values were checked against the schema already; anything of the wrong type is simply left out here.
import type { InheritableKeywords } from './types.js';

export type RawMap = Record<string, unknown>;

export function isMap(v: unknown): v is RawMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `when`, `changed_when`, `failed_when` as a list of expressions (a literal boolean becomes 'True'/'False'). */
export function conditionList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  const items = Array.isArray(v) ? v : [v];
  return items.filter((c) => c !== null && c !== undefined).map((c) => (typeof c === 'boolean' ? (c ? 'True' : 'False') : String(c)));
}

/** `tags: a,b` / `tags: [a, b]` / `notify: h` -> list of strings. Only tags split on commas, like Ansible. */
export function stringList(v: unknown, splitCommas = false): string[] {
  if (v === undefined || v === null) return [];
  const items = Array.isArray(v) ? v : [v];
  const strings = items.filter((s) => s !== null && typeof s !== 'object').map(String);
  return splitCommas ? strings.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '') : strings;
}

export function optionalString(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

export function optionalBoolean(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** Booleans that may be templates decided per host. */
export function boolOrTemplate(v: unknown): boolean | string | undefined {
  return typeof v === 'boolean' || typeof v === 'string' ? v : undefined;
}

export function optionalNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** `vars:` as a mapping, or a list of mappings merged in order (later ones win), as Ansible accepts it. */
export function varsMapping(v: unknown): Record<string, unknown> {
  if (isMap(v)) return { ...v };
  if (Array.isArray(v)) return Object.assign({}, ...v.filter(isMap)) as Record<string, unknown>;
  return {};
}

/** `environment:` as written (the schema has checked its shape): a mapping, a template or a list. */
function environmentKeyword(v: unknown): InheritableKeywords['environment'] {
  if (isMap(v)) return { ...v };
  if (typeof v === 'string' || Array.isArray(v)) return v;
  return undefined;
}

/** The keywords any task, block, include, role entry or play may carry. */
export function inheritableKeywords(raw: RawMap): InheritableKeywords {
  const k: InheritableKeywords = {
    when: conditionList(raw.when),
    tags: stringList(raw.tags, true),
    vars: varsMapping(raw.vars),
  };
  const set = <K extends keyof InheritableKeywords>(key: K, value: InheritableKeywords[K] | undefined): void => {
    if (value !== undefined) k[key] = value;
  };
  set('become', boolOrTemplate(raw.become));
  set('becomeUser', optionalString(raw.become_user));
  set('becomeMethod', optionalString(raw.become_method));
  set('environment', environmentKeyword(raw.environment));
  set('ignoreErrors', boolOrTemplate(raw.ignore_errors));
  set('checkMode', boolOrTemplate(raw.check_mode));
  set('diff', boolOrTemplate(raw.diff));
  set('noLog', boolOrTemplate(raw.no_log));
  set('delegateTo', optionalString(raw.delegate_to));
  set('connection', optionalString(raw.connection));
  set('remoteUser', optionalString(raw.remote_user));
  set('port', typeof raw.port === 'number' || typeof raw.port === 'string' ? raw.port : undefined);
  set('runOnce', boolOrTemplate(raw.run_once));
  set('anyErrorsFatal', boolOrTemplate(raw.any_errors_fatal));
  set('debugger', optionalString(raw.debugger));
  return k;
}

/** Keywords written under `apply:` (include_tasks / include_role), or undefined when there are none. */
export function applyKeywords(v: unknown): InheritableKeywords | undefined {
  if (!isMap(v)) return undefined;
  const keywords = inheritableKeywords(v);
  // Like a block's: the included tasks that name no handler of their own notify these.
  if (v.notify !== undefined) keywords.notify = stringList(v.notify);
  return keywords;
}

/** The entries of `raw` whose keys are in `keys`. */
export function pick(raw: RawMap, keys: readonly string[]): RawMap {
  const out: RawMap = {};
  for (const k of keys) if (k in raw) out[k] = raw[k];
  return out;
}
