// authorized_key's arguments (ansible.posix names).
import type { ArgsSchema } from '../../types.js';

export interface AuthorizedKeyArgs {
  user: string;
  key: string;
  path?: string;
  manage_dir?: boolean;
  state?: 'present' | 'absent';
  key_options?: string;
  exclusive?: boolean;
  validate_certs?: boolean;
  comment?: string;
  follow?: boolean;
}

export const authorizedKeySchema: ArgsSchema = {
  type: 'object',
  description: "Adds or removes SSH public keys in a user's authorized_keys file (written atomically, owned by the user, mode 0600).",
  additionalProperties: false,
  required: ['user', 'key'],
  properties: {
    user: { type: 'string', description: 'The user whose authorized_keys file it is.' },
    key: { type: 'string', description: 'One public key, or several, one per line. A URL is not fetched by ha-run (fails when it runs): read it on the controller instead.' },
    path: { type: 'string', description: 'Another file than ~user/.ssh/authorized_keys.' },
    manage_dir: { type: 'boolean', default: true, description: "Create the file's directory (0700, owned by the user) and fix its owner and mode when writing." },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the keys (with their options) should be in the file.' },
    key_options: { type: 'string', description: 'Options written before the key (e.g. no-pty,from="10.0.0.1").' },
    exclusive: { type: 'boolean', default: false, description: 'Remove every other line from the file.' },
    validate_certs: { type: 'boolean', default: true, description: 'For a key URL: accepted; ha-run does not fetch URLs.' },
    comment: { type: 'string', description: "The key's comment (default: the one in the key text)." },
    follow: { type: 'boolean', default: false, description: 'Write through a symlinked file instead of replacing the link.' },
  },
};
