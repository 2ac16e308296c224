// uri's body_format form-multipart, encoded as Ansible's prepare_multipart does: the fields sorted by
// name; a string is a text/plain part; a mapping is a file part with `content`, or with `filename`
// (a controller file, as Ansible's action plugin finds it, sent base64-encoded), a `mime_type` or one
// guessed from the file name.
import { randomInt } from 'node:crypto';
import { posix } from 'node:path';
import { ModuleFailure } from '../../failure.js';

export interface MultipartBody {
  body: Buffer;
  contentType: string;
}

// The common types Python's mimetypes knows by extension; anything else is application/octet-stream.
const MIME_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.csv': 'text/csv',
  '.xml': 'text/xml',
  '.json': 'application/json',
  '.js': 'application/javascript',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.tar': 'application/x-tar',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

export function guessMime(filename: string | undefined): string {
  return MIME_TYPES[posix.extname(filename ?? '').toLowerCase()] ?? 'application/octet-stream';
}

/** A parameter of Content-Disposition as Python's email package writes it. */
function param(name: string, value: string): string {
  return `; ${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Python's email boundary: fifteen '=', nineteen digits, '=='. */
function newBoundary(): string {
  return `===============${Array.from({ length: 19 }, () => randomInt(10)).join('')}==`;
}

/**
 * The body and its Content-Type. `readFile` reads a controller file named by a part's `filename`
 * (the module resolves it like Ansible's files/ lookup).
 */
export function multipartBody(fields: unknown, readFile: (name: string) => Buffer, boundary = newBoundary()): MultipartBody {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new ModuleFailure(`body must be mapping, cannot be type ${Array.isArray(fields) ? 'list' : typeof fields === 'string' ? 'str' : typeof fields}`);
  }
  const parts: Buffer[] = [];
  for (const [field, value] of Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let headers: string[];
    let payload: Buffer;
    if (typeof value === 'string') {
      headers = ['Content-Type: text/plain', `Content-Disposition: form-data${param('name', field)}`];
      payload = Buffer.from(value);
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const { filename, content, mime_type } = value as { filename?: string; content?: string; mime_type?: string };
      if (!filename && !content) throw new ModuleFailure(`failed to parse body as form-multipart: at least one of filename or content must be provided (field ${field})`);
      const mime = mime_type || guessMime(filename);
      const disposition = `Content-Disposition: form-data${param('name', field)}${filename ? param('filename', posix.basename(filename)) : ''}`;
      if (!content && filename) {
        headers = ['Content-Transfer-Encoding: base64', `Content-Type: ${mime}`, disposition];
        payload = Buffer.from(readFile(filename).toString('base64').replace(/.{76}/g, '$&\r\n'));
      } else {
        headers = [`Content-Type: ${mime}`, disposition];
        payload = Buffer.from(content ?? '');
      }
    } else {
      throw new ModuleFailure(`failed to parse body as form-multipart: value must be a string, or mapping (field ${field})`);
    }
    parts.push(Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`), payload, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary="${boundary}"` };
}
