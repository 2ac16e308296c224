// A few lines of source around a location, with a caret under the column, like compilers show.

export function codeFrame(text: string, line: number, col: number, context = 2): string {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' ';
    // Tabs are shown as one visible character so the caret lines up.
    const shown = lines[n - 1]!.replace(/\t/g, '→');
    out.push(`${marker} ${String(n).padStart(width)} | ${shown}`.trimEnd());
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, col - 1))}^`);
  }
  return out.join('\n');
}
