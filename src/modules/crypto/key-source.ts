// Where a private key comes from: a file on the target (`privatekey_path`) or its PEM given in the task
// (`privatekey_content`). Given content is a secret: it travels on stdin after the passphrase line,
// and the target keeps it only in a 0700 scratch directory removed when the command ends.
import { shellQuote } from '../../connection/quote.js';
import { ModuleFailure } from '../failure.js';
import type { Fact } from '../kit/fact.js';
import { keyFact, keyReadScript, parseKey, type KeyFile, type KeyFileArgs } from './facts.js';

export interface KeySource {
  path?: string;
  content?: string;
  passphrase?: string;
}

/** How messages name the key: its path, or the argument its content came in. */
export function keyLabel(source: KeySource, contentArg = 'privatekey_content'): string {
  return source.path ?? contentArg;
}

/**
 * Shell that reads the passphrase line and the key from stdin into "$w/pass" and "$w/key" ($w: a
 * scratch directory only this command can read). `read` takes stdin byte by byte: the key stays whole.
 */
export const READ_PASSPHRASE_FROM_STDIN = `IFS= read -r ha_pass || true; printf '%s\\n' "$ha_pass" > "$w/pass"; unset ha_pass`;
const READ_KEY_FROM_STDIN = `${READ_PASSPHRASE_FROM_STDIN}; cat > "$w/key"`;

/** openssl's key options for a source: `-key`-style input and -passin. */
export function keyOptions(source: KeySource, option = '-key'): string {
  if (source.content !== undefined) return `${option} "$w/key" -passin file:"$w/pass"`;
  return `${option} ${shellQuote(source.path!)} -passin ${source.passphrase !== undefined ? 'stdin' : 'pass:'}`;
}

/** Shell to run before the command that uses keyOptions: puts given content where keyOptions says ("$w" must exist). */
export function keyPrelude(source: KeySource): string {
  return source.content !== undefined ? READ_KEY_FROM_STDIN : ':';
}

/** What the command's stdin carries: the passphrase line, then the key when it is given as content. */
export function keyInput(source: KeySource): string | undefined {
  if (source.content !== undefined) return `${source.passphrase ?? ''}\n${source.content.endsWith('\n') ? source.content : `${source.content}\n`}`;
  return source.passphrase !== undefined ? `${source.passphrase}\n` : undefined;
}

/** Wraps a command that uses keyOptions with its own scratch directory (commands that are not writeOps). */
export function withKeyScratch(source: KeySource, command: string): string {
  if (source.content === undefined) return command;
  return `umask 077; w=$(mktemp -d) || exit 1; trap 'rm -rf "$w"' EXIT; ${READ_KEY_FROM_STDIN}; ${command}`;
}

/** A private key given as content: read on the target from stdin, like a key file is read. */
const privateKeyContent: Fact<KeySource, KeyFile> = {
  name: 'the private key content',
  requires: ['openssl'],
  script: () =>
    withKeyScratch({ content: '' }, keyReadScript('"$w/key"', '-passin file:"$w/pass"')),
  input: (source) => keyInput(source)!,
  parse: (stdout, source, rc) => parseKey(stdout, { path: keyLabel(source) }, rc),
};

/** The fact and its arguments that read a key from its source. */
export function keySourceFact(source: KeySource): { fact: Fact<KeySource, KeyFile>; args: KeySource } {
  if (source.content !== undefined) return { fact: privateKeyContent, args: source };
  if (source.path === undefined) throw new ModuleFailure('one of privatekey_path or privatekey_content is required');
  const args: KeyFileArgs = { path: source.path, passphrase: source.passphrase };
  return { fact: keyFact(args) as Fact<KeySource, KeyFile>, args };
}
