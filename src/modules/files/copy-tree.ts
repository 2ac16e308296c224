// copy with a controller-side directory as src: the tree is recreated below dest (below
// dest/<name> unless src ends with '/'), every file compared by checksum, all probed in ONE command.
// Directories follow Ansible's copy: every directory it has to create (the tree's root, dest and
// dest's missing parents included) gets owner, group and directory_mode; the subdirectories of src
// that already exist are brought to those attributes too; an existing root is left as it is.
import { readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Change, ModuleContext } from '../types.js';
import { probeFiles, type FileState } from './file-probe.js';
import { contentChanges, DIFF_LIMIT_BYTES } from './content-file.js';
import { formatMode, resolveMode, type ModeSpec } from './mode.js';
import { attrChanges, type FileAttrArgs } from './file-attrs.js';
import { readsFlags } from './file-flags.js';
import { makeDirsCommand } from './make-dirs.js';
import { ModuleFailure } from '../failure.js';
import { readLocalContent, type Content } from './local-file.js';

export interface TreeEntry {
  /** Path on the target. */
  path: string;
  isDirectory: boolean;
  content?: Content;
  /** The controller file's permission bits (mode=preserve). */
  localMode: number;
  state: FileState;
}

export interface TreeFacts {
  root: string;
  entries: TreeEntry[];
}

export interface TreeArgs extends FileAttrArgs {
  src?: string;
  dest: string;
  force?: boolean;
  backup?: boolean;
  directory_mode?: ModeSpec;
}

/** Where the tree lands: dest itself for 'dir/', dest/dir for 'dir' (rsync's and Ansible's rule). */
export function treeRoot(src: string, dest: string): string {
  return src.endsWith('/') ? dest.replace(/\/+$/, '') || '/' : posix.join(dest, posix.basename(src));
}

/** A tree entry before its content is read: big files are only hashed, never held whole. */
type Listed = Omit<TreeEntry, 'state' | 'content'> & { localPath?: string };

function walk(localDir: string, remoteDir: string, out: Listed[]): void {
  for (const name of readdirSync(localDir).sort()) {
    const local = join(localDir, name);
    const remote = posix.join(remoteDir, name);
    const st = statSync(local);
    if (st.isDirectory()) {
      out.push({ path: remote, isDirectory: true, localMode: st.mode & 0o7777 });
      walk(local, remote, out);
    } else {
      out.push({ path: remote, isDirectory: false, localPath: local, localMode: st.mode & 0o7777 });
    }
  }
}

export async function gatherTree(ctx: ModuleContext, args: TreeArgs, localDir: string): Promise<TreeFacts> {
  const root = treeRoot(args.src ?? '', args.dest);
  const listed: Listed[] = [{ path: root, isDirectory: true, localMode: statSync(localDir).mode & 0o7777 }];
  walk(localDir, root, listed);
  const requests = listed.map((e) => ({ path: e.path, checksum: !e.isDirectory, contentUpTo: ctx.diff && !e.isDirectory ? DIFF_LIMIT_BYTES : undefined, flags: !e.isDirectory && readsFlags(args) }));
  const states = await probeFiles(ctx.conn, requests);
  const entries: TreeEntry[] = [];
  for (const [i, { localPath, ...e }] of listed.entries()) {
    entries.push({ ...e, state: states[i]!, ...(localPath === undefined ? {} : { content: await readLocalContent(localPath) }) });
  }
  return { root, entries };
}

export function planTree(args: TreeArgs, facts: TreeFacts): Change[] {
  // An empty src directory: Ansible copies nothing, not even the root.
  if (facts.entries.length < 2) return [];
  const dirAttrs = { owner: args.owner, group: args.group, mode: args.directory_mode };
  const changes: Change[] = [];
  for (const entry of facts.entries) {
    const { state } = entry;
    if (entry.isDirectory) {
      if (state.exists && state.type !== 'directory') throw new ModuleFailure(`${entry.path} exists and is not a directory`, { dest: entry.path });
      if (!state.exists) changes.push(createDirectory(entry.path, args));
      else if (entry.path !== facts.root) changes.push(...attrChanges(entry.path, dirAttrs, state));
      continue;
    }
    if (state.exists && args.force === false) continue;
    const mode = args.mode === 'preserve' ? formatMode(entry.localMode) : args.mode;
    changes.push(...contentChanges({ ...args, mode, path: entry.path, content: entry.content!, state }));
  }
  return changes;
}

/** The directory and any missing parent (the root's parents are dest's), each with the directory attributes. */
function createDirectory(path: string, args: TreeArgs): Change {
  const mode = args.directory_mode === undefined ? undefined : resolveMode(args.directory_mode, undefined, true);
  const command = makeDirsCommand(path, { owner: args.owner, group: args.group, mode });
  return { summary: `create directory ${path}`, diff: { path, before: 'state: absent\n', after: 'state: directory\n' }, ops: [{ kind: 'exec', command }] };
}
