// YAML output for the to_yaml / to_nice_yaml template filters (the `yaml` library stays in src/source/).
// The block layout follows PyYAML's (what Ansible's filters produce), so files written by ha-run
// match files Ansible wrote: sorted keys, sequences inside mappings not indented, and a mapping
// inside a sequence item starting on the dash line.
import { Document } from 'yaml';

export interface DumpOptions {
  indent?: number;
  /** PyYAML's default_flow_style=None: collections holding only scalars are written inline. */
  flowLeaves?: boolean;
  /** The caller's own text for a scalar (Python floats: '2.0', '.inf'), or undefined to let YAML decide. */
  scalarText?: (value: unknown) => string | undefined;
}

type Layout = Required<DumpOptions>;

type Plain = Record<string, unknown>;

function isPlainObject(v: unknown): v is Plain {
  if (v instanceof Number) return false;
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(typeof (v as { toJSON?: unknown }).toJSON === 'function');
}

function isCollection(v: unknown): v is unknown[] | Plain {
  return Array.isArray(v) || isPlainObject(v);
}

/** One scalar in YAML 1.1 plain or single-quoted style, as the `yaml` library decides it needs. */
function scalar(value: unknown, layout: Layout): string {
  const own = layout.scalarText(value);
  if (own !== undefined) return own;
  if (value === null || value === undefined) return 'null';
  // One line per scalar keeps the layout simple: multi-line text is written double-quoted.
  if (typeof value === 'string' && /[\n\r]/.test(value)) return JSON.stringify(value);
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON(): unknown }).toJSON();
  if (value instanceof Number) value = value.valueOf();
  return new Document(value, { version: '1.1' }).toString({ singleQuote: true, lineWidth: 0 }).replace(/\n$/, '');
}

function entries(map: Plain): [string, unknown][] {
  return Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function flow(value: unknown, layout: Layout): string {
  if (Array.isArray(value)) return '[' + value.map((v) => flow(v, layout)).join(', ') + ']';
  if (isPlainObject(value)) return '{' + entries(value).map(([k, v]) => `${scalar(k, layout)}: ${flow(v, layout)}`).join(', ') + '}';
  return scalar(value, layout);
}

function inline(value: unknown, layout: Layout): string | undefined {
  if (!isCollection(value)) return scalar(value, layout);
  const items = Array.isArray(value) ? value : Object.values(value);
  if (items.length === 0) return Array.isArray(value) ? '[]' : '{}';
  if (layout.flowLeaves && !items.some(isCollection)) return flow(value, layout);
  return undefined;
}

/** Lines of a block collection at column `col` (a caller may splice the first line onto a dash). */
function block(value: unknown, col: number, layout: Layout): string[] {
  const indent = layout.indent;
  const pad = ' '.repeat(col);
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const one = inline(item, layout);
      if (one !== undefined) {
        lines.push(`${pad}- ${one}`);
        continue;
      }
      // The item's own block starts on the dash line, indented to col + indent.
      const inner = block(item, col + indent, layout);
      lines.push(`${pad}-${' '.repeat(indent - 1)}${inner[0]!.slice(col + indent)}`, ...inner.slice(1));
    }
    return lines;
  }
  for (const [key, v] of entries(value as Plain)) {
    const one = inline(v, layout);
    if (one !== undefined) lines.push(`${pad}${scalar(key, layout)}: ${one}`);
    else {
      lines.push(`${pad}${scalar(key, layout)}:`);
      // Sequences under a key are not indented (PyYAML's indentless sequences).
      lines.push(...block(v, Array.isArray(v) ? col : col + indent, layout));
    }
  }
  return lines;
}

export function dumpYaml(value: unknown, options: DumpOptions = {}): string {
  const layout: Layout = { indent: Math.max(2, options.indent ?? 2), flowLeaves: options.flowLeaves ?? false, scalarText: options.scalarText ?? (() => undefined) };
  const one = inline(value, layout);
  if (one !== undefined) return one + '\n';
  return block(value, 0, layout).join('\n') + '\n';
}
