// find's arguments: Ansible's names.
import type { ArgsSchema } from '../../types.js';
import { oneOf } from '../../schema-rules.js';

export interface FindArgs {
  paths?: string | string[];
  path?: string | string[];
  name?: string | string[];
  patterns?: string | string[];
  pattern?: string | string[];
  excludes?: string | string[];
  exclude?: string | string[];
  contains?: string;
  read_whole_file?: boolean;
  file_type?: 'file' | 'directory' | 'link' | 'any';
  recurse?: boolean;
  depth?: number;
  age?: string;
  age_stamp?: 'atime' | 'ctime' | 'mtime';
  size?: string;
  hidden?: boolean;
  follow?: boolean;
  get_checksum?: boolean;
  use_regex?: boolean;
}

const stringOrList = (description: string) => ({ anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description }) as const;

export const findSchema: ArgsSchema = {
  type: 'object',
  description: 'Lists the files under directories on the target that match patterns, age, size, type or content (read-only).',
  additionalProperties: false,
  properties: {
    paths: stringOrList('Directories to search (a list, or comma-separated) (aliases: path, name).'),
    path: stringOrList('Alias of paths.'),
    name: stringOrList('Alias of paths.'),
    patterns: stringOrList('Shell patterns (or Python regexes with use_regex) the base name must match; any of them (alias: pattern).'),
    pattern: stringOrList('Alias of patterns.'),
    excludes: stringOrList('Patterns of base names to leave out (alias: exclude).'),
    exclude: stringOrList('Alias of excludes.'),
    contains: { type: 'string', description: 'A Python regex a line of the file must match from its start (files only).' },
    read_whole_file: { type: 'boolean', default: false, description: 'Search contains in the whole file, not line by line.' },
    file_type: { type: 'string', enum: ['file', 'directory', 'link', 'any'], default: 'file', description: 'The kind of entries to return.' },
    recurse: { type: 'boolean', default: false, description: 'Look into subdirectories too.' },
    depth: { type: 'integer', minimum: 1, description: 'How deep recurse goes (1: the directory itself).' },
    age: { type: 'string', pattern: '^-?\\d+[smhdwSMHDW]?$', description: "Age at least this (or, negative, at most): seconds, or with a unit s, m, h, d, w ('2d', '-1w')." },
    age_stamp: { type: 'string', enum: ['atime', 'ctime', 'mtime'], default: 'mtime', description: 'The time age is measured from.' },
    size: { type: 'string', pattern: '^-?\\d+[bkmgtBKMGT]?$', description: "Size at least this (or, negative, at most): bytes, or with a unit b, k, m, g, t ('10k', '-1m')." },
    hidden: { type: 'boolean', default: false, description: 'Include names that start with a dot.' },
    follow: { type: 'boolean', default: false, description: 'Follow symbolic links to directories.' },
    get_checksum: { type: 'boolean', default: false, description: "Add each regular file's sha1 as `checksum`." },
    use_regex: { type: 'boolean', default: false, description: 'patterns and excludes are Python regexes matched from the start of the name, not shell patterns.' },
  },
  allOf: [oneOf('paths', 'path', 'name')],
};
