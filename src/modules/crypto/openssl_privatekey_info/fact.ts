// What openssl_privatekey_info reads of a key on the target (a file, or content sent on stdin): the
// key's PEM label, its public half, and with check_consistency whether `openssl pkey -check` accepts
// it. The passphrase (and given content) travel on stdin into a scratch directory only this command
// reads; the private key itself never leaves the host.
import { shellQuote } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';
import { keyReadScript, parseKey, type KeyFile } from '../facts.js';
import { keyInput, keyLabel, keyPrelude, READ_PASSPHRASE_FROM_STDIN, type KeySource } from '../key-source.js';

export interface KeyInfoAsk extends KeySource {
  checkConsistency: boolean;
}

export interface KeyInfoFile extends KeyFile {
  /** openssl pkey -check: 'yes', or its first error line; absent when not asked or the key is unreadable. */
  check?: { ok: boolean; error?: string };
}

function script(a: KeyInfoAsk): string {
  const key = a.content !== undefined ? '"$w/key"' : shellQuote(a.path!);
  const passin = '-passin file:"$w/pass"';
  const steps = [
    // The passphrase line comes first either way; given content follows it.
    a.content !== undefined ? keyPrelude(a) : READ_PASSPHRASE_FROM_STDIN,
    ...(a.content !== undefined ? [] : [`[ -e ${key} ] || { echo state=absent; exit 0; }`, `[ -r ${key} ] || { echo state=unreadable; exit 0; }`]),
    keyReadScript(key, passin),
    ...(a.checkConsistency
      ? [`if c=$(openssl pkey -in ${key} ${passin} -check -noout 2>&1); then echo check=ok; else printf 'check=%s\\n' "$(printf %s "$c" | grep -v -i '^key is' | head -n 1)"; fi`]
      : []),
  ];
  return `umask 077; w=$(mktemp -d) || exit 1; trap 'rm -rf "$w"' EXIT\n${steps.join('\n')}`;
}

export const keyInfoFact: Fact<KeyInfoAsk, KeyInfoFile> = {
  name: 'the private key',
  requires: ['openssl'],
  requiresIf: (a) => (a.content !== undefined ? 'true' : `[ -e ${shellQuote(a.path!)} ]`),
  script,
  input: (a) => (a.content !== undefined ? keyInput(a)! : `${a.passphrase ?? ''}\n`),
  parse(stdout, a, rc) {
    const key: KeyInfoFile = parseKey(stdout, { path: keyLabel(a, 'content') }, rc);
    const check = /^check=(.*)$/m.exec(stdout)?.[1];
    if (check !== undefined && key.publicKey) key.check = check === 'ok' ? { ok: true } : { ok: false, error: check };
    return key;
  },
};

