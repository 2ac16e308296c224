// unarchive with remote_src and a URL as src: the target downloads the archive with curl or wget (as
// get_url does) into a temporary file, once to read it and again to unpack it, removing it each time.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Op } from '../../types.js';
import { requestBundle, requestScript, type HttpRequest } from '../request.js';
import type { HttpResponse } from '../response.js';
import type { UnarchiveArgs } from './schema.js';

/** Whether src names a URL for the target to download (Ansible: remote_src and '://' in src). */
export function isUrlSource(args: UnarchiveArgs, remote: boolean): boolean {
  return remote && args.src.includes('://');
}

/** Where the download is kept while it is read or unpacked: a name per URL, so two tasks never share it. */
export function downloadPath(url: string): string {
  const name = posix.basename(url.split(/[?#]/)[0] ?? '') || 'archive';
  return `/tmp/.ha-run-unarchive-${createHash('sha1').update(url).digest('hex').slice(0, 16)}-${name}`;
}

export function downloadRequest(args: UnarchiveArgs): HttpRequest {
  return { url: args.src, method: 'GET', headers: { 'User-Agent': 'ansible-httpget' }, validateCerts: args.validate_certs !== false, timeout: 10, followRedirects: true };
}

/** Ansible's failure when the download does not answer 200. */
export function checkDownload(args: UnarchiveArgs, response: HttpResponse): void {
  if (response.status === 200 && response.rc === 0) return;
  const why = response.error ?? `HTTP Error ${response.status}: ${response.reason}`;
  throw new ModuleFailure(`Failure downloading ${args.src}, ${why}`, { src: args.src });
}

/** The op that downloads the archive again for the change (the one gather read was removed). */
export function downloadOp(args: UnarchiveArgs, path: string): Op {
  const keep = requestScript({ returnBody: false, keepAt: path, keepOn: [200], then: `[ -f ${shellQuote(path)} ] || { echo "Failure downloading the archive: HTTP status $code $(tail -n 1 e)" >&2; exit 1; }` });
  return { kind: 'exec', command: keep, stdin: requestBundle(downloadRequest(args)) };
}
