// x509_certificate_pipe: a certificate issued on the target by its openssl and returned as
// `certificate` instead of written; `content` (the current certificate) is kept when it still fits.
import { ask, type FactRequest } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { Change, DeclarativeModule } from '../../types.js';
import { x509Content, type X509File } from '../facts.js';
import { gatherIssue } from '../x509_certificate/gather.js';
import { planIssue, type IssueFacts } from '../x509_certificate/issue.js';
import { certificateContentProperties, type CertificateContentArgs } from '../x509_certificate/schema.js';

export interface CertificatePipeArgs extends CertificateContentArgs {
  content?: string;
}

export function planCertificatePipe(args: CertificatePipeArgs, facts: IssueFacts): Change[] {
  const issue = planIssue(args, facts, false);
  if (issue.reason === undefined) return [];
  // The certificate is made in a scratch directory and printed: the op's output is the result.
  const command = ['set -e', 'w=$(mktemp -d)', `trap 'rm -rf "$w"' EXIT`, 't="$w/certificate.pem"', issue.script, 'cat "$t"'].join('\n');
  return [{ summary: issue.summary, diff: { before: issue.before, after: issue.after }, ops: [{ kind: 'exec', command, resultKey: 'certificate', ...(issue.stdin !== undefined ? { stdin: issue.stdin } : {}) }] }];
}

export const certificatePipeModule: DeclarativeModule<CertificatePipeArgs, IssueFacts> = {
  kind: 'declarative',
  name: 'x509_certificate_pipe',
  collection: 'community.crypto',
  schema: {
    type: 'object',
    description: 'Issues an X.509 certificate on the target with its openssl and returns it (nothing is written).',
    additionalProperties: false,
    properties: {
      ...certificateContentProperties,
      content: { type: 'string', description: 'The current certificate (PEM): returned as it is when it still fits.' },
    },
  },
  secretArgs: ['privatekey_passphrase', 'ownca_privatekey_passphrase'],
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    const existing = args.content ? (ask(x509Content, { path: 'content', kind: 'certificate', content: args.content }) as FactRequest<unknown, X509File>) : undefined;
    return gatherIssue(probe, args, existing);
  },
  plan: planCertificatePipe,
  result(args) {
    // A new certificate comes from the op (resultKey certificate); unchanged, it is the content given.
    return {
      privatekey: args.privatekey_path ?? null,
      csr: args.csr_path ?? null,
      ...(args.provider === 'ownca' ? { ca_cert: args.ownca_path, ca_privatekey: args.ownca_privatekey_path } : {}),
      certificate: args.content ?? null,
    };
  },
};
