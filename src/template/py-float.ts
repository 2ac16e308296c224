// Python's int and float kept apart. A JS number cannot tell 2 from 2.0, yet Python prints them
// differently ('2' and '2.0'), and `/`, `float`, `round` and friends give floats. The rule here:
//  - a JS number that is a whole number is a Python int;
//  - a JS number with a fractional part (or inf/nan) is a Python float;
//  - a float whose value is whole is a PyFloat: a boxed JS Number.
// Only that last case needs a box, so values read from YAML, facts and JSON keep flowing as plain
// numbers, and a PyFloat only appears where the template engine made a float (`4 / 2`, `2.0`,
// `| float`). It can leave the engine as native data (`{{ [4 / 2] }}` is the list [2.0] in Ansible);
// being a Number object, code outside knows it without importing this file (`instanceof Number`),
// and JSON.stringify and arithmetic see its number.
export class PyFloat extends Number {
  get value(): number {
    return this.valueOf();
  }

  override toString(): string {
    return floatRepr(this.valueOf());
  }
}

/** The float with value `n`: a plain number unless it is whole (then a PyFloat). */
export function pyFloat(n: number): number | PyFloat {
  return Number.isInteger(n) ? new PyFloat(n) : n;
}

export function isFloat(value: unknown): value is number | PyFloat {
  return value instanceof PyFloat || (typeof value === 'number' && !Number.isInteger(value));
}

export function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** The number a Python int, float or bool stands for (bools are ints in Python), else undefined. */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof PyFloat) return value.value;
  if (typeof value === 'boolean') return Number(value);
  return undefined;
}

/** Python's repr() of a float: the shortest digits, exponent form below 1e-4 and from 1e16. */
export function floatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mantissa, exp] = n.toExponential().split('e') as [string, string];
  const e = Number(exp);
  if (e < -4 || e >= 16) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  const sign = n < 0 ? '-' : '';
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  return `${sign}${whole}.${digits.slice(e + 1) || '0'}`;
}

/** Python's str() of an int: all the digits, never an exponent. */
export function intRepr(n: number): string {
  return Math.abs(n) < 1e21 ? String(n === 0 ? 0 : n) : BigInt(n).toString();
}

/** How a number prints in Python: as an int or as a float. */
export function numberRepr(value: number | PyFloat): string {
  return isFloat(value) ? floatRepr(Number(value)) : intRepr(value as number);
}
