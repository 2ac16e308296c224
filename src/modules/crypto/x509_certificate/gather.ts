// What issuing a certificate reads, in as few round trips as the passphrases allow: the certificate
// there now (asked by the caller: a file, or the pipe's content), the CSR, the keys and the CA.
import { ask, type FactRequest } from '../../kit/fact.js';
import type { Probe } from '../../kit/fact.js';
import { keyFact, x509File, type KeyFile, type X509File } from '../facts.js';
import type { IssueFacts } from './issue.js';
import type { CertificateContentArgs } from './schema.js';

export const NO_FILE: X509File = { exists: false };

/** `existing`: the certificate there now; `extra`: one more fact the caller wants in the same round trip. */
export async function gatherIssue<T>(
  probe: Probe,
  args: CertificateContentArgs,
  existing: FactRequest<unknown, X509File> | undefined,
  extra?: FactRequest<unknown, T>,
): Promise<IssueFacts & { extra?: T }> {
  const now = new Date();
  const key = (path: string | undefined, passphrase: string | undefined) =>
    path ? (ask(keyFact({ path, passphrase }), { path, passphrase }) as FactRequest<unknown, KeyFile>) : undefined;
  const x509 = (path: string | undefined, kind: 'csr' | 'certificate') => (path ? (ask(x509File, { path, kind }) as FactRequest<unknown, X509File>) : undefined);
  const own = args.provider === 'ownca';
  const requests: (FactRequest | undefined)[] = [
    extra,
    existing,
    x509(args.csr_path, 'csr'),
    key(args.privatekey_path, args.privatekey_passphrase),
    own ? x509(args.ownca_path, 'certificate') : undefined,
    own ? key(args.ownca_privatekey_path, args.ownca_privatekey_passphrase) : undefined,
  ];
  const asked = requests.filter((r): r is FactRequest => r !== undefined);
  const answers = await probe.many(...asked);
  const at = (i: number): unknown => (requests[i] ? answers[asked.indexOf(requests[i]!)] : undefined);
  return {
    extra: at(0) as T | undefined,
    cert: (at(1) as X509File | undefined) ?? NO_FILE,
    csr: (at(2) as X509File | undefined) ?? NO_FILE,
    key: at(3) as KeyFile | undefined,
    ca: at(4) as X509File | undefined,
    caKey: at(5) as KeyFile | undefined,
    now,
  };
}
