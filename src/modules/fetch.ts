// fetch: copy a file from the target to the controller, into dest/<host>/<src path> (or dest itself
// with flat=yes). Changed only when the local copy's checksum differs.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { shellQuote } from '../connection/quote.js';
import type { ActionModule } from './types.js';
import { sha1 } from './content-file.js';
import { ModuleFailure } from './failure.js';

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

/** Writes through a fresh temp file beside `dest` (unguessable, created exclusively: never through a file
 *  or symlink already there), then renames it: the controller's copy is the old file or the new one. */
function writeWhole(dest: string, data: Buffer): void {
  const temp = join(dirname(dest), `.ha-run-tmp-${randomBytes(6).toString('hex')}.${basename(dest).slice(0, 150)}`);
  writeFileSync(temp, data, { flag: 'wx' });
  try {
    renameSync(temp, dest);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

export const fetchModule: ActionModule<FetchArgs> = {
  kind: 'action',
  name: 'fetch',
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
    const r = await ctx.conn.exec(`[ -f ${q} ] || exit 3; [ -r ${q} ] || exit 5; base64 < ${q}`, { ownScript: true });
    if (r.rc === 3 || r.rc === 5) {
      const msg = r.rc === 3 ? 'the remote file does not exist, not transferring, ignored' : 'file is not readable';
      if (args.fail_on_missing === false) return { changed: false, file: args.src, msg };
      throw new ModuleFailure(msg, { file: args.src });
    }
    if (r.rc !== 0) throw new ModuleFailure(`could not read ${args.src}: ${r.stderr.trim()}`);
    const data = Buffer.from(r.stdout, 'base64');
    const remoteChecksum = sha1(data);
    const localChecksum = existsSync(dest) ? sha1(readFileSync(dest)) : undefined;
    const result = { dest, file: args.src, checksum: remoteChecksum, remote_checksum: remoteChecksum };
    if (localChecksum === remoteChecksum) return { changed: false, ...result };
    if (!ctx.check) {
      mkdirSync(dirname(dest), { recursive: true });
      writeWhole(dest, data);
    }
    return { changed: true, reasons: [localChecksum ? 'local copy differs' : `new local file ${dest}`], ...result };
  },
};
