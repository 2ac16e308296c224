// The vocabulary of X.509 arguments: subject attribute names, key usages and extended key usages in
// the spellings community.crypto accepts, mapped to the short names `openssl` writes and prints.

/** Subject attribute: any accepted spelling -> the short name openssl prints with -nameopt sname. */
const SUBJECT_NAMES: Record<string, string> = {
  C: 'C', countryName: 'C',
  ST: 'ST', stateOrProvinceName: 'ST',
  L: 'L', localityName: 'L',
  O: 'O', organizationName: 'O',
  OU: 'OU', organizationalUnitName: 'OU',
  CN: 'CN', commonName: 'CN',
  emailAddress: 'emailAddress', E: 'emailAddress',
  serialNumber: 'serialNumber',
  SN: 'SN', surname: 'SN',
  GN: 'GN', givenName: 'GN',
  title: 'title',
  initials: 'initials',
  pseudonym: 'pseudonym',
  DC: 'DC', domainComponent: 'DC',
  UID: 'UID', userId: 'UID',
  street: 'street', streetAddress: 'street',
  postalCode: 'postalCode',
  description: 'description',
  dnQualifier: 'dnQualifier',
  generationQualifier: 'generationQualifier',
};

// The names community.crypto reports attributes by (cryptography's), for the short names openssl prints.
const LONG_NAMES: Record<string, string> = {
  C: 'countryName', ST: 'stateOrProvinceName', L: 'localityName', O: 'organizationName', OU: 'organizationalUnitName',
  CN: 'commonName', emailAddress: 'emailAddress', serialNumber: 'serialNumber', SN: 'surname', GN: 'givenName', title: 'title',
  initials: 'initials', pseudonym: 'pseudonym', DC: 'domainComponent', UID: 'userID', street: 'streetAddress',
  postalCode: 'postalCode', description: 'description', dnQualifier: 'dnQualifier', generationQualifier: 'generationQualifier',
};

export function longSubjectName(short: string): string {
  return LONG_NAMES[short] ?? short;
}

export function subjectKey(name: string): string {
  return SUBJECT_NAMES[name] ?? SUBJECT_NAMES[Object.keys(SUBJECT_NAMES).find((k) => k.toLowerCase() === name.toLowerCase()) ?? ''] ?? name;
}

/** Key usage: openssl's config name (digitalSignature) and its printed name (Digital Signature). */
const KEY_USAGES: [config: string, printed: string, ...more: string[]][] = [
  ['digitalSignature', 'Digital Signature'],
  ['nonRepudiation', 'Non Repudiation', 'contentCommitment', 'Content Commitment'],
  ['keyEncipherment', 'Key Encipherment'],
  ['dataEncipherment', 'Data Encipherment'],
  ['keyAgreement', 'Key Agreement'],
  ['keyCertSign', 'Certificate Sign', 'Cert Sign'],
  ['cRLSign', 'CRL Sign'],
  ['encipherOnly', 'Encipher Only'],
  ['decipherOnly', 'Decipher Only'],
];

/** Extended key usage: config short name, printed long name, OID. */
const EXTENDED_KEY_USAGES: [config: string, printed: string, oid: string][] = [
  ['serverAuth', 'TLS Web Server Authentication', '1.3.6.1.5.5.7.3.1'],
  ['clientAuth', 'TLS Web Client Authentication', '1.3.6.1.5.5.7.3.2'],
  ['codeSigning', 'Code Signing', '1.3.6.1.5.5.7.3.3'],
  ['emailProtection', 'E-mail Protection', '1.3.6.1.5.5.7.3.4'],
  ['timeStamping', 'Time Stamping', '1.3.6.1.5.5.7.3.8'],
  ['OCSPSigning', 'OCSP Signing', '1.3.6.1.5.5.7.3.9'],
  ['ipsecIKE', 'ipsec Internet Key Exchange', '1.3.6.1.5.5.7.3.17'],
  ['msCodeInd', 'Microsoft Individual Code Signing', '1.3.6.1.4.1.311.2.1.21'],
  ['msCodeCom', 'Microsoft Commercial Code Signing', '1.3.6.1.4.1.311.2.1.22'],
  ['msCTLSign', 'Microsoft Trust List Signing', '1.3.6.1.4.1.311.10.3.1'],
  ['msEFS', 'Microsoft Encrypted File System', '1.3.6.1.4.1.311.10.3.4'],
  ['anyExtendedKeyUsage', 'Any Extended Key Usage', '2.5.29.37.0'],
];

const squash = (s: string) => s.replace(/[\s_-]/g, '').toLowerCase();

/** A key usage in openssl's config spelling, from any spelling; undefined when unknown. */
export function keyUsageName(name: string): string | undefined {
  const want = squash(name);
  return KEY_USAGES.find((names) => names.some((n) => squash(n) === want))?.[0];
}

/** An extended key usage in openssl's config spelling (or its dotted OID when openssl has no name for it). */
export function extendedKeyUsageName(name: string): string {
  const want = squash(name);
  const found = EXTENDED_KEY_USAGES.find((names) => names.some((n) => squash(n) === want));
  return found ? found[0] : name.trim();
}

/** A subjectAltName entry as openssl prints it (IP Address:1.2.3.4) in the argument's form (IP:1.2.3.4). */
export function altNameEntry(entry: string): string {
  const m = /^\s*([^:]+):(.*)$/.exec(entry);
  if (!m) return entry.trim();
  const kind = m[1]!.trim();
  const value = m[2]!.trim();
  const kinds: Record<string, string> = { 'ip address': 'IP', ip: 'IP', dns: 'DNS', email: 'email', uri: 'URI', 'registered id': 'RID', rid: 'RID', dirname: 'dirName', othername: 'otherName' };
  const k = kinds[kind.toLowerCase()] ?? kind;
  return `${k}:${k === 'IP' ? canonicalIp(value) : value}`;
}

/** IPv6 written out in full (openssl prints 0:0:0:0:0:0:0:1 for ::1); IPv4 as it is. */
function canonicalIp(ip: string): string {
  if (!ip.includes(':')) return ip;
  const [head, tail] = ip.split('::');
  const parts = (s: string | undefined) => (s ? s.split(':') : []);
  const left = parts(head);
  const right = parts(tail);
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => (parseInt(g, 16) || 0).toString(16).toUpperCase()).join(':');
}

/** basicConstraints entries (CA:TRUE, pathlen:0) in one spelling. */
export function basicConstraint(entry: string): string {
  const [k, v] = entry.split(':').map((s) => s.trim());
  if (k!.toLowerCase() === 'ca') return `CA:${(v ?? '').toUpperCase()}`;
  if (k!.toLowerCase() === 'pathlen') return `pathlen:${v}`;
  return entry.trim();
}
