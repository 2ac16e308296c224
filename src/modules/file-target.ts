// Where a copied or templated file really lands: `dest` itself, or dest/<basename of src> when dest
// is an existing directory or ends with '/'. Probed in one round trip together with dest's parent.
import { posix } from 'node:path';
import type { ModuleContext } from './types.js';
import { parseProbes, probeScript, type FileState, type ProbeRequest } from './file-probe.js';
import { DIFF_LIMIT_BYTES } from './content-file.js';
import { missingNow, ModuleFailure } from './failure.js';

export interface TargetFacts {
  dest: FileState;
  /** dest/<basename>, probed in case dest turns out to be a directory. */
  inside?: FileState;
  parent: FileState;
}

export function insidePath(dest: string, basename: string | undefined): string | undefined {
  return basename ? posix.join(dest, basename) : undefined;
}

export async function gatherTarget(ctx: ModuleContext, dest: string, basename: string | undefined, follow: boolean): Promise<TargetFacts> {
  const contentUpTo = ctx.diff ? DIFF_LIMIT_BYTES : undefined;
  const inside = insidePath(dest, basename);
  const requests: ProbeRequest[] = [
    { path: dest, checksum: true, contentUpTo, follow },
    { path: posix.dirname(dest.replace(/\/+$/, '')) || '/' },
    ...(inside ? [{ path: inside, checksum: true, contentUpTo, follow }] : []),
  ];
  const [destState, parent, insideState] = parseProbes(requests, (await ctx.conn.exec(probeScript(requests))).stdout);
  return { dest: destState, parent, inside: insideState };
}

/** The file to write and what is there now; fails like Ansible when the destination cannot work. */
export function resolveTarget(dest: string, basename: string | undefined, facts: TargetFacts): FileState {
  const intoDirectory = dest.endsWith('/') || facts.dest.type === 'directory';
  if (intoDirectory) {
    if (!basename || !facts.inside) throw new ModuleFailure(`can not use content with a dir as dest: ${dest}`, { dest });
    if (!facts.dest.exists) throw missingNow(`Destination directory ${dest} does not exist`, { dest });
    return facts.inside;
  }
  if (facts.parent.type !== 'directory') throw missingNow(`Destination directory ${facts.parent.path} does not exist`, { dest });
  return facts.dest;
}
