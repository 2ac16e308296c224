// known_hosts' arguments: Ansible's names.
import type { ArgsSchema } from '../../types.js';
import { exclusive, oneOf } from '../../schema-rules.js';

export interface KnownHostsArgs {
  name?: string;
  host?: string;
  key?: string;
  path?: string;
  hash_host?: boolean;
  state?: 'present' | 'absent';
}

export const knownHostsSchema: ArgsSchema = {
  type: 'object',
  description: "Adds or removes a host's public key in an SSH known_hosts file on the target (plain or hashed entries).",
  additionalProperties: false,
  properties: {
    name: { type: 'string', description: 'The host (a name, an address, or [name]:port), matched as ssh matches it, hashed entries included (alias: host).' },
    host: { type: 'string', description: 'Alias of name.' },
    key: { type: 'string', description: "The entry as ssh-keyscan prints it: 'host keytype base64key'. Required for present; with absent, only that key type's entry goes." },
    path: { type: 'string', default: '~/.ssh/known_hosts', description: "The known_hosts file (default: the remote user's)." },
    hash_host: { type: 'boolean', default: false, description: 'Write the host name hashed, as ssh-keygen -H does.' },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the key (or with absent and no key, any entry of the host) should be in the file.' },
  },
  allOf: [oneOf('name', 'host'), exclusive('name', 'host')],
};
