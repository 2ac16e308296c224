// apt_key: an apt signing key as a keyring file. No gpg and no apt-key on the target: the keys are
// read and written by ha-run itself (OpenPGP packets, v4 fingerprints).
import { probeOf } from '../../kit/probe.js';
import { ask } from '../../kit/fact.js';
import type { DeclarativeModule } from '../../types.js';
import { keyFile, keyringFiles, keyUrl } from './facts.js';
import { keyMatches } from './openpgp.js';
import { keysByFile, planAptKey, wantedId, type AptKeyFacts } from './plan.js';
import { aptKeySchema, type AptKeyArgs } from './schema.js';

export const aptKeyModule: DeclarativeModule<AptKeyArgs, AptKeyFacts> = {
  kind: 'declarative',
  name: 'apt_key',
  schema: aptKeySchema,
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    if (args.file) {
      const [keyrings, source] = await probe.many(ask(keyringFiles, args.keyring), ask(keyFile, args.file));
      return { keyrings, source };
    }
    // A URL is fetched only when the key is not already there (as Ansible does with an id).
    const keyrings = await probe.get(keyringFiles, args.keyring);
    if (args.data !== undefined) return { keyrings, source: Buffer.from(args.data) };
    if (!args.url) return { keyrings };
    if (args.id && args.state !== 'absent') {
      const present = [...keysByFile(keyrings).values()].flat().some((k) => keyMatches(k, args.id!));
      if (present) return { keyrings };
    }
    return { keyrings, source: await probe.get(keyUrl, { url: args.url, validateCerts: args.validate_certs !== false }) };
  },
  plan: planAptKey,
  result(args, facts) {
    const id = wantedId(args, facts);
    const fingerprints = [...keysByFile(facts.keyrings).values()].flat().map((k) => k.fingerprint);
    return { id, key_id: id.slice(-16), short_id: id.slice(-8), fp: id, after: fingerprints };
  },
};
