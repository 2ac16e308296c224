// unarchive's arguments: Ansible's names.
import type { ArgsSchema } from '../../types.js';
import { fileAttrProperties, type FileAttrArgs } from '../../files/file-attrs.js';

export interface UnarchiveArgs extends FileAttrArgs {
  src: string;
  dest: string;
  remote_src?: boolean;
  copy?: boolean;
  creates?: string;
  list_files?: boolean;
  extra_opts?: string[];
  include?: string[];
  exclude?: string[];
  keep_newer?: boolean;
  validate_certs?: boolean;
}

const list = (description: string) => ({ type: 'array', items: { type: 'string' }, default: [], description }) as const;

export const unarchiveSchema: ArgsSchema = {
  type: 'object',
  description: 'Unpacks a tar (gz, bz2, xz) or zip archive into an existing directory on the target, with its tar or unzip; only when what is on disk differs from the archive.',
  additionalProperties: false,
  required: ['src', 'dest'],
  properties: {
    src: { type: 'string', description: 'The archive: a controller file (copied over), or with remote_src a file on the target or a URL the target downloads (curl or wget).' },
    dest: { type: 'string', description: 'The directory to unpack into (must exist).' },
    remote_src: { type: 'boolean', default: false, description: 'src is already on the target.' },
    copy: { type: 'boolean', description: 'Old inverse of remote_src (copy: false = remote_src: true).' },
    creates: { type: 'string', description: 'Do nothing when this path exists on the target.' },
    list_files: { type: 'boolean', default: false, description: 'Return the archive\'s members as `files`.' },
    extra_opts: list('More options for tar or unzip (e.g. --strip-components=1).'),
    include: list('Only these members.'),
    exclude: list('Members (shell patterns) not to unpack.'),
    validate_certs: { type: 'boolean', default: true, description: 'With a URL as src: verify the server\'s TLS certificate.' },
    keep_newer: { type: 'boolean', default: false, description: 'Keep files on disk that are newer than the archive\'s (tar).' },
    ...fileAttrProperties,
  },
};
