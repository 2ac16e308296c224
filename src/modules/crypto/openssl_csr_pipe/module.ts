// openssl_csr_pipe: a CSR made on the target from a key there, returned as `csr` instead of written;
// `content` (an existing CSR) is kept when it already holds what is asked.
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { Change, DeclarativeModule } from '../../types.js';
import { csrContentProperties, type CsrContentArgs } from '../csr/schema.js';
import { csrInfoText, csrKeySource, csrMismatch, csrResultKeys, reqCommand, usableKey, wantedInfoText } from '../csr/make.js';
import { keyInput, keySourceFact, withKeyScratch } from '../key-source.js';
import { exactlyOne } from '../../schema-rules.js';
import { csrSpec } from '../csr/spec.js';
import { x509Content, type KeyFile, type X509File } from '../facts.js';

export interface CsrPipeArgs extends CsrContentArgs {
  content?: string;
}

export interface CsrPipeFacts {
  existing: X509File;
  key: KeyFile;
}

export function planCsrPipe(args: CsrPipeArgs, facts: CsrPipeFacts): Change[] {
  const publicKey = usableKey(args, facts.key);
  const spec = csrSpec(args);
  const reason = csrMismatch(spec, publicKey, facts.existing);
  if (reason === undefined) return [];
  const source = csrKeySource(args);
  const stdin = keyInput(source);
  return [
    {
      summary: `generate CSR for ${spec.subject.map(([k, v]) => `${k}=${v}`).join(',') || 'an empty subject'} (${reason})`,
      diff: { before: csrInfoText(facts.existing), after: wantedInfoText(spec) },
      ops: [{ kind: 'exec', command: withKeyScratch(source, reqCommand(args, spec, publicKey, '-')), resultKey: 'csr', ...(stdin !== undefined ? { stdin } : {}) }],
    },
  ];
}

export const csrPipeModule: DeclarativeModule<CsrPipeArgs, CsrPipeFacts> = {
  kind: 'declarative',
  name: 'openssl_csr_pipe',
  collection: 'community.crypto',
  schema: {
    type: 'object',
    description: 'Generates a certificate signing request on the target with its openssl and returns it (nothing is written).',
    additionalProperties: false,
    properties: {
      ...csrContentProperties,
      content: { type: 'string', description: 'An existing CSR (PEM): returned as it is when it already holds what is asked.' },
    },
    allOf: exactlyOne('privatekey_path', 'privatekey_content'),
  },
  secretArgs: ['privatekey_passphrase', 'privatekey_content'],
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    const source = keySourceFact(csrKeySource(args));
    const key = await probe.get(source.fact, source.args);
    const existing = args.content ? await probe.get(x509Content, { path: 'content', kind: 'csr', content: args.content }) : { exists: false };
    return { existing, key };
  },
  plan: planCsrPipe,
  result(args) {
    // The new CSR comes from the op (resultKey csr); unchanged, the content given is the CSR.
    return { ...csrResultKeys(args), csr: args.content ?? null };
  },
};
