// Test helpers: FileState values as gather would report them (pure data, no connection).
import { createHash } from 'node:crypto';
import type { FileState } from '../../../src/modules/files/file-probe.js';
import type { Change, Op } from '../../../src/modules/types.js';

export function absent(path: string): FileState {
  return { path, type: 'absent', exists: false };
}

export function file(path: string, content: string | Buffer, attrs: Partial<FileState> = {}): FileState {
  const data = Buffer.from(content);
  return {
    path,
    type: 'file',
    exists: true,
    mode: 0o644,
    owner: 'root',
    group: 'root',
    uid: 0,
    gid: 0,
    size: data.length,
    sha1: createHash('sha1').update(data).digest('hex'),
    content: data,
    ...attrs,
  };
}

export function dir(path: string, attrs: Partial<FileState> = {}): FileState {
  return { path, type: 'directory', exists: true, mode: 0o755, owner: 'root', group: 'root', uid: 0, gid: 0, ...attrs };
}

export function link(path: string, target: string): FileState {
  return { path, type: 'link', exists: true, mode: 0o777, owner: 'root', group: 'root', uid: 0, gid: 0, target };
}

/** The data of the one put a change set writes (undefined when none). */
export function written(changes: Change[]): string | undefined {
  const put = changes.flatMap((c) => c.ops).find((op): op is Extract<Op, { kind: 'put' }> => op.kind === 'put');
  return put === undefined ? undefined : put.data.toString();
}

export function commands(changes: Change[]): string[] {
  return changes.flatMap((c) => c.ops).flatMap((op) => (op.kind === 'exec' ? [op.command] : [`put ${op.path}${op.mode ? ` ${op.mode}` : ''}`]));
}
