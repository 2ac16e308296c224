// openssl_csr: a certificate signing request made on the target by its openssl from a key there.
import { readsFlags } from '../../files/file-flags.js';
import { fileState } from '../../files/file-probe.js';
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { csrKeySource, csrResultKeys } from '../csr/make.js';
import { keySourceFact } from '../key-source.js';
import { x509File } from '../facts.js';
import { planCsr, type CsrFacts } from './plan.js';
import { csrSchema, type CsrArgs } from './schema.js';

export const csrModule: DeclarativeModule<CsrArgs, CsrFacts> = {
  kind: 'declarative',
  name: 'openssl_csr',
  collection: 'community.crypto',
  schema: csrSchema,
  secretArgs: ['privatekey_passphrase', 'privatekey_content'],
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    if (args.state === 'absent') return { file: await probe.get(fileState, { path: args.path, flags: readsFlags(args) }), csr: { exists: false }, key: { exists: false, encrypted: false } };
    const key = keySourceFact(csrKeySource(args));
    const [file, csr, keyFile] = await probe.many(ask(fileState, { path: args.path, flags: readsFlags(args) }), ask(x509File, { path: args.path, kind: 'csr' as const }), ask(key.fact, key.args));
    return { file, csr, key: keyFile };
  },
  plan: planCsr,
  result(args, facts) {
    if (args.state === 'absent') return { filename: args.path };
    return {
      filename: args.path,
      ...csrResultKeys(args),
      ...(args.return_content ? { csr: facts.csr.parsed?.pem['CERTIFICATE REQUEST'] ?? null } : {}),
    };
  },
};
