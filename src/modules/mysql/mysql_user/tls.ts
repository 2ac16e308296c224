// tls_requires: what an account must present to connect (REQUIRE NONE / SSL / X509 / SUBJECT, ISSUER,
// CIPHER), read from mysql.user's ssl_* and x509_* columns and compared field by field.
import { sqlString } from '../sql-quote.js';
import type { Row } from '../xml-rows.js';

export interface Tls {
  /** mysql.user's ssl_type: '' none, ANY = SSL, X509, SPECIFIED = by subject/issuer/cipher. */
  type: '' | 'ANY' | 'X509' | 'SPECIFIED';
  subject: string;
  issuer: string;
  cipher: string;
}

const NONE: Tls = { type: '', subject: '', issuer: '', cipher: '' };

export function tlsOf(row: Row): Tls {
  const type = (row.ssl_type ?? '').toUpperCase();
  return {
    type: type === 'ANY' || type === 'X509' || type === 'SPECIFIED' ? type : '',
    subject: row.x509_subject ?? '',
    issuer: row.x509_issuer ?? '',
    cipher: row.ssl_cipher ?? '',
  };
}

/**
 * The requirement asked: {} or null is none; SUBJECT, ISSUER or CIPHER name the certificate (SSL and
 * X509 are then implied); else X509 or SSL as keyed. Undefined: the task leaves TLS alone.
 */
export function wantedTls(arg: Record<string, unknown> | null | undefined): Tls | undefined {
  if (arg === undefined) return undefined;
  const asked = new Map(Object.entries(arg ?? {}).map(([k, v]) => [k.toUpperCase(), v === null || v === undefined ? '' : String(v)]));
  if (asked.size === 0) return NONE;
  if (asked.has('SUBJECT') || asked.has('ISSUER') || asked.has('CIPHER')) {
    return { type: 'SPECIFIED', subject: asked.get('SUBJECT') ?? '', issuer: asked.get('ISSUER') ?? '', cipher: asked.get('CIPHER') ?? '' };
  }
  return { ...NONE, type: asked.has('X509') ? 'X509' : 'ANY' };
}

export function sameTls(a: Tls, b: Tls): boolean {
  return a.type === b.type && a.subject === b.subject && a.issuer === b.issuer && a.cipher === b.cipher;
}

/** The REQUIRE clause's body: NONE, SSL, X509 or SUBJECT '...' AND ISSUER '...' AND CIPHER '...'. */
export function tlsSql(tls: Tls): string {
  if (tls.type === '') return 'NONE';
  if (tls.type === 'ANY') return 'SSL';
  if (tls.type === 'X509') return 'X509';
  const parts: string[] = [];
  if (tls.subject) parts.push(`SUBJECT ${sqlString(tls.subject)}`);
  if (tls.issuer) parts.push(`ISSUER ${sqlString(tls.issuer)}`);
  if (tls.cipher) parts.push(`CIPHER ${sqlString(tls.cipher)}`);
  return parts.join(' AND ');
}

/** For a summary: "none", "SSL", "SUBJECT '/CN=app' AND CIPHER '...'". */
export function describeTls(tls: Tls): string {
  return tls.type === '' ? 'none' : tlsSql(tls);
}
