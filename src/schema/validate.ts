// Validates values against JSON Schemas and turns ajv's errors into diagnostics a person can act on:
// one per problem, at the right file:line:col, with "did you mean" for misspelt keys and values.
// ajv itself is reached only through compile.ts and precompile.ts.
import type { ErrorObject } from 'ajv';
import { diagnostic, type Diagnostic } from '../errors.js';
import type { LoadedYaml, PathSegment } from '../source/yaml.js';
import { withoutUnsafe } from '../template/unsafe.js';
import { didYouMean } from '../util/did-you-mean.js';
import { compileSchema } from './compile.js';

export type JsonSchema = Record<string, unknown>;

export interface ValidateOptions {
  /**
   * Template strings (`{{ x }}`) are only known at run time: accept them wherever a value of another
   * type is expected. On by default; off when checking already-rendered values.
   */
  allowTemplates?: boolean;
  /** Prefix for messages, e.g. "module 'copy': ". */
  context?: string;
}

/**
 * Checks `value` against `schema`. `loaded` is the YAML file the value came from and `basePath` where the
 * value sits inside it, so each problem points at its own line. Returns [] when valid.
 */
export function validateAgainstSchema(
  value: unknown,
  schema: JsonSchema,
  loaded: Pick<LoadedYaml, 'file' | 'locate'>,
  basePath: readonly PathSegment[] = [],
  options: ValidateOptions = {},
): Diagnostic[] {
  const validate = compileSchema(schema);
  // `!unsafe` text (and set_fact's unsafe values) is text to the schema.
  value = withoutUnsafe(value);
  if (validate(value)) return [];
  const allowTemplates = options.allowTemplates ?? true;
  // Errors inside `propertyNames` (they carry propertyName) are said once by the propertyNames error itself;
  // a failed `if/then/else` is said by the branch's own errors.
  const errors = (validate.errors ?? []).filter((e) => e.propertyName === undefined && e.keyword !== 'if' && !(allowTemplates && isTemplateString(e.data) && typeLike(e.keyword)));
  return explain(errors, value, basePath).map((p) =>
    diagnostic(p.code, (options.context ?? '') + p.message, loaded.locate(p.path, { key: p.atKey })),
  );
}

interface Problem {
  code: string;
  message: string;
  path: PathSegment[];
  atKey: boolean;
}

/** Keywords whose failure a template string could fix once rendered. */
function typeLike(keyword: string): boolean {
  return ['type', 'enum', 'const', 'pattern', 'format', 'minimum', 'maximum', 'anyOf', 'oneOf', 'minLength', 'maxLength'].includes(keyword);
}

export function isTemplateString(v: unknown): boolean {
  return typeof v === 'string' && /\{\{|\{%/.test(v);
}

function explain(errors: ErrorObject[], root: unknown, basePath: readonly PathSegment[]): Problem[] {
  // A failed anyOf/oneOf reports every branch; keep the branch errors that got furthest, say the rest once.
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const [instancePath, list] of byPath) {
    const path = [...basePath, ...pointerToPath(instancePath, root)];
    const deeper = [...byPath.keys()].some((p) => p !== instancePath && p.startsWith(instancePath + '/'));
    const types = new Set<string>();
    for (const e of list) {
      if (e.keyword === 'type') types.add(String(e.params.type));
    }
    const combinators = list.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
    // A rule that says itself in words (modules' "one of x or y is required") is reported as that
    // sentence, not as each of its branches.
    const stated = combinators.filter((e) => typeof statedRule(e) === 'string');
    for (const e of stated) {
      const p: Problem = { code: 'missing-key', message: statedRule(e)!, path, atKey: path.length > 0 };
      const key = `${p.code}|${p.path.join('/')}|${p.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(p);
      }
    }
    const underStated = (e: ErrorObject) => stated.some((s) => e.schemaPath.startsWith(`${s.schemaPath}/`));
    let specific = list.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'type' && !underStated(e));
    // "or a template" branches (a `{{` pattern) are an escape hatch: the other branch says what is wrong.
    if (specific.some((e) => !isTemplateBranch(e))) specific = specific.filter((e) => !isTemplateBranch(e));
    if (types.size > 0 && specific.length === 0 && !deeper) {
      problems.push({ code: 'wrong-type', message: `${describe(path)} must be ${typeNames([...types])}, not ${kindOf(list[0]!.data)}`, path, atKey: false });
      continue;
    }
    for (const e of specific) {
      const p = explainOne(e, path);
      const key = `${p.code}|${p.path.join('/')}|${p.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(p);
      }
    }
    if (specific.length === 0 && types.size === 0 && combinators.length > stated.length && !deeper) {
      problems.push({ code: 'invalid-value', message: `${describe(path)} does not match any allowed form`, path, atKey: false });
    }
  }
  return problems;
}

/** The words of a rule written with a `description` and only required-key branches (see modules/schema-rules.ts). */
function statedRule(e: ErrorObject): string | undefined {
  const parent = e.parentSchema as { description?: unknown; anyOf?: unknown[]; oneOf?: unknown[] } | undefined;
  const branches = parent?.anyOf ?? parent?.oneOf;
  if (typeof parent?.description !== 'string' || !Array.isArray(branches)) return undefined;
  const onlyRequired = branches.every((b) => typeof b === 'object' && b !== null && Object.keys(b).join() === 'required');
  return onlyRequired ? parent.description : undefined;
}

function isTemplateBranch(e: ErrorObject): boolean {
  return e.keyword === 'pattern' && String(e.params.pattern).includes('\\{\\{');
}

function explainOne(e: ErrorObject, path: PathSegment[]): Problem {
  const allowed = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const hint = allowed ? didYouMean(key, Object.keys(allowed)) : '';
      return { code: 'unknown-key', message: `unknown key '${key}'${inWhere(path)}${hint}`, path: [...path, key], atKey: true };
    }
    case 'required':
      return { code: 'missing-key', message: `missing required key '${String(e.params.missingProperty)}'${inWhere(path)}`, path, atKey: path.length > 0 };
    case 'enum': {
      const values = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const hint = typeof e.data === 'string' ? didYouMean(e.data, (e.params.allowedValues as unknown[]).map(String)) : '';
      return { code: 'invalid-value', message: `${describe(path)} must be one of ${values.join(', ')}, not ${JSON.stringify(e.data)}${hint}`, path, atKey: false };
    }
    case 'const':
      return { code: 'invalid-value', message: `${describe(path)} must be ${JSON.stringify(e.params.allowedValue)}`, path, atKey: false };
    case 'not': {
      // A rule with its own words (modules' "x and y are mutually exclusive") says them.
      const stated = (e.parentSchema as { description?: unknown } | undefined)?.description;
      if (typeof stated === 'string') return { code: 'invalid-value', message: stated, path, atKey: path.length > 0 };
      return { code: 'invalid-value', message: `${describe(path)} is not allowed here`, path, atKey: path.length > 0 };
    }
    case 'dependencies':
    case 'dependentRequired':
      return { code: 'missing-key', message: `'${String(e.params.property)}' needs '${String(e.params.missingProperty)}' too${inWhere(path)}`, path, atKey: false };
    case 'propertyNames':
      return { code: 'invalid-key', message: `invalid key '${String(e.params.propertyName)}'${inWhere(path)}`, path: [...path, String(e.params.propertyName)], atKey: true };
    default:
      return { code: 'invalid-value', message: `${describe(path)} ${e.message ?? 'is invalid'}`, path, atKey: false };
  }
}

function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isIndex = Array.isArray(node) && /^\d+$/.test(seg);
    path.push(isIndex ? Number(seg) : seg);
    node = node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[seg];
  }
  return path;
}

function describe(path: PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'string') return `'${String(path[i])}'`;
  }
  return 'the value';
}

function inWhere(path: PathSegment[]): string {
  const name = [...path].reverse().find((s) => typeof s === 'string');
  return name === undefined ? '' : ` in '${String(name)}'`;
}

function typeNames(types: string[]): string {
  const names = [...new Set(types.flatMap((t) => t.split(',')).map(typeName))];
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function typeName(t: string): string {
  return ({ object: 'a mapping', array: 'a list', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean (true/false)', null: 'empty' } as Record<string, string>)[t] ?? t;
}

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}
