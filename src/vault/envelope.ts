// The text around vault ciphertext: a `$ANSIBLE_VAULT;VERSION;CIPHER[;LABEL]` header line, then the
// hex body in lines of 80. Version 1.2 adds the vault id label; 1.1 is what an unlabelled (default) id writes.

export const VAULT_HEADER = '$ANSIBLE_VAULT';
export const DEFAULT_VAULT_ID = 'default';
const LINE_WIDTH = 80;

export interface VaultEnvelope {
  version: string;
  cipher: string;
  /** The vault id written in a 1.2 header; undefined for 1.1. */
  label?: string;
  /** The hex body with line breaks removed. */
  body: string;
}

export class VaultFormatError extends Error {}

export function parseEnvelope(text: string): VaultEnvelope {
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0]!.trim().split(';').map((part) => part.trim());
  if (header[0] !== VAULT_HEADER || header.length < 3) throw new VaultFormatError('not a vault header (expected $ANSIBLE_VAULT;1.1;AES256)');
  const [, version, cipher, label] = header as [string, string, string, string | undefined];
  const body = lines.slice(1).map((l) => l.trim()).join('');
  if (body === '') throw new VaultFormatError('the vault text holds no ciphertext after its header');
  return { version, cipher, ...(label ? { label } : {}), body };
}

/** The file text for `body` (a trailing newline, as ansible-vault writes it); a label other than `default` makes it 1.2. */
export function formatEnvelope(body: string, vaultId: string = DEFAULT_VAULT_ID): string {
  const labelled = vaultId !== DEFAULT_VAULT_ID;
  const header = [VAULT_HEADER, labelled ? '1.2' : '1.1', 'AES256', ...(labelled ? [vaultId] : [])].join(';');
  const lines = [header];
  for (let i = 0; i < body.length; i += LINE_WIDTH) lines.push(body.slice(i, i + LINE_WIDTH));
  return lines.join('\n') + '\n';
}
