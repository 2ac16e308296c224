// Lines of a text file as Python's str.splitlines() gives them (no line endings kept), which is how
// Ansible's system modules read the files they edit.
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
