// Target data is data: text that came back from a host (module results, registered values, gathered
// facts) is `!unsafe` text, never rendered again. A template that reads such a value gives an unsafe
// result too (as Ansible's templating does), so `set_fact: y="{{ r.stdout }}"` keeps y data.
import { UnsafeText } from '../source/yaml.js';
import { isLazy, isMapping } from './python.js';

/** Containers made by markUnsafe that hold unsafe text: their contents (keys too) are never rendered. */
const unsafeContainers = new WeakSet<object>();
/** isUnsafe's answers for other containers (objects are replaced, not edited; see forgetUnsafeScan). */
const scanned = new WeakMap<object, boolean>();
const MAX_DEPTH = 100;

/**
 * A deep copy with every string turned into unsafe text (numbers, booleans and null stay as they are).
 * Already-unsafe values and containers are shared, not copied again.
 */
export function markUnsafe(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return new UnsafeText(value);
  if (value === null || typeof value !== 'object' || value instanceof UnsafeText || depth > MAX_DEPTH) return value;
  if (unsafeContainers.has(value) || isLazy(value)) return value;
  let copy: unknown[] | Record<string, unknown>;
  if (Array.isArray(value)) copy = value.map((v) => markUnsafe(v, depth + 1));
  else if (isMapping(value)) {
    copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) copy[k] = markUnsafe(v, depth + 1);
  } else return value;
  if (isUnsafe(copy)) unsafeContainers.add(copy);
  return copy;
}

/** Holds unsafe text anywhere inside (Ansible's check on every variable a template reads). */
export function isUnsafe(value: unknown, depth = 0): boolean {
  if (value instanceof UnsafeText) return true;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || isLazy(value)) return false;
  if (unsafeContainers.has(value)) return true;
  const known = scanned.get(value);
  if (known !== undefined) return known;
  let found = false;
  if (Array.isArray(value)) found = value.some((v) => isUnsafe(v, depth + 1));
  else if (isMapping(value)) found = Object.values(value).some((v) => isUnsafe(v, depth + 1));
  scanned.set(value, found);
  return found;
}

/** A container of target data: rendering walks leave it (and its keys) alone. */
export function isUnsafeContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null && unsafeContainers.has(value);
}

/** For the in-template mutators (append, update...) that edit a container in place. */
export function forgetUnsafeScan(value: object): void {
  scanned.delete(value);
}

/**
 * Plain strings again, for module arguments: a module gets text, as Ansible's modules do after the
 * arguments cross to the target. Copies only the containers that hold unsafe text.
 */
export function withoutUnsafe(value: unknown, depth = 0): unknown {
  if (value instanceof UnsafeText) return value.text;
  if (depth > MAX_DEPTH || !isUnsafe(value)) return value;
  if (Array.isArray(value)) return value.map((v) => withoutUnsafe(v, depth + 1));
  if (isMapping(value)) {
    const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) copy[k] = withoutUnsafe(v, depth + 1);
    return copy;
  }
  return value;
}
