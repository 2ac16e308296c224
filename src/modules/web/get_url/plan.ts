// get_url's pure plan: from the file on the target and what the server answered, the change (if
// any). The change downloads again into a temporary file beside dest, checks the checksum, gives it
// dest's attributes and renames it over dest: never a half-written dest.
import { posix } from 'node:path';
import { shellQuote } from '../../../connection/quote.js';
import { backupOp } from '../../files/content-file.js';
import { attrChanges, wantedMode } from '../../files/file-attrs.js';
import { flagsAfterWrite } from '../../files/file-flags.js';
import type { FileState } from '../../files/file-probe.js';
import { missingNow, ModuleFailure } from '../../failure.js';
import { formatMode } from '../../files/mode.js';
import type { Change } from '../../types.js';
import { baseRequest, responseMsg } from '../http-args.js';
import { requestBundle, requestScript, type HttpRequest } from '../request.js';
import type { HttpResponse } from '../response.js';
import type { WantedChecksum } from './facts.js';
import type { GetUrlArgs } from './schema.js';

export interface GetUrlFacts {
  /** The file to write: dest, or dest/<file name> when dest is a directory. */
  path: string;
  dest: FileState;
  parent: FileState;
  wanted?: WantedChecksum;
  /** dest's digest with the checksum's algorithm, when a checksum was given and dest is a file. */
  destDigest?: string;
  /** What the server answered; absent when dest already matched the checksum. */
  response?: HttpResponse;
}

export function downloadRequest(args: GetUrlArgs, conditional: boolean, path: string): HttpRequest {
  return { ...baseRequest(args, 10), method: 'GET', followRedirects: true, ...(conditional ? { ifModifiedSince: path } : {}) };
}

export function planGetUrl(args: GetUrlArgs, facts: GetUrlFacts): Change[] {
  const { path, dest, response, wanted } = facts;
  if (facts.parent.type !== 'directory') throw missingNow(`Destination ${facts.parent.path} does not exist`, { dest: path });
  if (dest.type === 'directory') throw new ModuleFailure(`${path} is a directory`, { dest: path });
  if (!response || response.status === 304) return response ? [] : attrChanges(path, args, dest);
  if (response.status !== 200) {
    throw new ModuleFailure('Request failed', { status_code: response.status, response: responseMsg(response.status, response.reason, response.headers, response.error), url: args.url, dest: path });
  }
  if (wanted && response.digest !== wanted.value) {
    // Ansible's get_url reports this failure as changed (it downloaded a file, then threw it away):
    // the recap counts it the same way.
    throw new ModuleFailure(`The checksum for ${path} did not match ${wanted.value}; it was ${response.digest}.`, { changed: true, url: args.url, dest: path, checksum_src: response.sha1 });
  }
  if (dest.type === 'file' && dest.sha1 === response.sha1) return attrChanges(path, args, dest);

  const reasons = [dest.exists ? `content differs (sha1 ${(dest.sha1 ?? '').slice(0, 10)} → ${response.sha1.slice(0, 10)})` : `download ${args.url} (${response.size} bytes)`];
  if (dest.exists) reasons.push(...attrChanges(path, args, dest).map((c) => c.summary));
  const ops: Change['ops'] = [];
  if (args.backup && dest.type === 'file') ops.push(backupOp(path));
  ops.push({ kind: 'exec', command: downloadCommand(args, facts), stdin: requestBundle(downloadRequest(args, false, path)) }, ...flagsAfterWrite(path, args));
  return [{ summary: reasons.join(', '), ops }];
}

/** Downloads into a temporary file beside dest, checks it, sets its attributes, renames it over dest. */
function downloadCommand(args: GetUrlArgs, facts: GetUrlFacts): string {
  const { path, wanted } = facts;
  const temp = shellQuote(posix.join(posix.dirname(path), `.${posix.basename(path)}.ha-run-get_url`));
  const q = shellQuote(path);
  const mode = wantedMode(args, facts.dest, false);
  const place = [
    `[ -f ${temp} ] || { echo "Request failed: HTTP status $code $(tail -n 1 e)" >&2; exit 1; }`,
    wanted
      ? `s=$(${wanted.algorithm}sum < ${temp} | cut -d ' ' -f 1); [ "$s" = ${shellQuote(wanted.value)} ] || { rm -f ${temp}; echo "The checksum for ${path} did not match ${wanted.value}; it was $s." >&2; exit 1; }`
      : ':',
    // A replaced file keeps its attributes; a new one gets the umask's, as Ansible's atomic move does.
    `if [ -e ${q} ]; then chmod --reference=${q} ${temp} && chown --reference=${q} ${temp}; else chmod "$(printf %o $(( 0666 & ~0$(umask) )))" ${temp}; fi || exit 1`,
    mode === undefined ? ':' : `chmod ${formatMode(mode)} ${temp} || exit 1`,
    args.owner === undefined ? ':' : `chown -- ${shellQuote(args.owner)} ${temp} || exit 1`,
    args.group === undefined ? ':' : `chgrp -- ${shellQuote(args.group)} ${temp} || exit 1`,
    `mv -f -- ${temp} ${q}`,
  ].join('\n');
  return requestScript({ returnBody: false, keepAt: posix.join(posix.dirname(path), `.${posix.basename(path)}.ha-run-get_url`), keepOn: [200], tmpDir: args.tmp_dest, then: place });
}
