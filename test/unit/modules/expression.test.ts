import { describe, expect, it } from 'vitest';
import { isTruthy } from '../../../src/modules/control/expression.js';
import { PyFloat } from '../../../src/template/py-float.js';

describe('isTruthy', () => {
  it("judges a template's float (a boxed Number) by its value, as Python does", () => {
    expect(isTruthy(new PyFloat(0))).toBe(false);
    expect(isTruthy(new PyFloat(2))).toBe(true);
  });

  it('keeps Python truthiness for lists, dicts and text', () => {
    expect([isTruthy([]), isTruthy({}), isTruthy('False'), isTruthy(0), isTruthy({ a: 1 })]).toEqual([false, false, false, false, true]);
  });
});
