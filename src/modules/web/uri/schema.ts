// uri's arguments: Ansible's names.
import type { ArgsSchema } from '../../types.js';
import { fileAttrProperties, type FileAttrArgs } from '../../files/file-attrs.js';
import { fileFlagProperties } from '../../files/file-flags.js';
import { exclusive } from '../../schema-rules.js';
import { httpArgProperties, type HttpArgs } from '../http-args.js';

export interface UriArgs extends HttpArgs, FileAttrArgs {
  method?: string;
  body?: unknown;
  body_format?: 'raw' | 'json' | 'form-urlencoded' | 'form-multipart';
  src?: string;
  remote_src?: boolean;
  status_code?: number | string | (number | string)[];
  return_content?: boolean;
  follow_redirects?: 'all' | 'none' | 'safe' | 'urllib2' | 'yes' | 'no';
  dest?: string;
  creates?: string;
  removes?: string;
  unix_socket?: string;
}

export const uriSchema: ArgsSchema = {
  type: 'object',
  description: "Makes an HTTP request from the target (its curl, or wget) and returns the answer: status, headers, content, json.",
  additionalProperties: false,
  required: ['url'],
  properties: {
    ...httpArgProperties,
    method: { type: 'string', pattern: '^[A-Za-z]+$', default: 'GET', description: 'The HTTP method (GET, POST, PUT, DELETE, HEAD, PATCH, ...).' },
    body: { description: 'The request body: a string, or data encoded as body_format says.' },
    body_format: { type: 'string', enum: ['raw', 'json', 'form-urlencoded', 'form-multipart'], default: 'raw', description: 'How body is encoded: raw as given, json, form-urlencoded, or form-multipart (fields: a string, or {content|filename, mime_type}; filename is a controller file); each sets Content-Type when not given.' },
    src: { type: 'string', description: 'A file sent as the body: on the controller (files/ of the role and playbook), or on the target with remote_src.' },
    remote_src: { type: 'boolean', default: false, description: 'src is a file on the target.' },
    status_code: {
      anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^\\s*-?\\d+(\\s*,\\s*-?\\d+)*\\s*$' }, { type: 'array', items: { type: ['integer', 'string'], pattern: '^-?\\d+$' } }],
      default: [200],
      description: 'The status codes that mean success (a number or a list).',
    },
    return_content: { type: 'boolean', default: false, description: 'Return the body as `content` (JSON bodies are always parsed into `json`).' },
    follow_redirects: {
      type: 'string',
      enum: ['all', 'none', 'safe', 'urllib2', 'yes', 'no'],
      default: 'safe',
      description: "Follow redirects: 'safe' for GET and HEAD only, 'all', or 'none'.",
    },
    dest: { type: 'string', description: 'Write the body to this file on the target (sends If-Modified-Since when it exists: a 304 leaves it).' },
    creates: { type: 'string', description: 'Do nothing when this path exists on the target.' },
    removes: { type: 'string', description: 'Do nothing unless this path exists on the target.' },
    unix_socket: { type: 'string', description: "Connect through this Unix socket on the target (the Docker daemon's, for example); needs curl." },
    ...fileAttrProperties,
    ...fileFlagProperties,
  },
  allOf: [exclusive('body', 'src')],
};
