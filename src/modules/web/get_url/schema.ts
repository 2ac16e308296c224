// get_url's arguments: Ansible's names.
import type { ArgsSchema } from '../../types.js';
import { fileAttrProperties, type FileAttrArgs } from '../../files/file-attrs.js';
import { fileFlagProperties } from '../../files/file-flags.js';
import { httpArgProperties, type HttpArgs } from '../http-args.js';

export interface GetUrlArgs extends HttpArgs, FileAttrArgs {
  dest: string;
  checksum?: string;
  force?: boolean;
  backup?: boolean;
  tmp_dest?: string;
}

export const getUrlSchema: ArgsSchema = {
  type: 'object',
  description: 'Downloads a file on the target (with its curl, or wget); replaces dest only when the content differs.',
  additionalProperties: false,
  required: ['url', 'dest'],
  properties: {
    ...httpArgProperties,
    timeout: { ...httpArgProperties.timeout, default: 10 },
    dest: { type: 'string', description: "Where the file goes; in an existing directory, under the URL's file name." },
    checksum: {
      type: 'string',
      pattern: '^(md5|sha1|sha224|sha256|sha384|sha512):.+$',
      description: "'algorithm:hex digest' (sha256:..., sha1:..., md5:...), or 'algorithm:URL' of a checksum file. The download must match; an existing dest that matches is not downloaded again.",
    },
    force: { type: 'boolean', default: false, description: 'Download every time (and replace dest when the content differs). Without it an existing dest is asked for with If-Modified-Since.' },
    backup: { type: 'boolean', default: false, description: 'Keep the old file as dest.<timestamp>~ when it is replaced.' },
    tmp_dest: { type: 'string', description: "Directory on the target for the download before it is compared (default: the target's TMPDIR)." },
    ...fileAttrProperties,
    ...fileFlagProperties,
  },
};
