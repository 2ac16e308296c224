// Python string escapes in `k=v` arguments: Ansible decodes `\n`, `\t`, `\\`, `\"`, `\xHH`, `\uHHHH`,
// `\UHHHHHHHH` (and `\N{name}`) in every word, so `copy: content="a\nb" dest=f` writes two lines.
// Octal escapes and unknown ones (`\d`, `\.`) stay as written, as in Ansible.

const ESCAPE = /\\(?:U([0-9a-fA-F]{8})|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|N\{[^}]+\}|([\\'"abfnrtv]))/g;

const SINGLE: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

export class EscapeError extends Error {}

/** `text` with its escapes decoded; throws EscapeError for the ones that cannot be. */
export function decodePythonEscapes(text: string): string {
  return text.replace(ESCAPE, (whole, long?: string, short?: string, byte?: string, single?: string) => {
    if (single !== undefined) return SINGLE[single]!;
    const hex = long ?? short ?? byte;
    if (hex === undefined) {
      // Naming characters needs the Unicode name table, which Node does not carry.
      throw new EscapeError(`${whole}: \\N{...} escapes are not supported; write the character itself or \\uXXXX`);
    }
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw new EscapeError(`${whole}: not a Unicode character`);
    return String.fromCodePoint(code);
  });
}
