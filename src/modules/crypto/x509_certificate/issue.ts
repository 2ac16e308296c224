// Issuing a certificate, whether it is written to a file (x509_certificate) or returned
// (x509_certificate_pipe): check the inputs, decide whether the existing certificate fits, and build
// the openssl ca script that makes a new one.
import { X509Certificate } from 'node:crypto';
import { missingNow, ModuleFailure } from '../../failure.js';
import { nameText } from '../csr/spec.js';
import type { KeyFile, X509File } from '../facts.js';
import { describePublicKey } from '../public-key.js';
import { asn1Time, timeFromSpec } from '../time-spec.js';
import { certificateMismatch, type Signer, type Wanted } from './check.js';
import type { CertificateContentArgs } from './schema.js';
import { signScript } from './sign.js';

export interface IssueFacts {
  /** The certificate there now (a file, or the pipe's content). */
  cert: X509File;
  csr: X509File;
  /** privatekey_path's key (selfsigned: the signer). */
  key?: KeyFile;
  /** ownca: the CA certificate and its key. */
  ca?: X509File;
  caKey?: KeyFile;
  /** The controller's clock when the facts were read: relative times count from it. */
  now: Date;
}

export interface Issue {
  /** Why a new certificate is needed; undefined when the existing one fits. */
  reason?: string;
  summary: string;
  before: string;
  after: string;
  /** Shell that writes the new certificate to "$t" (with "$w" a scratch directory). */
  script: string;
  /** The signing key's passphrase line, for the op's stdin. */
  stdin?: string;
}

/** The provider's arguments, whichever it is. */
function providerArgs(args: CertificateContentArgs) {
  const own = args.provider === 'ownca';
  return {
    digest: (own ? args.ownca_digest : args.selfsigned_digest) ?? 'sha256',
    notBefore: (own ? args.ownca_not_before : args.selfsigned_not_before) ?? '+0s',
    notAfter: (own ? args.ownca_not_after : args.selfsigned_not_after) ?? '+3650d',
    notBeforeArg: own ? 'ownca_not_before' : 'selfsigned_not_before',
    notAfterArg: own ? 'ownca_not_after' : 'selfsigned_not_after',
    ski: (own ? args.ownca_create_subject_key_identifier : args.selfsigned_create_subject_key_identifier) ?? 'create_if_not_provided',
  };
}

export function checkProvider(args: CertificateContentArgs): void {
  if (!args.provider) throw new ModuleFailure('provider is required when state is present (selfsigned or ownca)');
  if (args.provider === 'acme' || args.provider === 'entrust') throw new ModuleFailure(`provider ${args.provider} is not supported by ha-run: use selfsigned or ownca`);
  if (!args.csr_path) throw new ModuleFailure('csr_path is required (ha-run makes certificates from a CSR: see openssl_csr)');
  if (args.provider === 'selfsigned' && !args.privatekey_path) throw new ModuleFailure('privatekey_path is required for provider selfsigned');
  if (args.provider === 'ownca' && (!args.ownca_path || !args.ownca_privatekey_path)) throw new ModuleFailure('ownca_path and ownca_privatekey_path are required for provider ownca');
}

function readableKey(key: KeyFile | undefined, path: string, passphraseGiven: boolean): string {
  if (!key?.exists) throw missingNow(`The private key ${path} does not exist`);
  if (!key.publicKey) {
    throw new ModuleFailure(`Error while reading the private key ${path}: ${!passphraseGiven && key.encrypted ? 'it is protected by a passphrase and none is given' : key.readError}`);
  }
  return key.publicKey;
}

function readableX509(file: X509File | undefined, path: string, what: string): NonNullable<X509File['parsed']> {
  if (!file?.exists) throw missingNow(`The ${what} ${path} does not exist`);
  if (!file.parsed) throw new ModuleFailure(`Error while reading the ${what} ${path}: ${file.readError}`);
  return file.parsed;
}

function signerOf(args: CertificateContentArgs, facts: IssueFacts, keyPublic: string | undefined): Signer {
  if (args.provider !== 'ownca') return { kind: 'selfsigned', publicKey: keyPublic!, label: args.privatekey_path! };
  const ca = readableX509(facts.ca, args.ownca_path!, 'CA certificate');
  const caKey = readableKey(facts.caKey, args.ownca_privatekey_path!, args.ownca_privatekey_passphrase !== undefined);
  const caCertKey = new X509Certificate(ca.pem.CERTIFICATE!).publicKey.export({ type: 'spki', format: 'pem' }) as string;
  if (describePublicKey(caCertKey).der !== describePublicKey(caKey).der) {
    throw new ModuleFailure(`The CA private key ${args.ownca_privatekey_path} does not belong to the CA certificate ${args.ownca_path}`);
  }
  return { kind: 'ownca', publicKey: caKey, ca, label: args.ownca_path! };
}

export function planIssue(args: CertificateContentArgs, facts: IssueFacts, force: boolean): Issue {
  checkProvider(args);
  const p = providerArgs(args);
  const csr = readableX509(facts.csr, args.csr_path!, 'CSR');
  const keyPublic = args.privatekey_path ? readableKey(facts.key, args.privatekey_path, args.privatekey_passphrase !== undefined) : undefined;
  const signer = signerOf(args, facts, keyPublic);
  const notBefore = timeFromSpec(p.notBefore, facts.now, p.notBeforeArg);
  const notAfter = timeFromSpec(p.notAfter, facts.now, p.notAfterArg);
  const want: Wanted = {
    keyPublic,
    csr,
    signer,
    subjectKeyIdentifier: p.ski !== 'never_create',
    authorityKeyIdentifier: args.provider === 'ownca' && args.ownca_create_authority_key_identifier !== false,
    ...(args.ignore_timestamps === false ? { notBefore, notAfter } : {}),
  };
  const reason = force && facts.cert.exists ? 'force' : certificateMismatch(facts.cert, want);

  const own = args.provider === 'ownca';
  const signingKey = describePublicKey(signer.publicKey).type;
  const passphrase = own ? args.ownca_privatekey_passphrase : args.privatekey_passphrase;
  const script = signScript({
    csrPath: args.csr_path!,
    keyPath: own ? args.ownca_privatekey_path! : args.privatekey_path!,
    passphrase: passphrase !== undefined,
    caPath: own ? args.ownca_path : undefined,
    notBefore,
    notAfter,
    digest: signingKey === 'Ed25519' || signingKey === 'Ed448' ? undefined : p.digest,
    subjectKeyIdentifier: p.ski,
    authorityKeyIdentifier: args.ownca_create_authority_key_identifier !== false,
  });
  const issuer = own ? nameText(signer.ca!.subject) : nameText(csr.subject);
  return {
    reason,
    summary: `issue certificate for ${nameText(csr.subject)}, ${own ? `signed by ${issuer}` : 'self-signed'}, valid until ${asn1Time(notAfter)} (${reason})`,
    before: certInfoText(facts.cert),
    after: `subject: ${nameText(csr.subject)}\nissuer: ${issuer}\nnot_after: ${asn1Time(notAfter)}\n`,
    script,
    stdin: passphrase !== undefined ? `${passphrase}\n` : undefined,
  };
}

/** What --diff shows of a certificate. */
function certInfoText(cert: X509File): string {
  const t = cert.parsed;
  if (!t?.pem.CERTIFICATE) return '';
  const validTo = new Date(new X509Certificate(t.pem.CERTIFICATE).validTo);
  return `subject: ${nameText(t.subject)}\nissuer: ${nameText(t.issuer ?? [])}\nnot_after: ${asn1Time(validTo)}\n`;
}
