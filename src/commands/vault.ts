// `ha-run vault encrypt|decrypt|view|edit|create|encrypt_string|rekey`: the ansible-vault commands, with
// its options, reading and writing the same Ansible Vault format.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { ExitCode, HaRunError, type ExitCodeValue } from '../errors.js';
import { isVaultEncrypted } from '../source/vault.js';
import { editInTempFile } from '../vault/editor.js';
import { readInput, STDIO, writeOutput } from '../vault/files.js';
import { formatVaultString } from '../vault/inline.js';
import { encryptVaultText, VaultKeyring, type VaultSecret } from '../vault/keyring.js';
import { readVaultSecrets } from '../vault/password-source.js';
import { parseVaultId, PROMPT_SOURCE, vaultIdSpecs, type VaultCliOptions, type VaultIdSpec } from '../vault/vault-id.js';
import { DEFAULT_VAULT_ID } from '../vault/envelope.js';
import { action } from './action.js';
import { withVaultOptions } from './vault-options.js';

interface VaultCommandOptions extends VaultCliOptions {
  output?: string;
  encryptVaultId?: string;
  name?: string[];
  stdinName?: string;
  newVaultId?: string;
  newVaultPasswordFile?: string;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];
const say = (text: string): void => void process.stderr.write(`${text}\n`);
const failure = (code: string, message: string, exitCode: ExitCodeValue = ExitCode.error): HaRunError => new HaRunError(code, message, { exitCode });

/** The secrets named by the options; with none, the password is asked for (twice for a new one). */
async function keyringOf(o: VaultCliOptions, forNewText: boolean): Promise<VaultKeyring> {
  const specs = vaultIdSpecs(o);
  const asked: VaultIdSpec[] = specs.length > 0 ? specs : [{ id: DEFAULT_VAULT_ID, source: PROMPT_SOURCE }];
  return new VaultKeyring(await readVaultSecrets(asked, { confirm: forNewText }));
}

function decryptOrFail(keyring: VaultKeyring, data: Buffer, file: string): { plaintext: Buffer; secret: VaultSecret } {
  const text = data.toString('utf8');
  const shown = file === STDIO ? 'stdin' : file;
  if (!isVaultEncrypted(text)) throw failure('vault-not-encrypted', `${shown} is not vault encrypted data`);
  const opened = keyring.decrypt(text);
  if (!opened.ok) throw failure('vault-decrypt', `cannot decrypt ${shown}: ${opened.reason}`);
  return { plaintext: opened.plaintext, secret: keyring.secrets.find((s) => s.id === opened.id)! };
}

function encryptOrFail(plaintext: Buffer, secret: VaultSecret, file: string): string {
  if (isVaultEncrypted(plaintext.toString('utf8'))) throw failure('vault-already-encrypted', `${file === STDIO ? 'stdin' : file} is already encrypted`);
  return encryptVaultText(plaintext, secret);
}

async function encryptFiles(files: string[], o: VaultCommandOptions): Promise<void> {
  const secret = (await keyringOf(o, true)).encryptingSecret(o.encryptVaultId);
  for (const file of files.length > 0 ? files : [STDIO]) writeOutput(o.output ?? file, encryptOrFail(readInput(file), secret, file));
  say('Encryption successful');
}

async function decryptFiles(files: string[], o: VaultCommandOptions): Promise<void> {
  const keyring = await keyringOf(o, false);
  for (const file of files.length > 0 ? files : [STDIO]) writeOutput(o.output ?? file, decryptOrFail(keyring, readInput(file), file).plaintext);
  say('Decryption successful');
}

async function viewFiles(files: string[], o: VaultCommandOptions): Promise<void> {
  const keyring = await keyringOf(o, false);
  for (const file of files) writeOutput(STDIO, decryptOrFail(keyring, readInput(file), file).plaintext);
}

async function createFile(file: string, o: VaultCommandOptions): Promise<void> {
  if (existsSync(file)) throw failure('vault-file-exists', `${file} exists already; use \`ha-run vault edit ${file}\` to change it`);
  const secret = (await keyringOf(o, true)).encryptingSecret(o.encryptVaultId);
  const plaintext = editInTempFile(Buffer.alloc(0), basename(file));
  writeOutput(file, encryptOrFail(plaintext, secret, file));
}

async function editFile(file: string, o: VaultCommandOptions): Promise<void> {
  const keyring = await keyringOf(o, false);
  const { plaintext, secret } = decryptOrFail(keyring, readInput(file), file);
  const edited = editInTempFile(plaintext, basename(file));
  // Unchanged: the file (and its history in version control) stays as it was.
  if (edited.equals(plaintext)) return;
  writeOutput(file, encryptOrFail(edited, o.encryptVaultId ? keyring.encryptingSecret(o.encryptVaultId) : secret, file));
}

async function rekeyFiles(files: string[], o: VaultCommandOptions): Promise<void> {
  const keyring = await keyringOf(o, false);
  const newSpecs: VaultIdSpec[] = [];
  if (o.newVaultId) newSpecs.push(parseVaultId(o.newVaultId));
  if (o.newVaultPasswordFile) newSpecs.push({ id: newSpecs[0]?.id ?? DEFAULT_VAULT_ID, source: o.newVaultPasswordFile });
  const fresh = new VaultKeyring(await readVaultSecrets(newSpecs.length > 0 ? newSpecs.slice(-1) : [{ id: DEFAULT_VAULT_ID, source: PROMPT_SOURCE }], { confirm: true }));
  const secret = fresh.encryptingSecret();
  // Every file is opened before any is rewritten: a wrong old password leaves all of them as they were.
  const opened = files.map((file) => ({ file, plaintext: decryptOrFail(keyring, readInput(file), file).plaintext }));
  for (const { file, plaintext } of opened) writeOutput(file, encryptVaultText(plaintext, secret));
  say('Rekey successful');
}

function plaintextsToEncrypt(strings: string[], o: VaultCommandOptions): { text: string; name?: string }[] {
  const args = strings.filter((s) => s !== STDIO);
  const items: { text: string; name?: string }[] = [];
  if (strings.includes(STDIO) || args.length === 0 || o.stdinName !== undefined) {
    if (process.stdin.isTTY) say('Reading plaintext input from stdin. (ctrl-d to end input, twice if your content does not already have a newline)');
    const text = readInput(STDIO).toString('utf8');
    if (text === '') throw failure('vault-empty', 'stdin was empty: nothing to encrypt', ExitCode.badOptions);
    items.push({ text, ...(o.stdinName !== undefined ? { name: o.stdinName } : {}) });
  }
  const names = o.name ?? [];
  if (names.length > 0 && args.length > names.length) say(`${args.length} strings but ${names.length} --name options: the strings after the last name get no name`);
  for (const [i, text] of args.entries()) {
    if (text === '') throw failure('vault-empty', 'an empty string was given: nothing to encrypt', ExitCode.badOptions);
    items.push({ text, ...(names[i] !== undefined ? { name: names[i] } : {}) });
  }
  return items;
}

async function encryptStrings(strings: string[], o: VaultCommandOptions): Promise<void> {
  const secret = (await keyringOf(o, true)).encryptingSecret(o.encryptVaultId);
  const items = plaintextsToEncrypt(strings, o);
  const blocks = items.map((item) => formatVaultString(encryptVaultText(Buffer.from(item.text, 'utf8'), secret), item.name));
  writeOutput(o.output ?? STDIO, blocks.join('\n') + '\n');
  say('Encryption successful');
}

export function registerVault(program: Command): void {
  const vault = program.command('vault').description('Encrypt and decrypt Ansible Vault files and values (the ansible-vault commands, same format).');
  const sub = (name: string, description: string): Command => withVaultOptions(vault.command(name).description(description));
  const output = (cmd: Command): Command => cmd.option('--output <file>', 'write the result to this file (`-` for stdout)');
  const encryptId = (cmd: Command): Command => cmd.option('--encrypt-vault-id <id>', 'the vault id to encrypt with (when several are given)');

  encryptId(output(sub('encrypt', 'Encrypt files in place (stdin to stdout when none are named).')))
    .argument('[files...]')
    .action(action(async (files: string[], o: VaultCommandOptions) => encryptFiles(files, o)));
  output(sub('decrypt', 'Decrypt files in place (stdin to stdout when none are named).'))
    .argument('[files...]')
    .action(action(async (files: string[], o: VaultCommandOptions) => decryptFiles(files, o)));
  sub('view', 'Print the plaintext of vaulted files.')
    .argument('<files...>')
    .action(action(async (files: string[], o: VaultCommandOptions) => viewFiles(files, o)));
  encryptId(sub('create', 'Create a vaulted file with $EDITOR.'))
    .argument('<file>')
    .action(action(async (file: string, o: VaultCommandOptions) => createFile(file, o)));
  encryptId(sub('edit', 'Edit a vaulted file with $EDITOR (plaintext only in a 0600 temp file, removed afterwards).'))
    .argument('<file>')
    .action(action(async (file: string, o: VaultCommandOptions) => editFile(file, o)));
  encryptId(output(sub('encrypt_string', 'Encrypt strings (or stdin) into `!vault` values to paste into YAML.')))
    .argument('[strings...]')
    .option('-n, --name <name>', 'the variable name for the next string (repeatable)', collect)
    .option('--stdin-name <name>', 'the variable name for the string read from stdin')
    .action(action(async (strings: string[], o: VaultCommandOptions) => encryptStrings(strings, o)));
  sub('rekey', 'Re-encrypt vaulted files with a new password.')
    .argument('<files...>')
    .option('--new-vault-id <id>', 'the new vault id: LABEL@SOURCE')
    .option('--new-vault-password-file <file>', 'the new vault password file (or executable)')
    .action(action(async (files: string[], o: VaultCommandOptions) => rekeyFiles(files, o)));
}
