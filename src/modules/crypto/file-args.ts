// Arguments every file-writing crypto module shares (community.crypto's names), and the two plans
// they share: removing the file (state=absent) and, when the file is right, its owner/group/mode.
import { backupOp } from '../files/content-file.js';
import { attrChanges, fileAttrProperties, type FileAttrArgs } from '../files/file-attrs.js';
import { fileFlagProperties } from '../files/file-flags.js';
import type { FileState } from '../files/file-probe.js';
import type { Change, Op } from '../types.js';
import { removeOp } from './write-file.js';

export interface CryptoFileArgs extends FileAttrArgs {
  path: string;
  state?: 'present' | 'absent';
  force?: boolean;
  backup?: boolean;
  return_content?: boolean;
  select_crypto_backend?: string;
}

export const cryptoFileProperties = {
  path: { type: 'string', description: 'The file on the target.' },
  state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the file should exist.' },
  force: { type: 'boolean', default: false, description: 'Make a new one even when the existing file matches.' },
  backup: { type: 'boolean', default: false, description: 'Keep the old file as path.<timestamp>~ when it is replaced or removed.' },
  return_content: { type: 'boolean', default: false, description: 'Return the file content in the result.' },
  select_crypto_backend: {
    type: 'string',
    enum: ['auto', 'cryptography', 'openssl'],
    default: 'auto',
    description: "Accepted for compatibility: ha-run always uses the target's openssl binary.",
  },
  ...fileAttrProperties,
  ...fileFlagProperties,
} as const;

/** state=absent: remove the file when it exists (after a backup when asked). */
export function absentChanges(args: CryptoFileArgs, file: FileState): Change[] {
  if (!file.exists) return [];
  const ops: Op[] = [...(args.backup && file.type === 'file' ? [backupOp(args.path)] : []), removeOp(args.path)];
  return [{ summary: `remove ${args.path}`, diff: { path: args.path, before: `${args.path}: present\n`, after: `${args.path}: absent\n` }, ops }];
}

/** The file is what was asked: only its owner, group and mode may still change. */
export function keptFileChanges(args: CryptoFileArgs, file: FileState): Change[] {
  return attrChanges(args.path, args, file);
}

/** The ops before a write that replaces an existing file: its backup when asked. */
export function backupBefore(args: CryptoFileArgs, file: FileState): Op[] {
  return args.backup && file.type === 'file' ? [backupOp(args.path)] : [];
}
