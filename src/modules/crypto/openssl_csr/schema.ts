// openssl_csr's arguments: the CSR content arguments plus the file ones.
import type { ArgsSchema } from '../../types.js';
import { exclusive, oneOf } from '../../schema-rules.js';
import { csrContentProperties, type CsrContentArgs } from '../csr/schema.js';
import { cryptoFileProperties, type CryptoFileArgs } from '../file-args.js';

export type CsrArgs = CsrContentArgs & CryptoFileArgs;

export const csrSchema: ArgsSchema = {
  type: 'object',
  description: "Generates a certificate signing request on the target with its openssl.",
  additionalProperties: false,
  required: ['path'],
  properties: {
    ...cryptoFileProperties,
    ...csrContentProperties,
    path: { type: 'string', description: 'The CSR file on the target.' },
    return_content: { type: 'boolean', default: false, description: 'Return the CSR (PEM) as `csr`.' },
  },
  if: { not: { properties: { state: { const: 'absent' } }, required: ['state'] } },
  then: oneOf('privatekey_path', 'privatekey_content'),
  allOf: [exclusive('privatekey_path', 'privatekey_content')],
};
