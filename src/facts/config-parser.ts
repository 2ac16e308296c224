// INI text read as Python's configparser.ConfigParser reads it (what Ansible uses for local facts):
// sections, `key = value` or `key: value`, keys lower-cased, indented lines continue a value,
// whole-line `#`/`;` comments, [DEFAULT] values in every section, %(name)s interpolation and %%.
// Anything configparser refuses (text before the first section, a line without a separator, a
// duplicate section or key) throws ConfigParserError.

export class ConfigParserError extends Error {}

type Sections = Map<string, Map<string, string[]>>;

function parse(text: string): Sections {
  const sections: Sections = new Map();
  let current: Map<string, string[]> | undefined;
  let last: { lines: string[]; indent: number } | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) {
      // An empty line inside a value is kept only if more continuation follows; configparser trims them at the end.
      if (line === '' && last) last.lines.push('');
      continue;
    }
    if (last && indent > last.indent) {
      last.lines.push(line);
      continue;
    }
    last = undefined;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      const name = header[1]!;
      if (sections.has(name)) throw new ConfigParserError(`section '${name}' already exists`);
      current = new Map();
      sections.set(name, current);
      continue;
    }
    if (!current) throw new ConfigParserError('file contains no section headers');
    const sep = line.search(/[=:]/);
    if (sep <= 0) throw new ConfigParserError(`line without a value: ${line}`);
    const key = line.slice(0, sep).trim().toLowerCase();
    if (current.has(key)) throw new ConfigParserError(`option '${key}' already exists`);
    const value = [line.slice(sep + 1).trim()];
    current.set(key, value);
    last = { lines: value, indent };
  }
  return sections;
}

function interpolate(value: string, lookup: (name: string) => string | undefined, depth = 0): string {
  if (depth > 10) throw new ConfigParserError('interpolation too deep');
  return value.replace(/%(%|\(([^)]*)\)s|.?)/g, (whole, what: string, name: string | undefined) => {
    if (what === '%') return '%';
    if (name === undefined) throw new ConfigParserError(`'%' must be followed by '%' or '(': ${value}`);
    const found = lookup(name.toLowerCase());
    if (found === undefined) throw new ConfigParserError(`bad interpolation variable reference: ${whole}`);
    return interpolate(found, lookup, depth + 1);
  });
}

/** Sections (DEFAULT merged in, not listed itself) → options → values, as configparser's get() gives them. */
export function readConfig(text: string): Record<string, Record<string, string>> {
  const sections = parse(text);
  const defaults = sections.get('DEFAULT') ?? new Map<string, string[]>();
  sections.delete('DEFAULT');
  const joined = (lines: string[]) => {
    const copy = [...lines];
    while (copy.length > 1 && copy[copy.length - 1] === '') copy.pop();
    return copy.join('\n');
  };
  const out: Record<string, Record<string, string>> = {};
  for (const [name, options] of sections) {
    // configparser lists a section's own options first, then the defaults it lacks.
    const raw = new Map([...options].map(([k, v]) => [k, joined(v)] as const));
    for (const [k, v] of defaults) if (!raw.has(k)) raw.set(k, joined(v));
    out[name] = Object.fromEntries([...raw].map(([k, v]) => [k, interpolate(v, (n) => raw.get(n))]));
  }
  return out;
}
