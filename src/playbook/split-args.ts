// Cuts an Ansible argument string (`copy: src=a dest="b c"`, `shell: |` blocks) into words the way
// ansible-core 2.14 does, quirks included, so a free-form command keeps its newlines:
// - lines are cut on '\n', then words on single spaces (a tab is part of a word);
// - a word keeps the newline that ended its line, and runs of spaces after it (all but one),
//   so joining the words back gives the original layout (a lone leading space on a line is lost);
// - a quoted string or a Jinja2 {{ }}, {% %}, {# #} block stays one word, whatever spans it;
// - a lone `\` word (outside quotes) joins its line to the next one.

export interface SplitArgs {
  tokens: string[];
  /** Set when a quote or Jinja2 block is never closed, or the text cannot be cut at all. */
  error?: string;
}

const JINJA_BLOCKS = [
  ['{{', '}}'],
  ['{%', '%}'],
  ['{#', '#}'],
] as const;

const LEADING_BLANK = 'the text starts with an empty line or with two spaces, which Ansible cannot parse either; remove them';

export function splitArgs(text: string): SplitArgs {
  const tokens: string[] = [];
  let quote: string | null = null;
  const depths = JINJA_BLOCKS.map(() => 0);
  /** Adds to the word being built; false when there is none yet (Ansible fails there too). */
  const extend = (more: string): boolean => {
    if (tokens.length === 0) return false;
    tokens[tokens.length - 1] += more;
    return true;
  };

  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const pieces = lines[l]!.split(' ');
    let continued = false;
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p]!;
      if (piece === '' && p > 0) {
        // A second space in a row: keep it with the previous word.
        if (!extend(' ')) return { tokens, error: LEADING_BLANK };
        continue;
      }
      if (piece === '\\' && quote === null) {
        continued = true;
        continue;
      }
      const wasQuoted = quote !== null;
      quote = quoteAfter(piece, quote);
      const inBlock = depths.some((d) => d > 0);
      let placed = false;
      if (quote !== null && !wasQuoted && !inBlock) {
        tokens.push(piece);
        placed = true;
      } else if (inBlock || quote !== null || wasQuoted) {
        // Continues the open word: right after the newline it already ends with, after a space
        // within a line, or after a newline when the piece is alone on its line.
        const glue = p === 0 && wasQuoted ? '' : pieces.length > 1 ? (p > 0 ? ' ' : '') : '\n';
        if (!extend(glue + piece)) return { tokens, error: LEADING_BLANK };
        placed = true;
      }
      JINJA_BLOCKS.forEach(([open, close], k) => {
        const before = depths[k]!;
        depths[k] = depthAfter(piece, before, open, close);
        if (depths[k] !== before && !placed) {
          tokens.push(piece);
          placed = true;
        }
      });
      if (!placed && piece !== '' && quote === null && depths.every((d) => d === 0)) tokens.push(piece);
    }
    if (l < lines.length - 1 && !continued && !extend('\n')) return { tokens, error: LEADING_BLANK };
  }

  if (quote !== null) return { tokens, error: `unbalanced quote (${quote}) in arguments` };
  const open = depths.findIndex((d) => d > 0);
  if (open >= 0) return { tokens, error: `unclosed Jinja2 block (missing '${JINJA_BLOCKS[open]![1]}') in arguments` };
  return { tokens };
}

/** Puts split words back together: a space between them, none after a word that ends a line. */
export function joinArgs(words: readonly string[]): string {
  let text = '';
  for (const word of words) text += text === '' || text.endsWith('\n') ? word : ` ${word}`;
  return text;
}

/** The open quote after reading `piece`: a quote not preceded by a backslash opens or closes. */
function quoteAfter(piece: string, quote: string | null): string | null {
  for (let i = 0; i < piece.length; i++) {
    const c = piece[i]!;
    if ((c !== '"' && c !== "'") || (i > 0 && piece[i - 1] === '\\')) continue;
    if (quote === null) quote = c;
    else if (c === quote) quote = null;
  }
  return quote;
}

/** Block depth after `piece`: moves by how many more opening than closing marks it has, never below 0. */
function depthAfter(piece: string, depth: number, open: string, close: string): number {
  const diff = piece.split(open).length - piece.split(close).length;
  return diff === 0 ? depth : Math.max(0, depth + diff);
}
