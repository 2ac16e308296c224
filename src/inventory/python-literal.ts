// INI inventory values are read like Python's ast.literal_eval (as Ansible does): `1` is a number, `True` a
// boolean, `'a'` a string, `[1, 2]` a list; anything that is not a Python literal stays the raw text.

export function parseIniValue(text: string): unknown {
  try {
    const parser = new LiteralParser(text.replace(/^[ \t]+/, ''));
    const value = parser.value();
    parser.skipSpace();
    // Python source allows a trailing comment: literal_eval('20  # max') is 20.
    return parser.atEnd() || parser.atComment() ? value : text;
  } catch {
    return text;
  }
}

class LiteralParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  atComment(): boolean {
    return this.src[this.pos] === '#';
  }

  skipSpace(): void {
    while (/\s/.test(this.src[this.pos] ?? '')) this.pos++;
  }

  value(): unknown {
    this.skipSpace();
    const c = this.src[this.pos];
    if (c === undefined) throw new Error('end');
    if (c === '[') return this.sequence(']');
    if (c === '(') return this.sequence(')');
    if (c === '{') return this.braces();
    if (c === '"' || c === "'") return this.stringLiteral();
    const word = /^[A-Za-z_]\w*/.exec(this.src.slice(this.pos));
    if (word) {
      this.pos += word[0].length;
      if (word[0] === 'True') return true;
      if (word[0] === 'False') return false;
      if (word[0] === 'None') return null;
      throw new Error('name');
    }
    return this.number();
  }

  private number(): number {
    const rest = this.src.slice(this.pos);
    const m = /^[+-]?\s*(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?|\d[\d_]*\.)/.exec(rest);
    if (!m) throw new Error('number');
    this.pos += m[0].length;
    const sign = m[0].trimStart().startsWith('-') ? -1 : 1;
    const body = m[1]!.replace(/_/g, '');
    if (/^0[xob]/i.test(body)) return sign * Number(body.toLowerCase());
    // Python refuses leading zeros on integers (`010`).
    if (/^0\d/.test(body) && !/[.eE]/.test(body)) throw new Error('leading zero');
    return sign * Number(body);
  }

  private stringLiteral(): string {
    const quote = this.src[this.pos]!;
    if (this.src.startsWith(quote.repeat(3), this.pos)) throw new Error('triple quotes');
    let out = '';
    this.pos++;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || c === '\n') throw new Error('unterminated');
      this.pos++;
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.src[this.pos++];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };
      if (e !== undefined && e in simple) out += simple[e];
      else if (e === 'x' || e === 'u') {
        const len = e === 'x' ? 2 : 4;
        const hex = this.src.slice(this.pos, this.pos + len);
        if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw new Error('escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += len;
      } else out += '\\' + (e ?? '');
    }
  }

  private sequence(close: string): unknown[] {
    this.pos++;
    const items: unknown[] = [];
    for (;;) {
      this.skipSpace();
      if (this.src[this.pos] === close) {
        this.pos++;
        return items;
      }
      items.push(this.value());
      this.skipSpace();
      if (this.src[this.pos] === ',') this.pos++;
      else if (this.src[this.pos] !== close) throw new Error('sequence');
    }
  }

  /** `{}` and `{k: v}` are dicts; `{a, b}` is a set (a list here). */
  private braces(): unknown {
    this.pos++;
    const dict: Record<string, unknown> = {};
    const set: unknown[] = [];
    let kind: 'dict' | 'set' | undefined;
    for (;;) {
      this.skipSpace();
      if (this.src[this.pos] === '}') {
        this.pos++;
        return kind === 'set' ? set : dict;
      }
      const key = this.value();
      this.skipSpace();
      if (this.src[this.pos] === ':' && kind !== 'set') {
        kind = 'dict';
        this.pos++;
        dict[String(key)] = this.value();
      } else if (kind !== 'dict') {
        kind = 'set';
        set.push(key);
      } else throw new Error('dict');
      this.skipSpace();
      if (this.src[this.pos] === ',') this.pos++;
      else if (this.src[this.pos] !== '}') throw new Error('braces');
    }
  }
}
