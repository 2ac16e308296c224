// Jinja2 source -> syntax tree. The only import of nunjucks in the project: we use its lexer and
// parser (Jinja2's grammar with whitespace control and trim_blocks), corrected where Jinja2 differs,
// and evaluate the tree ourselves (./evaluate.ts) so values follow Python and Ansible semantics.
import nunjucks from 'nunjucks';
import { EXPRESSION_PREFIX, TemplateError, inExpression } from './errors.js';
import { applyJinjaWhitespace, type WhitespaceTokenizer } from './lexer-whitespace.js';
import { pyFloat } from './py-float.js';
import { ANSIBLE_SYNTAX, syntaxKey, type TemplateSyntax } from './syntax.js';

/** A node of the tree: nunjucks node fields plus our own Slice. */
export interface TNode {
  typename: string;
  lineno: number;
  colno: number;
  // Node fields differ by type (value, children, left, right, target, val, ...).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

export type StringEscapes = 'literal' | 'python';

interface Token {
  type: string;
  value: string;
  lineno: number;
  colno: number;
}

// nunjucks' CommonJS build exposes lexer, parser and nodes; its type declarations do not.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const nj = nunjucks as any;
const lexer = nj.lexer;
const nodes = nj.nodes;
const ParserClass = nj.parser.Parser;

const cache = new Map<string, TNode>();
const CACHE_LIMIT = 2000;
/** Big texts (a registered JSON stdout) are parsed once and not kept. */
const CACHE_MAX_SOURCE = 16 * 1024;

/**
 * Parses a template. `literal` string escapes are what Ansible does for templates written in
 * playbooks (it escapes backslashes first, so '\d' and '\n' stay two characters); `python` is what
 * Jinja2 does for template files. `syntax`: the delimiters and whitespace rules (Ansible's by default).
 */
export function parseTemplate(source: string, escapes: StringEscapes = 'literal', syntax: Readonly<TemplateSyntax> = ANSIBLE_SYNTAX): TNode {
  const key = escapes + '\0' + syntaxKey(syntax) + '\0' + source;
  const hit = cache.get(key);
  if (hit) return hit;
  const tree = parseUncached(source, escapes, syntax);
  if (source.length > CACHE_MAX_SOURCE) return tree;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, tree);
  return tree;
}

/** Parses one bare expression (a `when:` condition) and returns its node. */
export function parseExpression(expr: string, escapes: StringEscapes = 'literal'): TNode {
  let root: TNode;
  try {
    root = parseTemplate(`${EXPRESSION_PREFIX}${expr} }}`, escapes);
  } catch (err) {
    throw inExpression(err);
  }
  const output = root.children.length === 1 ? root.children[0] : undefined;
  if (!output || output.typename !== 'Output' || output.children.length !== 1) {
    throw new TemplateError('template-syntax', `expected one expression: ${expr}`);
  }
  return output.children[0] as TNode;
}

function parseUncached(source: string, escapes: StringEscapes, syntax: Readonly<TemplateSyntax>): TNode {
  try {
    // lstrip_blocks is done by applyJinjaWhitespace (nunjucks' own differs from Jinja2's).
    const tags = {
      blockStart: syntax.blockStart,
      blockEnd: syntax.blockEnd,
      variableStart: syntax.variableStart,
      variableEnd: syntax.variableEnd,
      commentStart: syntax.commentStart,
      commentEnd: syntax.commentEnd,
    };
    const tokens = lexer.lex(source, { trimBlocks: syntax.trimBlocks, lstripBlocks: false, tags });
    tokens._parseString = escapes === 'python' ? parsePythonString : parseLiteralString;
    tokens.newline = syntax.newlineSequence;
    balanceBrackets(tokens, syntax);
    readPythonNumbers(tokens);
    applyJinjaWhitespace(tokens as WhitespaceTokenizer, syntax);
    const parser = new ParserClass(tokens);
    parser.parsePostfix = parsePostfix;
    parser.parsePrimary = parsePrimary;
    parser.parseFilter = parseFiltersAndTests;
    parser.parseInclude = parseInclude;
    // Tests are read with the filters (above); nunjucks' own lower `is` level never sees one.
    parser.parseIs = parser.parseCompare;
    parser.parseAdd = parseAdditive;
    parser.parseMul = parseMultiplicative;
    return parser.parseAsRoot() as TNode;
  } catch (err) {
    if (err instanceof TemplateError) throw err;
    const e = err as { message?: string; lineno?: number; colno?: number };
    const message = String(e.message ?? err).replace(/^\(unknown path\)\s*(\[Line \d+, Column \d+\])?\s*/, '').trim();
    throw new TemplateError('template-syntax', `template syntax error: ${message}`, { line: e.lineno, col: e.colno });
  }
}

// ---- lexer corrections (called with `this` = nunjucks tokenizer) ----

interface Tokenizer {
  forward(): void;
  current(): string;
  isFinished(): boolean;
  /** The text being read and the position of current(). */
  str: string;
  index: number;
  /** newline_sequence: what a newline written inside a string literal becomes. */
  newline?: string;
}

function readString(t: Tokenizer, delimiter: string, escape: (t: Tokenizer) => string): string {
  t.forward();
  let str = '';
  while (!t.isFinished() && t.current() !== delimiter) {
    if (t.current() === '\\') {
      t.forward();
      str += escape(t);
    } else {
      str += t.current() === '\n' && t.newline ? t.newline : t.current();
    }
    t.forward();
  }
  t.forward();
  return str;
}

function parseLiteralString(this: Tokenizer, delimiter: string): string {
  // Backslashes are kept; a backslash still protects the next character from ending the string.
  return readString(this, delimiter, (t) => '\\' + t.current());
}

const PY_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };

/** The hex digits of \\xHH, \\uHHHH, \\UHHHHHHHH and up to three octal digits (\\0, \\012), as Python reads them. */
const CODE_ESCAPES: Record<string, RegExp> = { x: /^[0-9a-fA-F]{2}/, u: /^[0-9a-fA-F]{4}/, U: /^[0-9a-fA-F]{8}/ };

function pythonEscape(t: Tokenizer): string {
  const c = t.current();
  const hex = CODE_ESCAPES[c]?.exec(t.str.slice(t.index + 1));
  const octal = /^[0-7]{1,3}/.exec(t.str.slice(t.index));
  const digits = hex?.[0] ?? octal?.[0];
  if (digits === undefined) return PY_ESCAPES[c] ?? '\\' + c;
  // Leave the tokenizer on the last character of the escape (readString moves past it).
  for (let i = hex ? 0 : 1; i < digits.length; i++) t.forward();
  const code = parseInt(digits, hex ? 16 : 8);
  return code <= 0x10ffff ? String.fromCodePoint(code) : '\\' + c + digits;
}

function parsePythonString(this: Tokenizer, delimiter: string): string {
  // Unknown escapes keep their backslash, as in Python.
  return readString(this, delimiter, pythonEscape);
}

/**
 * Jinja2 only ends `{{ ... }}` or `{% ... %}` at an end tag outside any open bracket, so
 * `{{ {'a': {'b': 1}} }}` works, and `[[ [1, [2]] ]]` with `]]` as the end tag. nunjucks ends at
 * the first end tag; count the brackets and refuse the end tags while one is open.
 */
function balanceBrackets(tokens: Tokenizer & Record<string, unknown>, syntax: Readonly<TemplateSyntax>): void {
  let depth = 0;
  const extract = tokens._extractString as (this: unknown, s: string) => string | null;
  const next = tokens.nextToken as (this: unknown) => Token | null;
  const endTags = new Set([syntax.variableEnd, '-' + syntax.variableEnd, syntax.blockEnd, '-' + syntax.blockEnd]);
  const opening = new Set([lexer.TOKEN_LEFT_CURLY, lexer.TOKEN_LEFT_BRACKET, lexer.TOKEN_LEFT_PAREN]);
  const closing = new Set([lexer.TOKEN_RIGHT_CURLY, lexer.TOKEN_RIGHT_BRACKET, lexer.TOKEN_RIGHT_PAREN]);
  tokens._extractString = function (this: unknown, s: string) {
    if (depth > 0 && endTags.has(s)) return null;
    return extract.call(this, s);
  };
  tokens.nextToken = function (this: unknown) {
    const tok = next.call(this);
    if (tok && opening.has(tok.type)) depth++;
    else if (tok && closing.has(tok.type) && depth > 0) depth--;
    else if (tok?.type === lexer.TOKEN_VARIABLE_START || tok?.type === lexer.TOKEN_BLOCK_START) depth = 0;
    return tok;
  };
}

/**
 * Number literals nunjucks does not read: exponents (`1e3`, `2.5E-1`) and digit groups (`1_000`).
 * Not after a `.`, where digits are an index (`x.1e3` is no float in Jinja2 either).
 */
function readPythonNumbers(tokens: Tokenizer & Record<string, unknown>): void {
  const next = tokens.nextToken as (this: unknown) => Token | null;
  const number = /^(?:\d+_)*\d+(?:(?:\.(?:\d+_)*\d+)?[eE][+-]?(?:\d+_)*\d+|\.(?:\d+_)*\d+)?/;
  tokens.nextToken = function (this: Tokenizer & { in_code: boolean; index: number; str: string; lineno: number; colno: number }) {
    if (this.in_code && this.str[this.index - 1] !== '.') {
      const text = number.exec(this.str.slice(this.index, this.index + 400))?.[0];
      if (text && /[eE_]/.test(text)) {
        const at = { lineno: this.lineno, colno: this.colno };
        for (let i = 0; i < text.length; i++) this.forward();
        const float = /[.eE]/.test(text);
        return { type: float ? lexer.TOKEN_FLOAT : lexer.TOKEN_INT, value: text.replace(/_/g, ''), ...at };
      }
    }
    return next.call(this);
  };
}

// ---- parser corrections (called with `this` = nunjucks parser) ----

interface Parser {
  peekToken(): Token;
  nextToken(): Token;
  pushToken(t: Token): void;
  skip(type: string): boolean;
  skipValue(type: string, value: string): boolean;
  skipSymbol(value: string): boolean;
  fail(msg: string, lineno?: number, colno?: number): never;
  parseExpression(): TNode;
  parseSignature(): TNode;
  parsePrimary(noPostfix?: boolean): TNode;
  parseFilterName(): TNode;
  parseFilterArgs(node: TNode): TNode[];
  parsePow(): TNode;
  parseMul(): TNode;
  parseWithContext(): boolean | null;
  advanceAfterBlockEnd(name?: string): Token;
}

const parsePrimaryBase = ParserClass.prototype.parsePrimary as (this: Parser, noPostfix?: boolean) => TNode;

/** A float literal (`2.0`, `1e3`) is a Python float even when its value is whole. */
function parsePrimary(this: Parser, noPostfix?: boolean): TNode {
  const tok = this.peekToken();
  if (tok?.type !== lexer.TOKEN_FLOAT) return parsePrimaryBase.call(this, noPostfix);
  this.nextToken();
  const node = new nodes.Literal(tok.lineno, tok.colno, pyFloat(Number(tok.value))) as TNode;
  return noPostfix ? node : parsePostfix.call(this, node);
}

/**
 * Jinja2 reads filters and tests at one level, tighter than any operator: `1 + 2 is odd` is
 * `1 + (2 is odd)`, and `x | length is even` tests the filtered value.
 */
function parseFiltersAndTests(this: Parser, node: TNode): TNode {
  for (;;) {
    const tok = this.peekToken();
    if (tok?.type === lexer.TOKEN_PIPE) {
      this.nextToken();
      const name = this.parseFilterName();
      node = new nodes.Filter(name.lineno, name.colno, name, new nodes.NodeList(name.lineno, name.colno, [node, ...this.parseFilterArgs(node)]));
    } else if (tok?.type === lexer.TOKEN_SYMBOL && tok.value === 'is') {
      this.nextToken();
      node = parseTest.call(this, node, tok);
    } else {
      return node;
    }
  }
}

/** What Jinja2's lexer calls a name: nunjucks gives true/false and none token types of their own. */
function isNameToken(tok: Token | null): boolean {
  return tok?.type === lexer.TOKEN_SYMBOL || tok?.type === lexer.TOKEN_BOOLEAN || tok?.type === lexer.TOKEN_NONE;
}

/** Tokens that start the one argument a test may take without parentheses (`x is divisibleby 3`). */
function startsTestArgument(tok: Token | null): boolean {
  if (!tok) return false;
  if (isNameToken(tok)) return !['else', 'or', 'and'].includes(tok.value);
  return [lexer.TOKEN_STRING, lexer.TOKEN_INT, lexer.TOKEN_FLOAT, lexer.TOKEN_LEFT_BRACKET, lexer.TOKEN_LEFT_CURLY].includes(tok.type);
}

/** A token as Jinja2's syntax errors name it. */
function tokenDescription(tok: Token | null): string {
  if (!tok) return 'end of template';
  const kinds: Record<string, string> = {
    [lexer.TOKEN_VARIABLE_END]: 'end of print statement',
    [lexer.TOKEN_BLOCK_END]: 'end of statement block',
    [lexer.TOKEN_INT]: 'integer',
    [lexer.TOKEN_FLOAT]: 'float',
    [lexer.TOKEN_STRING]: 'string',
  };
  return kinds[tok.type] ?? tok.value;
}

/** After `is`: `[not] name[.name...]`, then `(args)`, one argument without parentheses, or none. */
function parseTest(this: Parser, subject: TNode, is: Token): TNode {
  const negated = this.skipSymbol('not');
  const first = this.nextToken();
  if (!first || !isNameToken(first)) return this.fail(`expected token 'name', got '${tokenDescription(first)}'`, first?.lineno, first?.colno);
  let name = first.value;
  while (this.skipValue(lexer.TOKEN_OPERATOR, '.')) {
    const part = this.nextToken();
    if (!part || !isNameToken(part)) return this.fail(`expected token 'name', got '${tokenDescription(part)}'`, part?.lineno, part?.colno);
    name += '.' + part.value;
  }
  const next = this.peekToken();
  let args: TNode;
  if (next?.type === lexer.TOKEN_LEFT_PAREN) {
    args = this.parseSignature();
  } else if (next && startsTestArgument(next)) {
    if (next.value === 'is') this.fail('You cannot chain multiple tests with is', next.lineno, next.colno);
    args = new nodes.NodeList(next.lineno, next.colno, [this.parsePrimary()]);
  } else {
    args = new nodes.NodeList(first.lineno, first.colno, []);
  }
  // Placed at the test's name, where an unknown test is reported.
  const test: TNode = { typename: 'Test', lineno: first.lineno, colno: first.colno, target: subject, name, args };
  return negated ? (new nodes.Not(is.lineno, is.colno, test) as TNode) : test;
}

/** `{% include name [ignore missing] [with context | without context] %}` (nunjucks knows neither context form). */
function parseInclude(this: Parser): TNode {
  const tag = this.nextToken();
  const node = new nodes.Include(tag.lineno, tag.colno) as TNode;
  node.template = this.parseExpression();
  if (this.skipSymbol('ignore')) {
    if (!this.skipSymbol('missing')) this.fail("expected 'missing' after 'ignore'", tag.lineno, tag.colno);
    node.ignoreMissing = true;
  }
  node.withContext = this.parseWithContext();
  this.advanceAfterBlockEnd(tag.value);
  return node;
}

/**
 * A call's `(args, name=value, *more, **named)`: nunjucks' signature parser without Jinja2's unpacking.
 * `*x` becomes a Splat node among the positional arguments, `**x` a DoubleSplat among the named ones; the
 * evaluator spreads them.
 */
function parseCallArguments(this: Parser): TNode {
  const open = this.nextToken();
  const args = new nodes.NodeList(open.lineno, open.colno) as TNode;
  const kwargs = new nodes.KeywordArgs(open.lineno, open.colno) as TNode;
  let first = true;
  for (;;) {
    const tok = this.peekToken();
    if (!tok) return this.fail('unexpected end of template, expected )', open.lineno, open.colno);
    if (tok.type === lexer.TOKEN_RIGHT_PAREN) {
      this.nextToken();
      break;
    }
    if (!first && !this.skip(lexer.TOKEN_COMMA)) this.fail('parseSignature: expected comma after expression', tok.lineno, tok.colno);
    first = false;
    const next = this.peekToken();
    if (next?.type === lexer.TOKEN_RIGHT_PAREN) continue;
    const unpack = next?.type === lexer.TOKEN_OPERATOR && (next.value === '**' || next.value === '*') ? next.value : undefined;
    if (unpack) {
      this.nextToken();
      const value = this.parseExpression();
      // `**x` goes with the named arguments, in the order written (a later name wins).
      (unpack === '*' ? args : kwargs).children.push({ typename: unpack === '*' ? 'Splat' : 'DoubleSplat', lineno: next!.lineno, colno: next!.colno, value });
      continue;
    }
    const arg = this.parseExpression();
    if (this.skipValue(lexer.TOKEN_OPERATOR, '=')) kwargs.children.push(new nodes.Pair(arg.lineno, arg.colno, arg, this.parseExpression()));
    else args.children.push(arg);
  }
  if (kwargs.children.length > 0) args.children.push(kwargs);
  return args;
}

/** Jinja2 postfix: calls, `[index]`, `[start:stop:step]` slices, `.name` and `.0`. */
function parsePostfix(this: Parser, node: TNode): TNode {
  for (;;) {
    const tok = this.peekToken();
    if (!tok) return node;
    if (tok.type === lexer.TOKEN_LEFT_PAREN) {
      node = new nodes.FunCall(tok.lineno, tok.colno, node, parseCallArguments.call(this));
    } else if (tok.type === lexer.TOKEN_LEFT_BRACKET) {
      this.nextToken();
      node = new nodes.LookupVal(tok.lineno, tok.colno, node, parseSubscript.call(this, tok));
    } else if (tok.type === lexer.TOKEN_OPERATOR && tok.value === '.') {
      this.nextToken();
      node = parseDotted.call(this, node, tok);
    } else {
      return node;
    }
  }
}

/** After a `.`: a name, an index (`.0`), or what the lexer read as a float (`.0.name` lexes as `0.`). */
function parseDotted(this: Parser, node: TNode, dot: Token): TNode {
  const name = this.nextToken();
  const dotted = (key: string | number, at: Token) => {
    const n = new nodes.LookupVal(dot.lineno, dot.colno, node, new nodes.Literal(at.lineno, at.colno, key));
    n.dot = true;
    return n as TNode;
  };
  // `none`, `true`, `null`... are plain attribute names after a dot (`data.null`), as in Jinja2.
  if (name?.type === lexer.TOKEN_SYMBOL || name?.type === lexer.TOKEN_BOOLEAN || name?.type === lexer.TOKEN_NONE) return dotted(name.value, name);
  if (name?.type === lexer.TOKEN_INT) return dotted(Number(name.value), name);
  if (name?.type === lexer.TOKEN_FLOAT && /^\d+\.\d*$/.test(name.value)) {
    const [first, second] = name.value.split('.');
    node = dotted(Number(first), name);
    if (second !== '') return dotted(Number(second), name);
    return parseDotted.call(this, node, dot);
  }
  return this.fail(`expected name as lookup value, got ${name ? name.value : 'end of template'}`, name?.lineno, name?.colno);
}

function parseSubscript(this: Parser, open: Token): TNode {
  const parts: (TNode | null)[] = [null];
  let sliced = false;
  for (;;) {
    const tok = this.peekToken();
    if (!tok) this.fail('expected ] to close the subscript', open.lineno, open.colno);
    if (tok.type === lexer.TOKEN_RIGHT_BRACKET) {
      this.nextToken();
      break;
    }
    if (tok.type === lexer.TOKEN_COLON) {
      this.nextToken();
      sliced = true;
      if (parts.length === 3) this.fail('too many colons in slice', tok.lineno, tok.colno);
      parts.push(null);
      continue;
    }
    if (parts[parts.length - 1] !== null) this.fail('expected ] or : in subscript', tok.lineno, tok.colno);
    parts[parts.length - 1] = this.parseExpression();
  }
  if (!sliced) {
    if (!parts[0]) this.fail('empty subscript', open.lineno, open.colno);
    return parts[0]!;
  }
  return { typename: 'Slice', lineno: open.lineno, colno: open.colno, start: parts[0], stop: parts[1] ?? null, step: parts[2] ?? null };
}

/** `+` and `-` at one precedence level, left to right (nunjucks nests them). */
function parseAdditive(this: Parser): TNode {
  let node = this.parseMul();
  for (;;) {
    if (this.skipValue(lexer.TOKEN_OPERATOR, '+')) node = new nodes.Add(node.lineno, node.colno, node, this.parseMul());
    else if (this.skipValue(lexer.TOKEN_OPERATOR, '-')) node = new nodes.Sub(node.lineno, node.colno, node, this.parseMul());
    else return node;
  }
}

/** `*`, `/`, `//`, `%` at one precedence level, left to right. */
function parseMultiplicative(this: Parser): TNode {
  let node = this.parsePow();
  const ops: [string, string][] = [['*', 'Mul'], ['//', 'FloorDiv'], ['/', 'Div'], ['%', 'Mod']];
  for (;;) {
    const op = ops.find(([symbol]) => this.skipValue(lexer.TOKEN_OPERATOR, symbol));
    if (!op) return node;
    node = new nodes[op[1]](node.lineno, node.colno, node, this.parsePow());
  }
}
