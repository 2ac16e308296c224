// ini_file's arguments (community.general's names), with the common file arguments.
import type { ArgsSchema } from '../../types.js';
import { fileAttrProperties, type FileAttrArgs } from '../../files/file-attrs.js';
import { fileFlagProperties } from '../../files/file-flags.js';
import { exclusive, oneOf } from '../../schema-rules.js';

export interface IniFileArgs extends FileAttrArgs {
  path?: string;
  dest?: string;
  section?: string | null;
  option?: string;
  value?: string;
  values?: string[];
  backup?: boolean;
  state?: 'present' | 'absent';
  exclusive?: boolean;
  no_extra_spaces?: boolean;
  ignore_spaces?: boolean;
  allow_no_value?: boolean;
  modify_inactive_option?: boolean;
  create?: boolean;
  follow?: boolean;
}

export const iniFileSchema: ArgsSchema = {
  type: 'object',
  description: 'Sets, adds or removes options (and sections) of an INI-style file, leaving the rest of it as it is.',
  additionalProperties: false,
  properties: {
    path: { type: 'string', description: 'The INI file; created when missing unless create: false (alias: dest).' },
    dest: { type: 'string', description: 'Alias of path.' },
    section: { type: ['string', 'null'], description: 'The section; omitted or null: the lines before the first section.' },
    option: { type: 'string', description: 'The option (omitted: the whole section is added or removed).' },
    value: { type: 'string', description: 'The value of the option (same as values: [value]).' },
    values: { type: 'array', items: { type: 'string' }, description: 'Several values: one line each for the option.' },
    backup: { type: 'boolean', default: false, description: 'Keep the old file as path.<timestamp>~ when it changes (registered as backup_file).' },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the option (or section) should be there.' },
    exclusive: { type: 'boolean', default: true, description: 'present: other lines of the option are removed; absent: every line of the option goes, whatever its value.' },
    no_extra_spaces: { type: 'boolean', default: false, description: "Write 'option=value' instead of 'option = value'." },
    ignore_spaces: { type: 'boolean', default: false, description: 'An active option line whose value is right is left alone, however it is spaced.' },
    allow_no_value: { type: 'boolean', default: false, description: "The option may stand alone, without '=' and value." },
    modify_inactive_option: { type: 'boolean', default: true, description: "A commented-out line of the option ('# option = x') is rewritten instead of a new line being added." },
    create: { type: 'boolean', default: true, description: 'Create the file when missing (false: fail instead).' },
    follow: { type: 'boolean', default: false, description: 'When path is a symlink, edit the file it points to (else the link is replaced by a file).' },
    ...fileAttrProperties,
    ...fileFlagProperties,
  },
  allOf: [oneOf('path', 'dest'), exclusive('path', 'dest'), exclusive('value', 'values')],
};
