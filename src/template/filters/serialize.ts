// JSON and YAML in and out (with Python's json.dumps spacing), base64.
import { parseYaml } from '../../source/yaml.js';
import { dumpYaml } from '../../source/yaml-dump.js';
import { TemplateError } from '../errors.js';
import { PyFloat, floatRepr, isFloat, numberRepr } from '../py-float.js';
import { isMapping, plain, pyStr, truthy } from '../python.js';
import type { FilterDef } from '../types.js';

function jsonString(s: string, ensureAscii: boolean): string {
  const quoted = JSON.stringify(s);
  return ensureAscii ? quoted.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) : quoted;
}

/** Python's json.dumps: ", " and ": " separators, optional indent and sort_keys. */
export function pyJsonDumps(value: unknown, opts: { indent?: number; sortKeys?: boolean; ensureAscii?: boolean } = {}, level = 0): string {
  value = plain(value);
  const ensureAscii = opts.ensureAscii ?? true;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || value instanceof PyFloat) {
    const n = Number(value);
    return Number.isFinite(n) ? numberRepr(value) : Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  }
  if (typeof value === 'string') return jsonString(value, ensureAscii);
  const pad = opts.indent === undefined ? '' : '\n' + ' '.repeat(opts.indent * (level + 1));
  const end = opts.indent === undefined ? '' : '\n' + ' '.repeat(opts.indent * level);
  const sep = opts.indent === undefined ? ', ' : ',';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[' + value.map((v) => pad + pyJsonDumps(v, opts, level + 1)).join(sep) + end + ']';
  }
  if (isMapping(value)) {
    let entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    if (opts.sortKeys) entries = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return '{' + entries.map(([k, v]) => pad + jsonString(k, ensureAscii) + ': ' + pyJsonDumps(v, opts, level + 1)).join(sep) + end + '}';
  }
  if (typeof value === 'object' && value !== null && 'toJSON' in value) return pyJsonDumps((value as { toJSON(): unknown }).toJSON(), opts, level);
  throw new TemplateError('template-error', `Object of type ${typeof value} is not JSON serializable`);
}

/** PyYAML's float scalars: '.inf', '.nan', and always a '.' before an exponent ('1.0e+16'). */
function yamlFloat(value: unknown): string | undefined {
  if (!isFloat(value)) return undefined;
  const n = Number(value);
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  const text = floatRepr(n);
  return text.includes('.') || !text.includes('e') ? text : text.replace('e', '.0e');
}

function fromYaml(text: string): unknown {
  const loaded = parseYaml(text, '<from_yaml>');
  if (loaded.diagnostics.length) throw new TemplateError('template-error', `from_yaml: ${loaded.diagnostics[0]!.message}`);
  return loaded.value ?? null;
}

export const serializeFilters: Record<string, FilterDef> = {
  to_json: { fn: (v, _a, kw) => pyJsonDumps(v, { indent: kw.indent === undefined ? undefined : Number(kw.indent), sortKeys: truthy(kw.sort_keys ?? false), ensureAscii: truthy(kw.ensure_ascii ?? true) }) },
  to_nice_json: { fn: (v, [indent = 4], kw) => pyJsonDumps(v, { indent: Number(kw.indent ?? indent), sortKeys: truthy(kw.sort_keys ?? true), ensureAscii: truthy(kw.ensure_ascii ?? true) }) },
  from_json: {
    fn: (v) => {
      try {
        return JSON.parse(pyStr(v));
      } catch (err) {
        throw new TemplateError('template-error', `from_json: ${(err as Error).message}`);
      }
    },
  },
  to_yaml: { fn: (v, _a, kw) => dumpYaml(v, { indent: Number(kw.indent ?? 2), flowLeaves: true, scalarText: yamlFloat }) },
  to_nice_yaml: { fn: (v, [indent = 4], kw) => dumpYaml(v, { indent: Number(kw.indent ?? indent), scalarText: yamlFloat }) },
  from_yaml: { fn: (v) => (typeof v === 'string' ? fromYaml(v) : v) },
  from_yaml_all: { fn: (v) => [fromYaml(pyStr(v))] },
  b64encode: { fn: (v) => Buffer.from(pyStr(v), 'utf8').toString('base64') },
  b64decode: { fn: (v) => Buffer.from(pyStr(v), 'base64').toString('utf8') },
};
