// assemble's arguments: Ansible's names, plus the file attributes every file-writing module takes.
import type { ArgsSchema } from '../../types.js';
import { fileAttrProperties, type FileAttrArgs } from '../file-attrs.js';
import { fileFlagProperties } from '../file-flags.js';

export interface AssembleArgs extends FileAttrArgs {
  src: string;
  dest: string;
  delimiter?: string;
  regexp?: string;
  ignore_hidden?: boolean;
  remote_src?: boolean;
  backup?: boolean;
  validate?: string;
  decrypt?: boolean;
  follow?: boolean;
}

export const assembleSchema: ArgsSchema = {
  type: 'object',
  description: 'Joins the files of a directory (sorted by name) into one file on the target, written only when the result differs.',
  additionalProperties: false,
  required: ['src', 'dest'],
  properties: {
    src: { type: 'string', description: 'The directory of fragments: on the target, or on the controller with remote_src: false (looked up in files/).' },
    dest: { type: 'string', description: 'The file the fragments are joined into.' },
    delimiter: { type: 'string', description: "Text put between fragments (backslash escapes such as \\n are decoded); a newline follows it unless it ends with one." },
    regexp: { type: 'string', description: 'Only fragments whose name this Python regular expression finds (anywhere in the name).' },
    ignore_hidden: { type: 'boolean', default: false, description: 'Leave out fragments whose name starts with a dot.' },
    remote_src: { type: 'boolean', default: true, description: 'src is a directory on the target; false: on the controller.' },
    backup: { type: 'boolean', default: false, description: 'Keep the old dest as dest.<pid>.<timestamp>~ when it changes.' },
    validate: { type: 'string', description: 'Command that must accept the new file before it replaces dest; %s is its path.' },
    decrypt: { type: 'boolean', default: true, description: 'With remote_src: false, decrypt vault-encrypted fragments (with the run\'s vault password).' },
    follow: { type: 'boolean', default: false, description: 'When dest is a symlink, write the file it points to.' },
    ...fileAttrProperties,
    ...fileFlagProperties,
  },
};
