// A few lines of source around a location, with a caret under the column, like compilers show.

let lastText: string | undefined;
let lastLines: string[] = [];

/** The text's lines, split once for a run of frames into the same file (a file with thousands of errors). */
function linesOf(text: string): string[] {
  if (text !== lastText) {
    lastLines = text.split(/\r?\n/);
    if (lastLines.length > 1 && lastLines[lastLines.length - 1] === '') lastLines.pop();
    lastText = text;
  }
  return lastLines;
}

export function codeFrame(text: string, line: number, col: number, context = 2): string {
  const lines = linesOf(text);
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' ';
    // Tabs are shown as one visible character so the caret lines up; control bytes never reach the terminal.
    const { text: shown, caret } = clip(lines[n - 1]!.replace(/\t/g, '→').replace(/[\x00-\x1f\x7f]/g, '\ufffd'), col);
    out.push(`${marker} ${String(n).padStart(width)} | ${shown}`.trimEnd());
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, caret - 1))}^`);
  }
  return out.join('\n');
}

/** Longest part of a line a frame shows; a minified or binary line would flood the terminal. */
export const MAX_FRAME_WIDTH = 160;

/** Cuts a long line to a window around the column, marking cuts with '…'; returns the caret's new column. */
function clip(text: string, col: number): { text: string; caret: number } {
  if (text.length <= MAX_FRAME_WIDTH) return { text, caret: col };
  const start = Math.max(0, Math.min(col - 1 - MAX_FRAME_WIDTH / 2, text.length - MAX_FRAME_WIDTH));
  const end = start + MAX_FRAME_WIDTH;
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  return { text: head + text.slice(start, end) + tail, caret: col - start + head.length };
}
