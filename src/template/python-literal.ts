// Python's ast.literal_eval, for the text Ansible re-reads after rendering a template (with JSON's
// true/false/null accepted as well, like Ansible's Json2Python). Written by hand rather than with
// the template parser because the two grammars differ: `none` or `1 ~ 2` are Jinja, not Python.
import { PyFloat, pyFloat } from './py-float.js';
import { pyStr, tuple } from './python.js';

/** What literalEval returns when Python would raise (ValueError/SyntaxError). */
export const NOT_LITERAL: unique symbol = Symbol('not a Python literal');

const NAMES: Record<string, unknown> = { True: true, False: false, None: null, true: true, false: false, null: null };
const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

class NotLiteral extends Error {}

export function literalEval(text: string): unknown {
  try {
    const reader = new LiteralReader(text);
    const value = reader.value();
    reader.skipSpace();
    if (!reader.done()) throw new NotLiteral();
    return value;
  } catch (err) {
    if (err instanceof NotLiteral) return NOT_LITERAL;
    throw err;
  }
}

class LiteralReader {
  private pos = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.pos >= this.s.length;
  }

  /** Blanks and comments; newlines only count as blanks inside brackets or at the very end. */
  skipSpace(): void {
    for (;;) {
      const c = this.s[this.pos];
      if (c === ' ' || c === '\t' || c === '\f') this.pos++;
      else if (c === '\n' || c === '\r') {
        if (this.depth === 0 && this.s.slice(this.pos).trim() !== '') throw new NotLiteral();
        this.pos++;
      } else if (c === '#') {
        while (!this.done() && this.s[this.pos] !== '\n') this.pos++;
      } else if (c === '\\' && this.s[this.pos + 1] === '\n') this.pos += 2;
      else return;
    }
  }

  value(): unknown {
    this.skipSpace();
    const c = this.s[this.pos];
    if (c === undefined) throw new NotLiteral();
    if (c === '[') return this.sequence(']');
    if (c === '(') return this.parenthesized();
    if (c === '{') return this.braces();
    if (c === '-' || c === '+') {
      this.pos++;
      this.skipSpace();
      const n = this.number();
      if (c === '+') return n;
      return n instanceof PyFloat ? pyFloat(-n.value) : 0 - n;
    }
    if (/[0-9.]/.test(c)) return this.number();
    if (/['"]/.test(c) || /^[rRuU]['"]/.test(this.s.slice(this.pos, this.pos + 2))) return this.strings();
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.pos))?.[0];
    if (name && Object.hasOwn(NAMES, name)) {
      this.pos += name.length;
      return NAMES[name];
    }
    throw new NotLiteral();
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.s[this.pos] !== ch) throw new NotLiteral();
    this.pos++;
  }

  private at(ch: string): boolean {
    this.skipSpace();
    return this.s[this.pos] === ch;
  }

  /** Comma-separated items up to `close`; a trailing comma is allowed. */
  private items(close: string, item: () => void): number {
    this.pos++;
    this.depth++;
    let count = 0;
    while (!this.at(close)) {
      if (count > 0) {
        this.expect(',');
        if (this.at(close)) break;
      }
      item();
      count++;
    }
    this.pos++;
    this.depth--;
    return count;
  }

  private sequence(close: string): unknown[] {
    const out: unknown[] = [];
    this.items(close, () => out.push(this.value()));
    return out;
  }

  /** `()` and `(a,)` are tuples, `(a)` is just a. */
  private parenthesized(): unknown {
    const start = this.pos;
    const out = this.sequence(')');
    const hasComma = this.s.slice(start, this.pos).includes(',');
    if (out.length === 1 && !hasComma) return out[0];
    return tuple(out);
  }

  /** A dict, or a set (read as a list: JSON has no sets). */
  private braces(): unknown {
    const dict: Record<string, unknown> = {};
    const set: unknown[] = [];
    let kind: 'dict' | 'set' | undefined;
    this.items('}', () => {
      const key = this.value();
      if (this.at(':')) {
        if (kind === 'set') throw new NotLiteral();
        kind = 'dict';
        this.pos++;
        if (key !== null && typeof key === 'object') throw new NotLiteral(); // unhashable
        dict[pyStr(key)] = this.value();
      } else {
        if (kind === 'dict') throw new NotLiteral();
        kind = 'set';
        set.push(key);
      }
    });
    return kind === 'set' ? set : dict;
  }

  private number(): number | PyFloat {
    const rest = this.s.slice(this.pos);
    const m =
      /^0[xX](?:_?[0-9a-fA-F])+|^0[oO](?:_?[0-7])+|^0[bB](?:_?[01])+|^(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?/.exec(rest);
    if (!m || m[0] === '.') throw new NotLiteral();
    const raw = m[0].replace(/_/g, '');
    if (/^[jJA-Za-z0-9_]/.test(rest.slice(m[0].length))) throw new NotLiteral(); // complex, 1abc
    // Python forbids leading zeros in decimal integers ("01").
    if (/^0\d/.test(raw) && !/[.eE]/.test(raw)) {
      if (!/^0+$/.test(raw)) throw new NotLiteral();
    }
    this.pos += m[0].length;
    if (/^0[xXoObB]/.test(raw)) return Number.parseInt(raw.slice(2), { x: 16, o: 8, b: 2 }[raw[1]!.toLowerCase()]);
    // `2.0` and `1e3` are floats even when whole.
    return /[.eE]/.test(raw) ? pyFloat(Number(raw)) : Number(raw);
  }

  /** One or more adjacent string literals, concatenated as Python does. */
  private strings(): string {
    let out = '';
    do out += this.string();
    while (this.nextIsString());
    return out;
  }

  private nextIsString(): boolean {
    this.skipSpace();
    return /^[rRuU]?['"]/.test(this.s.slice(this.pos, this.pos + 2));
  }

  private string(): string {
    let raw = false;
    const prefix = this.s[this.pos]!;
    if (/[rRuU]/.test(prefix)) {
      raw = prefix === 'r' || prefix === 'R';
      this.pos++;
    }
    const q = this.s[this.pos]!;
    const triple = this.s.startsWith(q.repeat(3), this.pos);
    const close = triple ? q.repeat(3) : q;
    this.pos += close.length;
    let out = '';
    for (;;) {
      if (this.done()) throw new NotLiteral();
      if (this.s.startsWith(close, this.pos)) {
        this.pos += close.length;
        return out;
      }
      const c = this.s[this.pos]!;
      if (!triple && c === '\n') throw new NotLiteral();
      if (c !== '\\') {
        out += c;
        this.pos++;
        continue;
      }
      const next = this.s[this.pos + 1];
      if (next === undefined) throw new NotLiteral();
      if (raw) {
        out += c + next;
        this.pos += 2;
        continue;
      }
      this.pos += 2;
      out += this.escape(next);
    }
  }

  /** The escape after a backslash (the character `e` already consumed). */
  private escape(e: string): string {
    if (Object.hasOwn(SIMPLE_ESCAPES, e)) return SIMPLE_ESCAPES[e]!;
    if (e === '\n') return '';
    if (/[0-7]/.test(e)) {
      const digits = e + (/^[0-7]{0,2}/.exec(this.s.slice(this.pos))?.[0] ?? '');
      this.pos += digits.length - 1;
      return String.fromCodePoint(Number.parseInt(digits, 8));
    }
    const width = { x: 2, u: 4, U: 8 }[e];
    if (width) {
      const hex = this.s.slice(this.pos, this.pos + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw new NotLiteral();
      const code = Number.parseInt(hex, 16);
      if (code > 0x10ffff) throw new NotLiteral();
      this.pos += width;
      return String.fromCodePoint(code);
    }
    if (e === 'N') throw new NotLiteral(); // \N{NAME}: no Unicode name table here
    return '\\' + e; // unknown escapes keep their backslash
  }
}
