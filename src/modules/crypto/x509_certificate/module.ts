// x509_certificate (providers selfsigned and ownca): a certificate issued on the target by its openssl
// from a CSR there; the keys that sign never leave the host.
import { fileState } from '../../file-probe.js';
import { ask, type FactRequest } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { keyFact, x509File, type KeyFile, type X509File } from '../facts.js';
import { planCertificate, type CertificateFacts } from './plan.js';
import { certificateSchema, type CertificateArgs } from './schema.js';

const NONE: X509File = { exists: false };

export const certificateModule: DeclarativeModule<CertificateArgs, CertificateFacts> = {
  kind: 'declarative',
  name: 'x509_certificate',
  aliases: ['openssl_certificate'],
  collection: 'community.crypto',
  schema: certificateSchema,
  secretArgs: ['privatekey_passphrase', 'ownca_privatekey_passphrase'],
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    const now = new Date();
    const file = ask(fileState, { path: args.path });
    if (args.state === 'absent') return { file: await probe.get(fileState, { path: args.path }), cert: NONE, csr: NONE, now };
    const key = (path: string | undefined, passphrase: string | undefined): FactRequest<unknown, KeyFile> | undefined =>
      path ? (ask(keyFact({ path, passphrase }), { path, passphrase }) as FactRequest<unknown, KeyFile>) : undefined;
    const x509 = (path: string | undefined, kind: 'csr' | 'certificate') => (path ? ask(x509File, { path, kind }) : undefined);
    const requests = [
      file,
      x509(args.path, 'certificate'),
      x509(args.csr_path, 'csr'),
      key(args.privatekey_path, args.privatekey_passphrase),
      args.provider === 'ownca' ? x509(args.ownca_path, 'certificate') : undefined,
      args.provider === 'ownca' ? key(args.ownca_privatekey_path, args.ownca_privatekey_passphrase) : undefined,
    ];
    const asked = requests.filter((r) => r !== undefined);
    const answers = await probe.many(...(asked as FactRequest[]));
    const at = (i: number) => (requests[i] ? answers[asked.indexOf(requests[i]!)] : undefined);
    return {
      file: at(0) as CertificateFacts['file'],
      cert: (at(1) as X509File | undefined) ?? NONE,
      csr: (at(2) as X509File | undefined) ?? NONE,
      key: at(3) as KeyFile | undefined,
      ca: at(4) as X509File | undefined,
      caKey: at(5) as KeyFile | undefined,
      now,
    };
  },
  plan: planCertificate,
  result(args, facts) {
    return {
      filename: args.path,
      privatekey: args.privatekey_path ?? null,
      csr: args.csr_path ?? null,
      ...(args.provider === 'ownca' ? { ca_cert: args.ownca_path, ca_privatekey: args.ownca_privatekey_path } : {}),
      ...(args.return_content ? { certificate: facts.cert.parsed?.pem.CERTIFICATE ?? null } : {}),
    };
  },
};
