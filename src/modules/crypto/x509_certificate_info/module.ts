// x509_certificate_info: what a certificate on the target holds, read with its openssl, in
// community.crypto's return values (a subset: see the README), and whether it is valid at the
// times `valid_at` names (how roles renew certificates ahead of their expiry).
import { X509Certificate } from 'node:crypto';
import { probeOf } from '../../kit/probe.js';
import { ModuleFailure } from '../../failure.js';
import type { DeclarativeModule } from '../../types.js';
import { HEADINGS } from '../csr/spec.js';
import { x509Content, x509File, type X509File } from '../facts.js';
import { altNameEntry, longSubjectName } from '../names.js';
import { listValue, type Name, type X509Text } from '../openssl-text.js';
import { describePublicKey, fingerprints } from '../public-key.js';
import { asn1Time, timeFromSpec } from '../time-spec.js';

export interface CertificateInfoArgs {
  path?: string;
  content?: string;
  valid_at?: Record<string, string>;
  select_crypto_backend?: string;
}

export interface CertificateInfoFacts {
  cert: X509File;
  now: Date;
}

const named = (name: Name) => Object.fromEntries(name.map(([k, v]) => [longSubjectName(k), v]));
const ordered = (name: Name) => name.map(([k, v]) => [longSubjectName(k), v]);

function extension(text: X509Text, heading: string, map: (entries: string[]) => string[] = (e) => e) {
  const ext = text.extensions[heading];
  return { value: ext ? map(listValue(ext)) : null, critical: ext?.critical ?? false };
}

function keyId(text: X509Text, heading: string): string | null {
  const v = text.extensions[heading]?.value.split('\n').map((l) => l.trim().replace(/^keyid:/, '')).find((l) => /^[0-9A-F]{2}(:[0-9A-F]{2})*$/i.test(l));
  return v ? v.toLowerCase() : null;
}

export function certificateInfo(args: CertificateInfoArgs, facts: CertificateInfoFacts): Record<string, unknown> {
  const text = facts.cert.parsed;
  const pem = text?.pem.CERTIFICATE;
  if (!facts.cert.exists) throw new ModuleFailure(`The certificate ${args.path} does not exist`);
  if (!text || !pem) throw new ModuleFailure(`Error while reading the certificate: ${facts.cert.readError}`);
  const x509 = new X509Certificate(pem);
  const notBefore = new Date(x509.validFrom);
  const notAfter = new Date(x509.validTo);
  const publicKey = x509.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const key = describePublicKey(publicKey);
  const san = extension(text, HEADINGS.subjectAltName, (e) => e.map(altNameEntry));
  // community.crypto sorts these lists (Python's order: by code point, as JS's default sort).
  const ku = extension(text, HEADINGS.keyUsage, (e) => [...e].sort());
  const eku = extension(text, HEADINGS.extendedKeyUsage, (e) => [...e].sort());
  const bc = extension(text, HEADINGS.basicConstraints, (e) => e.map((c) => c.replace(/\s+/g, '')).sort());
  const validAt = Object.fromEntries(
    Object.entries(args.valid_at ?? {}).map(([name, spec]) => {
      const t = timeFromSpec(spec, facts.now, `valid_at.${name}`).getTime();
      return [name, notBefore.getTime() <= t && t <= notAfter.getTime()];
    }),
  );
  const der = x509.raw;
  return {
    expired: notAfter.getTime() < facts.now.getTime(),
    not_before: asn1Time(notBefore),
    not_after: asn1Time(notAfter),
    subject: named(text.subject),
    subject_ordered: ordered(text.subject),
    issuer: named(text.issuer ?? []),
    issuer_ordered: ordered(text.issuer ?? []),
    subject_alt_name: san.value,
    subject_alt_name_critical: san.critical,
    key_usage: ku.value,
    key_usage_critical: ku.critical,
    extended_key_usage: eku.value,
    extended_key_usage_critical: eku.critical,
    basic_constraints: bc.value,
    basic_constraints_critical: bc.critical,
    subject_key_identifier: keyId(text, HEADINGS.subjectKeyIdentifier),
    authority_key_identifier: keyId(text, HEADINGS.authorityKeyIdentifier),
    public_key: publicKey,
    public_key_type: key.type,
    public_key_fingerprints: fingerprints(key.der),
    fingerprints: fingerprints(der.toString('base64')),
    signature_algorithm: text.signatureAlgorithm ?? null,
    version: text.version ?? null,
    valid_at: validAt,
  };
}

export const certificateInfoModule: DeclarativeModule<CertificateInfoArgs, CertificateInfoFacts> = {
  kind: 'declarative',
  name: 'x509_certificate_info',
  aliases: ['openssl_certificate_info'],
  collection: 'community.crypto',
  schema: {
    type: 'object',
    description: "Reads a certificate on the target with its openssl: subject, issuer, validity, extensions, fingerprints.",
    additionalProperties: false,
    properties: {
      path: { type: 'string', description: 'The certificate file on the target.' },
      content: { type: 'string', description: 'The certificate itself (PEM), instead of path.' },
      valid_at: { type: 'object', additionalProperties: { type: 'string' }, description: 'Names for times (+30d, 20301231000000Z): the result says whether the certificate is valid at each.' },
      select_crypto_backend: { type: 'string', enum: ['auto', 'cryptography', 'openssl'], default: 'auto', description: "Accepted for compatibility: ha-run uses the target's openssl binary." },
    },
    oneOf: [{ required: ['path'] }, { required: ['content'] }],
  },
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    const now = new Date();
    if (args.content !== undefined) return { cert: await probe.get(x509Content, { path: 'content', kind: 'certificate', content: args.content }), now };
    return { cert: await probe.get(x509File, { path: args.path!, kind: 'certificate' }), now };
  },
  plan(args, facts) {
    certificateInfo(args, facts); // a missing or unreadable certificate fails the task
    return [];
  },
  result: (args, facts) => certificateInfo(args, facts),
};
