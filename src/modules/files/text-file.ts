// Shared by the modules that edit a text file in place (lineinfile, blockinfile, replace): read the
// file with its content in one round trip, and turn "new text" into one change (plus attributes).
import { posix } from 'node:path';
import { shellQuote } from '../../connection/quote.js';
import type { Change, ModuleContext } from '../types.js';
import { probeFiles, type FileState } from './file-probe.js';
import { attrChanges, fileAttrProperties, type FileAttrArgs } from './file-attrs.js';
import { contentChanges } from './content-file.js';
import { fileFlagProperties } from './file-flags.js';
import { ModuleFailure } from '../failure.js';
import { oneOf } from '../schema-rules.js';

/** Files larger than this are not edited line by line. */
export const EDIT_LIMIT_BYTES = 64 * 1024 * 1024;

export interface TextFileArgs extends FileAttrArgs {
  path?: string;
  dest?: string;
  destfile?: string;
  name?: string;
  backup?: boolean;
  validate?: string;
}

export const textFileProperties = {
  path: { type: 'string', description: 'The file to edit (aliases: dest, destfile, name).' },
  dest: { type: 'string', description: 'Alias of path.' },
  destfile: { type: 'string', description: 'Alias of path.' },
  name: { type: 'string', description: 'Alias of path.' },
  backup: { type: 'boolean', default: false, description: 'Keep the old file as path.<timestamp>~ when it changes.' },
  validate: { type: 'string', description: "Command that must accept the edited file before it replaces the old one; %s is its path." },
  ...fileAttrProperties,
  ...fileFlagProperties,
} as const;

export const pathRequired = oneOf('path', 'dest', 'destfile', 'name');

export function textPath(args: TextFileArgs): string {
  const p = args.path ?? args.dest ?? args.destfile ?? args.name;
  if (!p) throw new ModuleFailure('path is required');
  return p;
}

export async function gatherText(ctx: ModuleContext, path: string, flags = false): Promise<FileState> {
  const requests = [{ path, checksum: true, contentUpTo: EDIT_LIMIT_BYTES, follow: true, flags }];
  const [state] = await probeFiles(ctx.conn, requests);
  if (state.type === 'file' && state.content === undefined) throw new ModuleFailure(`${path} is too large or unreadable to edit`, { path });
  return state;
}

/** The change that writes `after` (when it differs from the file) plus owner/group/mode changes. */
export function textChanges(
  path: string,
  args: TextFileArgs,
  state: FileState,
  after: string,
  reason: string | undefined,
  backupKey?: string,
): Change[] {
  if (reason === undefined) return state.exists ? attrChanges(path, args, state) : [];
  const changes = contentChanges({ ...args, path, content: Buffer.from(after), state, reason, backupKey });
  const dir = posix.dirname(path);
  // Ansible creates missing parent directories for create=true.
  if (!state.exists) changes[0].ops.unshift({ kind: 'exec', command: `mkdir -p -- ${shellQuote(dir)}` });
  return changes;
}

/** Ansible's msg for an edit: "line added", "... and ownership, perms or SE linux context changed". */
export function editMessage(changes: readonly Change[]): string {
  return changes.map((c) => c.summary).join(' and ');
}
