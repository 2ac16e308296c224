// Python's int/float split as the template engine keeps it (src/template/py-float.ts). Each
// behaviour here is also checked against ansible-core in ansible-differential.test.ts; these pin
// down the representation itself and how it behaves once a value leaves the engine.
import { describe, expect, it } from 'vitest';
import { dumpYaml } from '../../../src/source/yaml-dump.js';
import { evaluateExpression, renderString, renderValue } from '../../../src/template/index.js';
import { PyFloat, floatRepr, intRepr, isFloat, isInt, numericValue, pyFloat } from '../../../src/template/py-float.js';

const ctx = { vars: { half: 0.5, whole: new PyFloat(3) } };

describe('py-float', () => {
  it('boxes only floats whose value is whole', () => {
    expect(pyFloat(2)).toEqual(new PyFloat(2));
    expect(pyFloat(2.5)).toBe(2.5);
    expect(pyFloat(Infinity)).toBe(Infinity);
  });

  it('tells ints, floats and bools apart', () => {
    expect([isInt(2), isInt(new PyFloat(2)), isInt(2.5), isInt(true)]).toEqual([true, false, false, false]);
    expect([isFloat(2), isFloat(new PyFloat(2)), isFloat(2.5), isFloat(NaN)]).toEqual([false, true, true, true]);
    expect([numericValue(true), numericValue(new PyFloat(2)), numericValue('2')]).toEqual([1, 2, undefined]);
  });

  it.each([
    [2, '2.0'],
    [-0, '-0.0'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e+16'],
    [-1e16, '-1e+16'],
    [1.5e-7, '1.5e-07'],
    [0.0001, '0.0001'],
    [123456789.123, '123456789.123'],
    [5e-324, '5e-324'],
    [Infinity, 'inf'],
    [NaN, 'nan'],
  ])('floatRepr(%d) is %s', (n, text) => expect(floatRepr(n)).toBe(text));

  it('prints big ints with all their digits', () => {
    expect(intRepr(1e22)).toBe('10000000000000000000000');
    expect(intRepr(-0)).toBe('0');
  });

  it('stays a number outside the engine: JSON, arithmetic, String()', () => {
    const f = new PyFloat(2);
    expect(JSON.stringify({ f })).toBe('{"f":2}');
    expect(Number(f) + 1).toBe(3);
    expect(String(f)).toBe('2.0');
  });
});

describe('numbers in templates', () => {
  it('`/` gives a float that prints with its point', () => {
    expect(renderString('{{ 4 / 2 }} {{ 7 / 2 }} {{ 7 // 2 }} {{ whole * 2 }}', ctx)).toBe('2.0 3.5 3 6.0');
  });

  it('reads exponents and digit groups in number literals', () => {
    expect(renderString('{{ 1e3 }} {{ 2.5E-1 }} {{ 1_000 }} {{ 1E+2 | int }}', ctx)).toBe('1000.0 0.25 1000 100');
  });

  it('keeps a whole float a float when it becomes native data', () => {
    expect(renderValue('{{ [4 / 2, 1] }}', ctx)).toEqual([new PyFloat(2), 1]);
    expect(renderValue('[{{ 4 / 2 }}]', ctx)).toEqual([new PyFloat(2)]);
    expect(renderValue('{{ whole }}', ctx)).toEqual(new PyFloat(3));
    // A lone expression that is not a list, dict or bool stays text, as in Ansible 2.14.
    expect(renderValue('{{ 4 / 2 }}', ctx)).toBe('2.0');
    expect(evaluateExpression('4 / 2', ctx)).toEqual(new PyFloat(2));
  });

  it('a whole float is falsy only at zero, and equals the int of the same value', () => {
    expect(evaluateExpression('0.0 or "empty"', ctx)).toBe('empty');
    expect(evaluateExpression('whole == 3 and whole is float and 3 is not float', ctx)).toBe(true);
  });

  it('to_yaml writes floats as PyYAML does, and the dumper leaves other callers alone', () => {
    expect(renderString('{{ [4 / 2, 1e16, half] | to_yaml }}', ctx)).toBe('[2.0, 1.0e+16, 0.5]\n');
    expect(dumpYaml([new PyFloat(2)])).toBe('- 2\n');
  });
});
