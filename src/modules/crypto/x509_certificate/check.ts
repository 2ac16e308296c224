// Why an existing certificate must be issued again: the reasons community.crypto regenerates for
// (its key, its CSR's key, subject and extensions, its signer, and with ignore_timestamps=false its
// validity), each said in words. Pure: certificates and public keys are public data.
import { X509Certificate } from 'node:crypto';
import { HEADINGS, nameText } from '../csr/spec.js';
import type { X509File } from '../facts.js';
import type { Extension, X509Text } from '../openssl-text.js';
import { describePublicKey, publicKeyObject } from '../public-key.js';
import { asn1Time } from '../time-spec.js';

export interface Signer {
  kind: 'selfsigned' | 'ownca';
  /** The public key that must have signed the certificate. */
  publicKey: string;
  /** ownca: the CA certificate as openssl printed it. */
  ca?: X509Text;
  /** Path named in reasons. */
  label: string;
}

export interface Wanted {
  /** The certificate's own private key's public half, when privatekey_path is given. */
  keyPublic?: string;
  csr: X509Text;
  signer: Signer;
  subjectKeyIdentifier: boolean;
  authorityKeyIdentifier: boolean;
  /** Only when ignore_timestamps is false. */
  notBefore?: Date;
  notAfter?: Date;
}

const sameKey = (a: string | undefined, b: string | undefined) => !!a && !!b && describePublicKey(a).der === describePublicKey(b).der;
const IDENTIFIERS = new Set([HEADINGS.subjectKeyIdentifier, HEADINGS.authorityKeyIdentifier]);

function extensionText(exts: Record<string, Extension>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [h, e] of Object.entries(exts)) if (!IDENTIFIERS.has(h)) out.set(h, `${e.critical ? 'critical,' : ''}${e.value}`);
  return out;
}

/** The key identifier as printed, without the "keyid:" openssl puts before it in an AKI. */
function keyId(ext: Extension | undefined): string | undefined {
  return ext?.value.split('\n').map((l) => l.trim().replace(/^keyid:/, '')).find((l) => /^[0-9A-F]{2}(:[0-9A-F]{2})*$/i.test(l));
}

export function certificateMismatch(cert: X509File, want: Wanted): string | undefined {
  if (!cert.exists) return 'no certificate yet';
  const text = cert.parsed;
  const pem = text?.pem.CERTIFICATE;
  if (!text || !pem) return `the existing file is not a certificate openssl can read (${cert.readError})`;
  const x509 = new X509Certificate(pem);
  const certKey = x509.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  if (want.keyPublic && !sameKey(certKey, want.keyPublic)) return 'it is not for the private key given';
  if (!sameKey(certKey, want.csr.pem['PUBLIC KEY'])) return "the CSR's public key differs";
  if (nameText(text.subject) !== nameText(want.csr.subject)) return `subject differs: ${nameText(text.subject)} -> ${nameText(want.csr.subject)}`;
  const have = extensionText(text.extensions);
  const asked = extensionText(want.csr.extensions);
  for (const [h, v] of asked) if (have.get(h) !== v) return `${h.replace(/^X509v3 /, '')} differs: ${have.get(h) ?? 'none'} -> ${v}`;
  for (const [h, v] of have) if (!asked.has(h)) return `${h.replace(/^X509v3 /, '')} is not in the CSR: ${v} -> none`;
  if (want.subjectKeyIdentifier && !text.extensions[HEADINGS.subjectKeyIdentifier]) return 'it has no subject key identifier';
  if (!x509.verify(publicKeyObject(want.signer.publicKey))) {
    return want.signer.kind === 'selfsigned' ? 'it is not signed by the private key' : `it is not signed by the CA ${want.signer.label}`;
  }
  if (want.signer.ca) {
    const issuer = nameText(text.issuer ?? []);
    if (issuer !== nameText(want.signer.ca.subject)) return `issuer differs: ${issuer} -> ${nameText(want.signer.ca.subject)}`;
    const caKeyId = keyId(want.signer.ca.extensions[HEADINGS.subjectKeyIdentifier]);
    if (want.authorityKeyIdentifier && caKeyId && keyId(text.extensions[HEADINGS.authorityKeyIdentifier]) !== caKeyId) {
      return `authority key identifier differs: ${keyId(text.extensions[HEADINGS.authorityKeyIdentifier]) ?? 'none'} -> ${caKeyId}`;
    }
  }
  const from = new Date(x509.validFrom);
  const to = new Date(x509.validTo);
  if (want.notBefore && from.getTime() !== want.notBefore.getTime()) return `not_before differs: ${asn1Time(from)} -> ${asn1Time(want.notBefore)}`;
  if (want.notAfter && to.getTime() !== want.notAfter.getTime()) return `not_after differs: ${asn1Time(to)} -> ${asn1Time(want.notAfter)}`;
  return undefined;
}
