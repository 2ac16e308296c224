// x509_certificate (providers selfsigned and ownca): a certificate issued on the target by its openssl
// from a CSR there; the keys that sign never leave the host.
import { readsFlags } from '../../files/file-flags.js';
import { fileState, type FileState } from '../../files/file-probe.js';
import { ask, type FactRequest } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { x509File, type X509File } from '../facts.js';
import { gatherIssue, NO_FILE } from './gather.js';
import { planCertificate, type CertificateFacts } from './plan.js';
import { certificateSchema, type CertificateArgs } from './schema.js';

export const certificateModule: DeclarativeModule<CertificateArgs, CertificateFacts> = {
  kind: 'declarative',
  name: 'x509_certificate',
  aliases: ['openssl_certificate'],
  collection: 'community.crypto',
  schema: certificateSchema,
  secretArgs: ['privatekey_passphrase', 'ownca_privatekey_passphrase'],
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    if (args.state === 'absent') return { file: await probe.get(fileState, { path: args.path, flags: readsFlags(args) }), cert: NO_FILE, csr: NO_FILE, now: new Date() };
    const file = ask(fileState, { path: args.path, flags: readsFlags(args) }) as FactRequest<unknown, FileState>;
    const existing = ask(x509File, { path: args.path, kind: 'certificate' }) as FactRequest<unknown, X509File>;
    const { extra, ...facts } = await gatherIssue(probe, args, existing, file);
    return { ...facts, file: extra! };
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
