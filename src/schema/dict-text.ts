// A mapping written as text, as Ansible reads a dict argument given as a string (free-form
// `tls_requires={}`, ad hoc `-a`): JSON when it starts with `{`, else `k=v` fields separated by
// commas or spaces, where quotes group and a backslash takes the next character as it is.

export function dictFromText(text: string): Record<string, unknown> | undefined {
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  if (!text.includes('=')) return undefined;
  const out: Record<string, unknown> = {};
  for (const field of fieldsOf(text.trim())) {
    const eq = field.indexOf('=');
    if (eq < 0) return undefined;
    out[field.slice(0, eq)] = field.slice(eq + 1);
  }
  return out;
}

function fieldsOf(text: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quote = '';
  let escaped = false;
  for (const c of text) {
    if (escaped) {
      current += c;
      escaped = false;
    } else if (c === '\\') escaped = true;
    else if (!quote && (c === "'" || c === '"')) quote = c;
    else if (quote && c === quote) quote = '';
    else if (!quote && (c === ',' || c === ' ')) {
      if (current) fields.push(current);
      current = '';
    } else current += c;
  }
  if (current) fields.push(current);
  return fields;
}
