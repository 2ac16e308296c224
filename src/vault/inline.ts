// How `vault encrypt_string` prints a value: a YAML `!vault |` block (under `NAME:` when named), the
// vault text indented ten spaces, ready to paste into a vars file.

const INDENT = ' '.repeat(10);

export function formatVaultString(vaultText: string, name?: string): string {
  const header = `${name ? `${name}: ` : ''}!vault |`;
  return [header, ...vaultText.trimEnd().split('\n').map((line) => INDENT + line)].join('\n');
}
