// tempfile's arguments: Ansible's names.
import type { ArgsSchema } from '../../types.js';

export interface TempfileArgs {
  state?: 'file' | 'directory';
  path?: string;
  prefix?: string;
  suffix?: string;
}

export const tempfileSchema: ArgsSchema = {
  type: 'object',
  description: 'Creates a uniquely named temporary file or directory on the target and returns its path.',
  additionalProperties: false,
  properties: {
    state: { type: 'string', enum: ['file', 'directory'], default: 'file', description: 'Create a file or a directory.' },
    path: { type: 'string', description: "The directory to create it in (default: the target's TMPDIR, or /tmp)." },
    prefix: { type: 'string', default: 'ansible.', description: 'The start of its name.' },
    suffix: { type: 'string', default: '', description: 'The end of its name.' },
  },
};
