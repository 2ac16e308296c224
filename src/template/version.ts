// Ansible's `version` test / `version_compare` filter with LooseVersion ordering: '1.10' > '1.9'.
import { TemplateError } from './errors.js';
import { pyStr } from './python.js';

const OPERATORS: Record<string, (c: number) => boolean> = {
  '==': (c) => c === 0,
  '=': (c) => c === 0,
  eq: (c) => c === 0,
  '!=': (c) => c !== 0,
  '<>': (c) => c !== 0,
  ne: (c) => c !== 0,
  '<': (c) => c < 0,
  lt: (c) => c < 0,
  '<=': (c) => c <= 0,
  le: (c) => c <= 0,
  '>': (c) => c > 0,
  gt: (c) => c > 0,
  '>=': (c) => c >= 0,
  ge: (c) => c >= 0,
};

function components(v: string): (number | string)[] {
  return (v.match(/\d+|[a-z]+/gi) ?? []).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function compareVersions(a: string, b: string): number {
  const x = components(a);
  const y = components(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (i >= x.length) return -1;
    if (i >= y.length) return 1;
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    return String(p) < String(q) ? -1 : 1;
  }
  return 0;
}

export function versionMatches(value: unknown, other: unknown, operator: unknown = 'eq'): boolean {
  const op = OPERATORS[pyStr(operator ?? 'eq')];
  if (!op) throw new TemplateError('template-error', `invalid version operator '${pyStr(operator)}'; use one of ${Object.keys(OPERATORS).join(', ')}`);
  if (value === null || value === undefined || pyStr(value) === '') throw new TemplateError('template-error', 'version value cannot be empty');
  return op(compareVersions(pyStr(value), pyStr(other)));
}
