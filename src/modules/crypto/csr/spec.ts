// What a CSR should hold, from the arguments: the subject, and the extensions as openssl writes them
// (-addext) and prints them (-text). Comparing the two says why an existing CSR must be made again.
import { ModuleFailure } from '../../failure.js';
import { altNameEntry, basicConstraint, extendedKeyUsageName, keyUsageName, subjectKey } from '../names.js';
import { listValue, type Name, type X509Text } from '../openssl-text.js';
import type { CsrContentArgs } from './schema.js';

export interface WantedExtension {
  /** The heading openssl prints ('X509v3 Key Usage'). */
  heading: string;
  /** The config name for -addext ('keyUsage'). */
  config: string;
  critical: boolean;
  /** Entries in one spelling, compared as a set. */
  entries: string[];
}

export interface CsrSpec {
  subject: Name;
  /** The subject as given (community.crypto's `subject` return value: names as written). */
  subjectAsGiven: [string, string][];
  subjectAltName: string[];
  extensions: WantedExtension[];
  /** Headings of extensions an existing CSR may carry besides these (the subject key identifier). */
  allowed: string[];
}

const INDIVIDUAL: [keyof CsrContentArgs, string][] = [
  ['country_name', 'C'],
  ['state_or_province_name', 'ST'],
  ['locality_name', 'L'],
  ['organization_name', 'O'],
  ['organizational_unit_name', 'OU'],
  ['common_name', 'CN'],
  ['email_address', 'emailAddress'],
];

export const HEADINGS = {
  subjectAltName: 'X509v3 Subject Alternative Name',
  keyUsage: 'X509v3 Key Usage',
  extendedKeyUsage: 'X509v3 Extended Key Usage',
  basicConstraints: 'X509v3 Basic Constraints',
  subjectKeyIdentifier: 'X509v3 Subject Key Identifier',
  authorityKeyIdentifier: 'X509v3 Authority Key Identifier',
};

export function csrSpec(args: CsrContentArgs): CsrSpec {
  const given: [string, string][] = [];
  for (const [arg, key] of INDIVIDUAL) if (args[arg]) given.push([key, String(args[arg])]);
  for (const [key, value] of Object.entries(args.subject ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) given.push([key, String(v)]);
  }
  const subject: Name = given.map(([k, v]) => [subjectKey(k), v]);
  let san = args.subject_alt_name ?? [];
  if (san.length === 0 && args.use_common_name_for_san !== false) san = subject.filter(([k]) => k === 'CN').map(([, v]) => `DNS:${v}`).slice(0, 1);
  const extensions: WantedExtension[] = [];
  if (san.length) extensions.push({ heading: HEADINGS.subjectAltName, config: 'subjectAltName', critical: !!args.subject_alt_name_critical, entries: san.map(altNameEntry) });
  if (args.key_usage?.length) {
    const usages = args.key_usage.map((u) => {
      const name = keyUsageName(u);
      if (!name) throw new ModuleFailure(`Unknown key usage "${u}"`);
      return name;
    });
    extensions.push({ heading: HEADINGS.keyUsage, config: 'keyUsage', critical: !!args.key_usage_critical, entries: usages });
  }
  if (args.extended_key_usage?.length) {
    extensions.push({ heading: HEADINGS.extendedKeyUsage, config: 'extendedKeyUsage', critical: !!args.extended_key_usage_critical, entries: args.extended_key_usage.map(extendedKeyUsageName) });
  }
  if (args.basic_constraints?.length) {
    extensions.push({ heading: HEADINGS.basicConstraints, config: 'basicConstraints', critical: !!args.basic_constraints_critical, entries: args.basic_constraints.map(basicConstraint) });
  }
  if (args.create_subject_key_identifier) extensions.push({ heading: HEADINGS.subjectKeyIdentifier, config: 'subjectKeyIdentifier', critical: false, entries: ['hash'] });
  return { subject, subjectAsGiven: given, subjectAltName: san, extensions, allowed: [] };
}

/** Entries of an extension as printed, in the spelling the arguments are compared in. */
function printedEntries(heading: string, text: X509Text): string[] {
  const ext = text.extensions[heading];
  if (!ext) return [];
  const raw = listValue(ext);
  if (heading === HEADINGS.subjectAltName) return raw.map(altNameEntry);
  if (heading === HEADINGS.keyUsage) return raw.map((u) => keyUsageName(u) ?? u);
  if (heading === HEADINGS.extendedKeyUsage) return raw.map(extendedKeyUsageName);
  if (heading === HEADINGS.basicConstraints) return raw.map(basicConstraint);
  return raw;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && new Set(a).size === new Set([...a, ...b]).size;

export function nameText(name: Name): string {
  return name.length ? name.map(([k, v]) => `${k}=${v}`).join(',') : '(empty)';
}

/** Why an existing CSR (or a certificate made from one) does not hold what the spec asks; undefined when it does. */
export function contentDifference(spec: CsrSpec, text: X509Text): string | undefined {
  const have = text.subject.map(([k, v]) => `${k}=${v}`);
  const want = spec.subject.map(([k, v]) => `${k}=${v}`);
  if (!sameSet(have, want)) return `subject differs: ${nameText(text.subject)} -> ${nameText(spec.subject)}`;
  for (const ext of spec.extensions) {
    const found = text.extensions[ext.heading];
    const short = ext.config;
    if (!found) return `${short} missing: none -> ${ext.entries.join(', ')}`;
    if (ext.config === 'subjectKeyIdentifier') continue;
    const entries = printedEntries(ext.heading, text);
    if (!sameSet(entries, ext.entries)) return `${short} differs: ${entries.join(', ')} -> ${ext.entries.join(', ')}`;
    if (found.critical !== ext.critical) return `${short} criticality differs: ${found.critical} -> ${ext.critical}`;
  }
  const wanted = new Set([...spec.extensions.map((e) => e.heading), ...spec.allowed]);
  const extra = Object.keys(text.extensions).filter((h) => !wanted.has(h));
  if (extra.length) return `extensions not asked for: ${extra.join(', ')}`;
  return undefined;
}

/** -subj's form: /CN=a/O=b, with / + and \ escaped. */
export function subjArg(subject: Name): string {
  if (subject.length === 0) return '/';
  return subject.map(([k, v]) => `/${k}=${v.replace(/[\\/+]/g, (c) => `\\${c}`)}`).join('');
}

/** -addext values: "keyUsage = critical,digitalSignature,keyEncipherment". */
export function addextArgs(spec: CsrSpec): string[] {
  return spec.extensions.map((e) => `${e.config} = ${e.critical ? 'critical,' : ''}${e.entries.join(',')}`);
}
