// Making a CSR with openssl req, and deciding whether an existing one still fits: shared by
// openssl_csr (a file) and openssl_csr_pipe (content in, content out).
import { shellQuote } from '../../../connection/quote.js';
import { missingNow, ModuleFailure } from '../../failure.js';
import type { KeyFile, X509File } from '../facts.js';
import { describePublicKey } from '../public-key.js';
import type { CsrContentArgs } from './schema.js';
import { keyLabel, keyOptions, type KeySource } from '../key-source.js';
import { addextArgs, contentDifference, csrSpec, nameText, subjArg, type CsrSpec } from './spec.js';

/** The signing key must be there and readable: a CSR cannot be made otherwise. */
export function usableKey(args: CsrContentArgs, key: KeyFile): string {
  const label = keyLabel(csrKeySource(args));
  if (!key.exists) throw missingNow(`The private key ${label} does not exist`);
  if (!key.publicKey) {
    throw new ModuleFailure(`Error while reading the private key ${label}: ${args.privatekey_passphrase === undefined && key.encrypted ? 'it is protected by a passphrase and privatekey_passphrase is not given' : key.readError}`);
  }
  return key.publicKey;
}

/** Why the existing CSR must be made again (undefined: it fits). */
export function csrMismatch(spec: CsrSpec, publicKey: string, csr: X509File): string | undefined {
  if (!csr.exists) return 'no CSR yet';
  if (!csr.parsed) return `the existing file is not a CSR openssl can read (${csr.readError})`;
  if (!csr.signatureOk) return 'its signature is not valid';
  const csrKey = csr.parsed.pem['PUBLIC KEY'];
  if (!csrKey || describePublicKey(csrKey).der !== describePublicKey(publicKey).der) return 'it was made for another private key';
  return contentDifference(spec, csr.parsed);
}

/** openssl req that writes the new CSR to `out` ("$t" for a file, - for stdout); the passphrase comes on stdin. */
export function reqCommand(args: CsrContentArgs, spec: CsrSpec, publicKey: string, out: string): string {
  const type = describePublicKey(publicKey).type;
  const digest = type === 'Ed25519' || type === 'Ed448' ? '' : ` -${digestName(args.digest ?? 'sha256')}`;
  const addext = addextArgs(spec).map((e) => ` -addext ${shellQuote(e)}`).join('');
  const target = out === '-' ? '' : ` -out ${out}`;
  const source = csrKeySource(args);
  return `openssl req -new -batch -utf8 ${keyOptions(source)} -subj ${shellQuote(subjArg(spec.subject))}${digest}${addext}${target}`;
}

function digestName(digest: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(digest)) throw new ModuleFailure(`digest ${digest} is not a digest name openssl knows`);
  return digest.toLowerCase();
}

/** The signing key's source: privatekey_path or privatekey_content, with its passphrase. */
export function csrKeySource(args: CsrContentArgs): KeySource {
  return { path: args.privatekey_path, content: args.privatekey_content, passphrase: args.privatekey_passphrase };
}

/** What --diff shows of a CSR: its subject and extensions. */
export function csrInfoText(csr: X509File | undefined): string {
  if (!csr?.parsed) return '';
  const exts = Object.entries(csr.parsed.extensions).map(([h, e]) => `${h}${e.critical ? ' (critical)' : ''}: ${e.value.replace(/\n/g, ' ')}\n`);
  return `subject: ${nameText(csr.parsed.subject)}\n${exts.join('')}`;
}

export function wantedInfoText(spec: CsrSpec): string {
  const exts = spec.extensions.map((e) => `${e.config}${e.critical ? ' (critical)' : ''}: ${e.entries.join(', ')}\n`);
  return `subject: ${nameText(spec.subject)}\n${exts.join('')}`;
}

/** community.crypto's return values describing the CSR asked for. */
export function csrResultKeys(args: CsrContentArgs): Record<string, unknown> {
  const spec = csrSpec(args);
  return {
    privatekey: args.privatekey_path ?? null,
    subject: spec.subjectAsGiven,
    subjectAltName: spec.subjectAltName.length ? spec.subjectAltName : null,
    keyUsage: args.key_usage?.length ? args.key_usage : null,
    extendedKeyUsage: args.extended_key_usage?.length ? args.extended_key_usage : null,
    basicConstraints: args.basic_constraints?.length ? args.basic_constraints : null,
    ocspMustStaple: false,
  };
}
