// apt_key's arguments: Ansible's names (keyserver is not reachable without gpg, and refused).
import type { ArgsSchema } from '../../types.js';
import { exclusive } from '../../schema-rules.js';

export interface AptKeyArgs {
  id?: string;
  url?: string;
  data?: string;
  file?: string;
  keyring?: string;
  validate_certs?: boolean;
  keyserver?: string;
  state?: 'present' | 'absent';
}

export const aptKeySchema: ArgsSchema = {
  type: 'object',
  description: 'Adds or removes an apt signing key as a keyring file (no gpg or apt-key on the target).',
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: 'The key id (8 or 16 hex digits, or the fingerprint); read from the key when not given.' },
    url: { type: 'string', description: 'Download the key from this URL on the target (curl or wget).' },
    data: { type: 'string', description: 'The key itself (armored).' },
    file: { type: 'string', description: 'A key file on the target.' },
    keyring: { type: 'string', description: 'The keyring file to use (default: a file per key in /etc/apt/trusted.gpg.d).' },
    validate_certs: { type: 'boolean', default: true, description: "Check the URL's TLS certificate." },
    keyserver: { type: 'string', description: 'Not supported by ha-run (needs gpg): fails when used.' },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the key should be trusted.' },
  },
  allOf: [exclusive('data', 'file'), exclusive('data', 'url'), exclusive('file', 'url'), exclusive('keyserver', 'data'), exclusive('keyserver', 'file'), exclusive('keyserver', 'url')],
};
