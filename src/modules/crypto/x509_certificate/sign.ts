// Issuing the certificate with `openssl ca` in a scratch directory: it takes exact start and end
// times (openssl x509 only takes days), copies the CSR's extensions, keeps the subject as the CSR
// has it, and picks a random serial number. The signing key's passphrase comes on stdin.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { SubjectKeyIdentifierMode } from './schema.js';
import { asn1Time } from '../time-spec.js';

export interface SignRequest {
  csrPath: string;
  /** selfsigned: the certificate's own key; ownca: the CA's key. */
  keyPath: string;
  passphrase: boolean;
  caPath?: string;
  notBefore: Date;
  notAfter: Date;
  /** undefined for Ed25519/Ed448 keys, which sign without a separate digest. */
  digest?: string;
  subjectKeyIdentifier: SubjectKeyIdentifierMode;
  authorityKeyIdentifier: boolean;
}

export function signScript(r: SignRequest): string {
  if (r.digest !== undefined && !/^[A-Za-z0-9-]+$/.test(r.digest)) throw new ModuleFailure(`digest ${r.digest} is not a digest name openssl knows`);
  const ext = [
    ...(r.subjectKeyIdentifier !== 'never_create' ? ['subjectKeyIdentifier = hash'] : []),
    ...(r.caPath && r.authorityKeyIdentifier ? ['authorityKeyIdentifier = keyid'] : []),
  ];
  const config = [
    '[ca]',
    'default_ca = d',
    '[d]',
    'database = $w/index',
    'new_certs_dir = $w',
    'serial = $w/serial',
    'policy = p',
    // copyall lets a CSR's own subject key identifier win; copy keeps the one made here.
    `copy_extensions = ${r.subjectKeyIdentifier === 'always_create' ? 'copy' : 'copyall'}`,
    'unique_subject = no',
    '[p]',
    '[x]',
    ...ext,
  ];
  const signer = r.caPath ? `-cert ${shellQuote(r.caPath)} -keyfile ${shellQuote(r.keyPath)}` : `-selfsign -keyfile ${shellQuote(r.keyPath)}`;
  return [
    // Unquoted here-document: only $w expands; everything else in it is fixed text.
    `cat > "$w/ca.cnf" <<HA_RUN_CA_CNF\n${config.join('\n')}\nHA_RUN_CA_CNF`,
    ': > "$w/index"',
    `openssl ca -batch -config "$w/ca.cnf" -notext -preserveDN -create_serial -extensions x ${signer} -passin ${r.passphrase ? 'stdin' : 'pass:'}` +
      ` -in ${shellQuote(r.csrPath)} -out "$t" -startdate ${asn1Time(r.notBefore)} -enddate ${asn1Time(r.notAfter)}${r.digest ? ` -md ${r.digest.toLowerCase()}` : ''} >"$w/log" 2>&1 || { cat "$w/log" >&2; exit 1; }`,
  ].join('\n');
}
