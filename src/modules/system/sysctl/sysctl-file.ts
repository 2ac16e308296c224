// A sysctl file as Ansible's sysctl module reads and rewrites it: every line trimmed, `key = value`
// lines written `key=value`, a key's later duplicates dropped (while the last one is what it reads).

export interface SysctlFile {
  lines: string[];
  /** Each key's value in the file (the last line of the key wins). */
  values: Map<string, string>;
}

const isSetting = (line: string) => line !== '' && !line.startsWith('#') && !line.startsWith(';') && line.includes('=');

function split(line: string): [string, string] {
  const eq = line.indexOf('=');
  return [line.slice(0, eq).trim(), line.slice(eq + 1).trim()];
}

export function readSysctlFile(text: string): SysctlFile {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const trimmed = lines.map((l) => l.trim());
  const values = new Map<string, string>();
  for (const line of trimmed) if (isSetting(line)) values.set(...split(line));
  return { lines: trimmed, values };
}

/** The file with `name` set to `value` (or removed without a value), as Ansible writes it. */
export function renderSysctlFile(file: SysctlFile, name: string, value: string | undefined): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of file.lines) {
    if (!isSetting(line)) {
      out.push(line);
      continue;
    }
    const [k, v] = split(line);
    if (seen.has(k)) continue;
    seen.add(k);
    if (k !== name) out.push(`${k}=${v}`);
    else if (value !== undefined) out.push(`${k}=${value}`);
  }
  if (!seen.has(name) && value !== undefined) out.push(`${name}=${value}`);
  return out.map((l) => `${l.trim()}\n`).join('');
}
