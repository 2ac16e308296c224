// Several small files' contents in one answer (apt sources, keyrings): each existing regular file
// as its path on one line and its bytes in base64 on the next, so any byte survives the trip.

/** sh printing the files among `words` (paths or globs, already quoted where needed). */
export function fileContentsScript(words: string): string {
  return `for f in ${words}; do [ -f "$f" ] || continue; printf '%s\\n' "$f"; base64 < "$f" | tr -d '\\n'; echo; done`;
}

export function parseFileContents(stdout: string): Record<string, Buffer> {
  const lines = stdout.split('\n');
  const out: Record<string, Buffer> = {};
  for (let i = 0; i + 1 < lines.length && lines[i]; i += 2) out[lines[i]] = Buffer.from(lines[i + 1], 'base64');
  return out;
}
