// x509_certificate's pure plan: issue the certificate again only when the one there does not match
// its key, its CSR, its signer (or, with ignore_timestamps=false, the validity asked), saying why.
import { X509Certificate } from 'node:crypto';
import { missingNow, ModuleFailure } from '../../failure.js';
import type { FileState } from '../../file-probe.js';
import type { Change } from '../../types.js';
import { nameText } from '../csr/spec.js';
import type { KeyFile, X509File } from '../facts.js';
import { absentChanges, backupBefore, keptFileChanges } from '../file-args.js';
import { describePublicKey } from '../public-key.js';
import { asn1Time, timeFromSpec } from '../time-spec.js';
import { writeOp } from '../write-file.js';
import { certificateMismatch, type Signer, type Wanted } from './check.js';
import type { CertificateArgs } from './schema.js';
import { signScript } from './sign.js';

export interface CertificateFacts {
  file: FileState;
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

/** The provider's arguments, whichever it is. */
export function providerArgs(args: CertificateArgs) {
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

export function checkProvider(args: CertificateArgs): void {
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

export function planCertificate(args: CertificateArgs, facts: CertificateFacts): Change[] {
  if (args.state === 'absent') return absentChanges(args, facts.file);
  checkProvider(args);
  if (facts.file.type === 'directory') throw new ModuleFailure(`${args.path} is a directory`);
  const p = providerArgs(args);
  const csr = readableX509(facts.csr, args.csr_path!, 'CSR');
  const keyPublic = args.privatekey_path ? readableKey(facts.key, args.privatekey_path, args.privatekey_passphrase !== undefined) : undefined;
  let signer: Signer;
  if (args.provider === 'ownca') {
    const ca = readableX509(facts.ca, args.ownca_path!, 'CA certificate');
    const caKey = readableKey(facts.caKey, args.ownca_privatekey_path!, args.ownca_privatekey_passphrase !== undefined);
    const caCertKey = new X509Certificate(ca.pem.CERTIFICATE!).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    if (describePublicKey(caCertKey).der !== describePublicKey(caKey).der) {
      throw new ModuleFailure(`The CA private key ${args.ownca_privatekey_path} does not belong to the CA certificate ${args.ownca_path}`);
    }
    signer = { kind: 'ownca', publicKey: caKey, ca, label: args.ownca_path! };
  } else signer = { kind: 'selfsigned', publicKey: keyPublic!, label: args.privatekey_path! };

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
  const reason = args.force && facts.cert.exists ? 'force' : certificateMismatch(facts.cert, want);
  if (reason === undefined) return keptFileChanges(args, facts.file);

  const signingKey = describePublicKey(signer.publicKey).type;
  const passphrase = args.provider === 'ownca' ? args.ownca_privatekey_passphrase : args.privatekey_passphrase;
  const script = signScript({
    csrPath: args.csr_path!,
    keyPath: args.provider === 'ownca' ? args.ownca_privatekey_path! : args.privatekey_path!,
    passphrase: passphrase !== undefined,
    caPath: args.provider === 'ownca' ? args.ownca_path : undefined,
    notBefore,
    notAfter,
    digest: signingKey === 'Ed25519' || signingKey === 'Ed448' ? undefined : p.digest,
    subjectKeyIdentifier: p.ski,
    authorityKeyIdentifier: args.ownca_create_authority_key_identifier !== false,
  });
  const by = args.provider === 'ownca' ? `signed by ${nameText(signer.ca!.subject)}` : 'self-signed';
  return [
    {
      summary: `issue certificate for ${nameText(csr.subject)}, ${by}, valid until ${asn1Time(notAfter)} (${reason})`,
      diff: { path: args.path, before: certInfoText(facts.cert), after: `subject: ${nameText(csr.subject)}\nissuer: ${args.provider === 'ownca' ? nameText(signer.ca!.subject) : nameText(csr.subject)}\nnot_after: ${asn1Time(notAfter)}\n` },
      ops: [...backupBefore(args, facts.file), writeOp(args.path, script, args, facts.file, passphrase !== undefined ? `${passphrase}\n` : undefined)],
    },
  ];
}

function certInfoText(cert: X509File): string {
  const t = cert.parsed;
  if (!t) return '';
  const pem = t.pem.CERTIFICATE;
  let validity = '';
  if (pem) {
    const x = new X509Certificate(pem);
    validity = `not_after: ${asn1Time(new Date(x.validTo))}\n`;
  }
  return `subject: ${nameText(t.subject)}\nissuer: ${nameText(t.issuer ?? [])}\n${validity}`;
}
