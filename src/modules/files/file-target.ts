// Where a copied or templated file really lands: `dest` itself, or dest/<basename of src> when dest
// is an existing directory or ends with '/' (then created when missing, like Ansible's copy).
// Probed in one round trip together with dest's parent.
import { posix } from 'node:path';
import { probeFiles, type FileState, type ProbeRequest } from './file-probe.js';
import { DIFF_LIMIT_BYTES } from './content-file.js';
import { missingNow, ModuleFailure } from '../failure.js';
import { makeDirsCommand } from './make-dirs.js';
import { resolveMode, type ModeSpec } from './mode.js';
import type { Change, ModuleContext } from '../types.js';

export interface TargetFacts {
  dest: FileState;
  /** dest/<basename>, probed in case dest turns out to be a directory. */
  inside?: FileState;
  parent: FileState;
}

export function insidePath(dest: string, basename: string | undefined): string | undefined {
  return basename ? posix.join(dest, basename) : undefined;
}

export async function gatherTarget(ctx: ModuleContext, dest: string, basename: string | undefined, follow: boolean, flags = false): Promise<TargetFacts> {
  const contentUpTo = ctx.diff ? DIFF_LIMIT_BYTES : undefined;
  const inside = insidePath(dest, basename);
  const requests: ProbeRequest[] = [
    { path: dest, checksum: true, contentUpTo, follow, flags },
    { path: posix.dirname(dest.replace(/\/+$/, '')) || '/' },
    ...(inside ? [{ path: inside, checksum: true, contentUpTo, follow, flags }] : []),
  ];
  const [destState, parent, insideState] = await probeFiles(ctx.conn, requests);
  return { dest: destState, parent, inside: insideState };
}

/** The file to write and what is there now; fails like Ansible when the destination cannot work. */
export function resolveTarget(dest: string, basename: string | undefined, facts: TargetFacts): FileState {
  const intoDirectory = dest.endsWith('/') || facts.dest.type === 'directory';
  if (intoDirectory) {
    if (!basename || !facts.inside) throw new ModuleFailure(`can not use content with a dir as dest: ${dest}`, { dest });
    return facts.inside;
  }
  if (facts.parent.type !== 'directory') throw missingNow(`Destination directory ${facts.parent.path} does not exist`, { dest });
  return facts.dest;
}

/**
 * dest ends with '/' and does not exist: Ansible makes it (and missing parents) before writing the
 * file into it, each new directory with owner, group and directory_mode (not mode).
 */
export function withDestDirectory(
  changes: Change[],
  dest: string,
  facts: TargetFacts,
  attrs: { owner?: string; group?: string; directory_mode?: ModeSpec },
): Change[] {
  if (!dest.endsWith('/') || facts.dest.exists || changes.length === 0) return changes;
  const dir = dest.replace(/\/+$/, '') || '/';
  const mode = attrs.directory_mode === undefined ? undefined : resolveMode(attrs.directory_mode, undefined, true);
  const [first, ...rest] = changes;
  const mkdir = { kind: 'exec' as const, command: makeDirsCommand(dir, { owner: attrs.owner, group: attrs.group, mode }) };
  return [{ ...first!, summary: `create directory ${dir}, ${first!.summary}`, ops: [mkdir, ...first!.ops] }, ...rest];
}
