// The TypeScript side of typed_values.py: floats as {float: repr}, so 2.0 and 2 compare as different;
// unsafe text as {unsafe: text}.
import { UnsafeText } from '../../../../src/source/yaml.js';
import { floatRepr, isFloat } from '../../../../src/template/py-float.js';
import { isMapping } from '../../../../src/template/python.js';

/** A value with its floats written as {float: '2.0'}, the form typed_values.py gives Python's. */
export function typed(value: unknown): unknown {
  if (isFloat(value)) return { float: floatRepr(Number(value)) };
  if (value instanceof UnsafeText) return { unsafe: value.text };
  if (Array.isArray(value)) return value.map(typed);
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typed(v)]));
  return value;
}

/** JSON for Python with the floats typed (JSON.stringify would send PyFloat(2) as the int 2). */
export function typedJson(value: unknown): string {
  return JSON.stringify(typed(value));
}
