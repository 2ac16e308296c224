// Python's arithmetic operators as Jinja2 applies them: `/` always gives a float, `//` and `%`
// follow the sign of the divisor, an int stays an int unless a float takes part (see py-float.ts).
import { TemplateError } from './errors.js';
import { percentFormat } from './percent-format.js';
import { isFloat, numericValue, pyFloat } from './py-float.js';
import { clone, plain, typeName } from './python.js';
import { defined } from './undefined.js';

export type BinaryOperator = 'Add' | 'Sub' | 'Mul' | 'Div' | 'FloorDiv' | 'Mod' | 'Pow';

const SYMBOLS: Record<BinaryOperator, string> = { Add: '+', Sub: '-', Mul: '*', Div: '/', FloorDiv: '//', Mod: '%', Pow: '**' };

function zeroDivision(message: string): TemplateError {
  return new TemplateError('template-error', message);
}

/** An int result: JS has a negative zero, Python ints do not. */
function int(n: number): number {
  return n === 0 ? 0 : n;
}

export function binaryOperation(kind: BinaryOperator, left: unknown, right: unknown): unknown {
  const a = plain(defined(left));
  const b = plain(defined(right));
  const unsupported = () => new TemplateError('template-error', `unsupported operand type(s) for ${SYMBOLS[kind]}: '${typeName(a)}' and '${typeName(b)}'`);
  if (kind === 'Add') {
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  }
  if (kind === 'Mul') {
    if (typeof a === 'string' || Array.isArray(a)) return repeat(a, b);
    if (typeof b === 'string' || Array.isArray(b)) return repeat(b, a);
  }
  if (kind === 'Mod' && typeof a === 'string') return percentFormat(a, b);
  const x = numericValue(a);
  const y = numericValue(b);
  if (x === undefined || y === undefined) throw unsupported();
  const float = isFloat(a) || isFloat(b);
  switch (kind) {
    case 'Add':
      return float ? pyFloat(x + y) : int(x + y);
    case 'Sub':
      return float ? pyFloat(x - y) : int(x - y);
    case 'Mul':
      return float ? pyFloat(x * y) : int(x * y);
    case 'Div':
      if (y === 0) throw zeroDivision(float ? 'float division by zero' : 'division by zero');
      return pyFloat(x / y);
    case 'FloorDiv':
      if (y === 0) throw zeroDivision(float ? 'float floor division by zero' : 'integer division or modulo by zero');
      return float ? pyFloat(floatDivMod(x, y)[0]) : int(Math.floor(x / y));
    case 'Mod':
      if (y === 0) throw zeroDivision(float ? 'float modulo' : 'integer modulo by zero');
      return float ? pyFloat(floatDivMod(x, y)[1]) : int(floatDivMod(x, y)[1]);
    case 'Pow':
      if (x === 0 && y < 0) throw zeroDivision('0.0 cannot be raised to a negative power');
      // int ** negative int is a float in Python.
      return float || y < 0 ? pyFloat(x ** y) : int(x ** y);
  }
}

/** `'ab' * 3`, `[1] * 2`: only an int (or a bool) repeats a sequence. */
function repeat(seq: string | unknown[], count: unknown): unknown {
  if (!(typeof count === 'boolean' || (typeof count === 'number' && !isFloat(count)))) {
    throw new TemplateError('template-error', `can't multiply sequence by non-int of type '${typeName(count)}'`);
  }
  const n = Math.max(0, Number(count));
  if (typeof seq === 'string') return seq.repeat(n);
  return Array.from({ length: n }, () => clone(seq)).flat();
}

/** CPython's float divmod: fmod, then the remainder takes the divisor's sign. */
function floatDivMod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0) {
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else {
    mod = y < 0 ? -0 : 0;
  }
  let floor: number;
  if (div !== 0) {
    floor = Math.floor(div);
    if (div - floor > 0.5) floor += 1;
  } else {
    floor = x / y < 0 ? -0 : 0;
  }
  return [floor, mod];
}

/** Unary `-` and `+`: a bool becomes an int, a float stays a float. */
export function unaryOperation(kind: 'Neg' | 'Pos', operand: unknown): unknown {
  const v = plain(defined(operand));
  const n = numericValue(v);
  if (n === undefined) throw new TemplateError('template-error', `bad operand type for unary ${kind === 'Neg' ? '-' : '+'}: '${typeName(v)}'`);
  const result = kind === 'Neg' ? -n : n;
  return isFloat(v) ? pyFloat(result) : int(result);
}
