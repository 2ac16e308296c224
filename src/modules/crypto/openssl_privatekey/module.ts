// openssl_privatekey: a private key made on the target by its openssl; only the public half is
// ever read back (for type, size and fingerprints), the key itself only for return_content.
import { readsFlags } from '../../files/file-flags.js';
import { fileState } from '../../files/file-probe.js';
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { keyContent, keyFact } from '../facts.js';
import { describePublicKey, fingerprints } from '../public-key.js';
import { planPrivateKey, wantedType, type PrivateKeyFacts } from './plan.js';
import { privateKeySchema, type PrivateKeyArgs } from './schema.js';

export const privateKeyModule: DeclarativeModule<PrivateKeyArgs, PrivateKeyFacts> = {
  kind: 'declarative',
  name: 'openssl_privatekey',
  collection: 'community.crypto',
  schema: privateKeySchema,
  secretArgs: ['passphrase'],
  secretResults: ['privatekey'],
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    if (args.state === 'absent') return { file: await probe.get(fileState, { path: args.path, flags: readsFlags(args) }), key: { exists: false, encrypted: false } };
    const [file, key] = await probe.many(ask(fileState, { path: args.path, flags: readsFlags(args) }), ask(keyFact(args), { path: args.path, passphrase: args.passphrase }));
    const content = args.return_content && key.exists ? await probe.get(keyContent, args.path) : undefined;
    return { file, key, content };
  },
  plan: planPrivateKey,
  result(args, facts) {
    const type = wantedType(args);
    const fingerprint = facts.key.publicKey ? fingerprints(describePublicKey(facts.key.publicKey).der) : undefined;
    return {
      filename: args.path,
      type,
      size: args.size ?? 4096,
      ...(type === 'ECC' && args.curve ? { curve: args.curve } : {}),
      ...(fingerprint ? { fingerprint } : {}),
      ...(args.return_content ? { privatekey: facts.content ?? null } : {}),
    };
  },
};
