// Does a string or value hold a template? Asked on every variable read, so object answers are cached.
import { isLazy, isMapping } from './python.js';
import { forgetUnsafeScan } from './unsafe.js';

const TEMPLATE_MARKERS = /\{\{|\{%|\{#/;

export function isTemplate(s: string): boolean {
  return TEMPLATE_MARKERS.test(s);
}

// Facts and registered results are big and read often: remember which objects hold no template.
// Objects are replaced, not edited, between tasks; the in-template mutators (append, update...)
// are the exception and call forgetTemplateScan().
const scanned = new WeakMap<object, boolean>();

export function forgetTemplateScan(value: object): void {
  scanned.delete(value);
  forgetUnsafeScan(value);
}

/** True when a variable's value holds a template anywhere inside (so it must be rendered on access). */
export function containsTemplate(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isTemplate(value);
  if (depth > 64 || isLazy(value) || typeof value !== 'object' || value === null) return false;
  const known = scanned.get(value);
  if (known !== undefined) return known;
  let found = false;
  if (Array.isArray(value)) found = value.some((v) => containsTemplate(v, depth + 1));
  else if (isMapping(value)) found = Object.entries(value).some(([k, v]) => isTemplate(k) || containsTemplate(v, depth + 1));
  scanned.set(value, found);
  return found;
}
