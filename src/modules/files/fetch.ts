// fetch: copy a file from the target to the controller, into dest/<host>/<src path> (or dest itself
// with flat=yes). Changed only when the local copy's checksum differs.
import { existsSync, mkdirSync } from 'node:fs';
import { MAX_TRANSFER_SOURCE_BYTES, readRegularFile } from '../../source/read-file.js';
import { dirname, join, posix } from 'node:path';
import { shellQuote } from '../../connection/quote.js';
import type { ActionModule } from '../types.js';
import { sha1 } from './content-file.js';
import { ModuleFailure } from '../failure.js';
import { replaceFile } from '../../util/replace-file.js';

export interface FetchArgs {
  src: string;
  dest: string;
  flat?: boolean;
  fail_on_missing?: boolean;
  validate_checksum?: boolean;
}

/** Where the fetched file goes on the controller (Ansible's layout). */
export function fetchDestination(host: string, src: string, dest: string, flat: boolean): string {
  if (flat) return dest.endsWith('/') ? join(dest, posix.basename(src)) : dest;
  return join(dest, host, posix.normalize(src).replace(/^\/+/, ''));
}

export const fetchModule: ActionModule<FetchArgs> = {
  kind: 'action',
  name: 'fetch',
  refusesAsync: true,
  schema: {
    type: 'object',
    description: 'Copies a file from the target to the controller.',
    additionalProperties: false,
    required: ['src', 'dest'],
    properties: {
      src: { type: 'string', description: 'The file on the target.' },
      dest: { type: 'string', description: 'Directory on the controller (the file lands in dest/<host>/<src>), or the file itself with flat.' },
      flat: { type: 'boolean', default: false, description: 'Write to dest itself (or dest/<basename> when dest ends with /).' },
      fail_on_missing: { type: 'boolean', default: true, description: 'Fail when src does not exist on the target.' },
      validate_checksum: { type: 'boolean', default: true, description: 'Check the copy against the target file\'s sha1.' },
    },
  },
  async run(ctx, args) {
    const dest = fetchDestination(ctx.host, args.src, args.dest, args.flat === true);
    const q = shellQuote(args.src);
    // The target's own checksum first (a line of its own), then the data: what arrives is checked against it.
    const r = await ctx.conn.exec(`[ -f ${q} ] || exit 3; [ -r ${q} ] || exit 5; s=$(sha1sum < ${q}) || exit 6; printf '%.40s\\n' "$s" && base64 < ${q}`, { ownScript: true });
    if (r.rc === 3 || r.rc === 5) {
      const msg = r.rc === 3 ? 'the remote file does not exist, not transferring, ignored' : 'file is not readable';
      if (args.fail_on_missing === false) return { changed: false, file: args.src, msg };
      throw new ModuleFailure(msg, { file: args.src });
    }
    if (r.rc !== 0) throw new ModuleFailure(`could not read ${args.src}: ${r.stderr.trim()}`);
    const newline = r.stdout.indexOf('\n');
    const remoteChecksum = r.stdout.slice(0, newline);
    const data = Buffer.from(r.stdout.slice(newline + 1), 'base64');
    const checksum = sha1(data);
    if (args.validate_checksum !== false && checksum !== remoteChecksum) {
      throw new ModuleFailure('checksum mismatch', { file: args.src, dest, checksum, remote_checksum: remoteChecksum });
    }
    // Only a regular file is read (a FIFO at dest would block): anything else fails the task, naming it.
    const localChecksum = existsSync(dest) ? sha1(readRegularFile(dest, MAX_TRANSFER_SOURCE_BYTES)) : undefined;
    const result = { dest, file: args.src, checksum, remote_checksum: remoteChecksum };
    if (localChecksum === checksum) return { changed: false, ...result };
    if (!ctx.check) {
      mkdirSync(dirname(dest), { recursive: true });
      replaceFile(dest, data);
    }
    return { changed: true, reasons: [localChecksum ? 'local copy differs' : `new local file ${dest}`], ...result };
  },
};
