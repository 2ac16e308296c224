// Reads what `openssl req -text` and `openssl x509 -text` print (with -nameopt sep_multiline,sname
// and the public key and signature left out): the subject and issuer as attribute lists, and each
// extension with its criticality and its value as printed. PEM blocks in the same output are
// returned apart. Pure: tested with output recorded on lab hosts.

export type Name = [attribute: string, value: string][];

export interface Extension {
  critical: boolean;
  /** The printed value, lines joined with '\n' and trimmed. */
  value: string;
}

export interface X509Text {
  subject: Name;
  issuer?: Name;
  /** By openssl's heading: 'X509v3 Subject Alternative Name', 'X509v3 Key Usage', ... */
  extensions: Record<string, Extension>;
  /** PEM blocks by label: 'PUBLIC KEY', 'CERTIFICATE REQUEST', 'CERTIFICATE'. */
  pem: Record<string, string>;
  /** "Version: 3 (0x2)" -> 3. */
  version?: number;
  /** The first "Signature Algorithm:" (the one in the signed data). */
  signatureAlgorithm?: string;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\n[\s\S]*?-----END \1-----\n?/g;

const indentOf = (line: string) => line.length - line.trimStart().length;

export function parseX509Text(stdout: string): X509Text {
  const pem: Record<string, string> = {};
  const text = stdout.replace(PEM_BLOCK, (block, label: string) => {
    pem[label] ??= block.endsWith('\n') ? block : `${block}\n`;
    return '';
  });
  const lines = text.split('\n');
  const result: X509Text = { subject: [], extensions: {}, pem };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = line.trim();
    if (heading === 'Subject:' || heading.startsWith('Subject: ')) result.subject = nameAt(lines, i);
    else if (heading === 'Issuer:' || heading.startsWith('Issuer: ')) result.issuer = nameAt(lines, i);
    else if (heading === 'X509v3 extensions:' || heading === 'Requested Extensions:') Object.assign(result.extensions, extensionsAt(lines, i));
    else if (heading.startsWith('Version: ') && result.version === undefined) result.version = Number(/^Version: (\d+)/.exec(heading)?.[1]);
    else if (heading.startsWith('Signature Algorithm: ') && result.signatureAlgorithm === undefined) result.signatureAlgorithm = heading.slice('Signature Algorithm: '.length);
  }
  return result;
}

/** The lines indented deeper than line i, up to the next line that is not. */
function block(lines: string[], i: number): string[] {
  const base = indentOf(lines[i]!);
  const out: string[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.trim() === '' || indentOf(l) <= base) break;
    out.push(l);
  }
  return out;
}

function nameAt(lines: string[], i: number): Name {
  // An empty name prints as "Subject: " with nothing below it.
  return block(lines, i).map((l) => {
    const t = l.trim();
    const eq = t.indexOf('=');
    return eq < 0 ? [t, ''] : [t.slice(0, eq), t.slice(eq + 1)];
  });
}

function extensionsAt(lines: string[], i: number): Record<string, Extension> {
  const body = block(lines, i);
  if (body.length === 0) return {};
  const level = indentOf(body[0]!);
  const out: Record<string, Extension> = {};
  let current: { name: string; critical: boolean; value: string[] } | undefined;
  const flush = () => current && (out[current.name] = { critical: current.critical, value: current.value.join('\n').trim() });
  for (const l of body) {
    if (indentOf(l) === level) {
      flush();
      const m = /^(.*?):\s*(critical)?\s*$/.exec(l.trim());
      current = { name: m ? m[1]! : l.trim(), critical: m?.[2] === 'critical', value: [] };
    } else current?.value.push(l.trim());
  }
  flush();
  return out;
}

/** "a, b, c" -> ['a', 'b', 'c'] (extension values are printed comma-separated). */
export function listValue(ext: Extension | undefined): string[] {
  if (!ext || ext.value === '') return [];
  return ext.value.split(/,\s*|\n/).map((s) => s.trim()).filter((s) => s !== '');
}
