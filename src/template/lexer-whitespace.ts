// Jinja2's whitespace rules on top of nunjucks' tokenizer, which knows only part of them:
//  - lstrip_blocks: spaces and tabs between the start of a line and a block or comment tag go,
//    unless the tag opens with `+` (`{%+`); nunjucks does it for blocks only, and ignores `+`;
//  - trim_blocks: the newline after a comment tag goes too, and a tag closed with `+%}` keeps it;
//  - {% raw %}: read here, with the template's own delimiters (nunjucks' parser knows only `{%`),
//    keeping the newline after `{% raw %}` as Jinja2 does;
//  - newline_sequence: every newline of the template's text becomes it.
// Called with the nunjucks tokenizer, whose field names these are.
import type { TemplateSyntax } from './syntax.js';

interface Token {
  type: string;
  value: string;
  lineno: number;
  colno: number;
}

export interface WhitespaceTokenizer {
  str: string;
  index: number;
  in_code: boolean;
  trimBlocks: boolean;
  lineno: number;
  colno: number;
  forward(): void;
  nextToken(): Token | null;
}

// nunjucks' token type names.
const DATA = 'data';
const COMMENT = 'comment';
const BLOCK_START = 'block-start';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function applyJinjaWhitespace(tokens: WhitespaceTokenizer, syntax: Readonly<TemplateSyntax>): void {
  const next = tokens.nextToken;
  const bs = escapeRe(syntax.blockStart);
  const be = escapeRe(syntax.blockEnd);
  const rawBegin = new RegExp(`${bs}([-+]?)\\s*raw\\s*(?:-${be}\\s*|${be})`, 'y');
  const rawEnd = new RegExp(`${bs}([-+]?)\\s*endraw\\s*(?:\\+${be}|-${be}\\s*|${be}${syntax.trimBlocks ? '\\n?' : ''})`, 'g');
  const newlines = (text: string) => (syntax.newlineSequence === '\n' ? text : text.replace(/\r\n|\r|\n/g, syntax.newlineSequence));

  /** The sign after the start tag that follows (`-`, `+` or ''), or undefined when no block, comment or raw tag follows. */
  const signOfNextTag = (t: WhitespaceTokenizer): string | undefined => {
    for (const start of [syntax.blockStart, syntax.commentStart]) {
      if (t.str.startsWith(start, t.index)) {
        const sign = t.str[t.index + start.length];
        return sign === '-' || sign === '+' ? sign : '';
      }
    }
    return undefined;
  };

  /** Text before a tag, as lstrip_blocks and `{%-` before a raw block leave it (`{%-` elsewhere is nunjucks' job). */
  const beforeTag = (t: WhitespaceTokenizer, text: string, lineStarting: boolean): string => {
    const sign = signOfNextTag(t);
    if (sign === undefined) return text;
    if (sign === '-') {
      rawBegin.lastIndex = t.index;
      return rawBegin.test(t.str) ? text.replace(/\s+$/, '') : text;
    }
    return sign === '' && syntax.lstripBlocks ? lstripLine(text, lineStarting) : text;
  };

  const readRaw = (t: WhitespaceTokenizer): Token | null => {
    rawBegin.lastIndex = t.index;
    const begin = rawBegin.exec(t.str);
    if (!begin) return null;
    const at = { lineno: t.lineno, colno: t.colno };
    const from = t.index + begin[0].length;
    rawEnd.lastIndex = from;
    const end = rawEnd.exec(t.str);
    if (!end) throw new Error('Missing end of raw directive');
    let text = t.str.slice(from, end.index);
    if (end[1] === '-') text = text.replace(/\s+$/, '');
    else if (end[1] === '' && syntax.lstripBlocks) text = lstripLine(text, begin[0].endsWith('\n'));
    while (t.index < end.index + end[0].length) t.forward();
    return { type: DATA, value: text, ...at };
  };

  tokens.nextToken = function (this: WhitespaceTokenizer): Token | null {
    if (this.in_code && this.str.startsWith('+' + syntax.blockEnd, this.index)) {
      // `+%}`: this tag keeps the newline after it.
      this.forward();
      const trim = this.trimBlocks;
      this.trimBlocks = false;
      try {
        return next.call(this);
      } finally {
        this.trimBlocks = trim;
      }
    }
    const raw = this.in_code ? null : readRaw(this);
    if (raw) {
      raw.value = newlines(raw.value);
      return raw.value === '' ? this.nextToken() : raw;
    }
    const tok = next.call(this);
    if (!tok) return tok;
    if (tok.type === BLOCK_START && this.str[this.index] === '+') {
      this.forward();
    } else if (tok.type === COMMENT) {
      const keepNewline = tok.value.endsWith('+' + syntax.commentEnd) || tok.value.endsWith('-' + syntax.commentEnd);
      if (syntax.trimBlocks && !keepNewline) skipNewline(this);
    } else if (tok.type === DATA) {
      tok.value = newlines(beforeTag(this, tok.value, tok.colno === 0));
      if (tok.value === '') return this.nextToken();
    }
    return tok;
  };
}

/** lstrip_blocks: blanks from the start of the text's last line, when that line starts in this text (or the text at a line start). */
function lstripLine(text: string, lineStarting: boolean): string {
  const lineStart = text.lastIndexOf('\n') + 1;
  if (lineStart === 0 && !lineStarting) return text;
  return /^\s+$/.test(text.slice(lineStart)) ? text.slice(0, lineStart) : text;
}

function skipNewline(t: WhitespaceTokenizer): void {
  if (t.str.startsWith('\r\n', t.index)) {
    t.forward();
    t.forward();
  } else if (t.str[t.index] === '\n') {
    t.forward();
  }
}
