// copy: a file on the target should have the given content (inline `content`, or a controller-side
// `src` file, or with remote_src a file already on the target), owner, group and mode.
import { statSync } from 'node:fs';
import { posix } from 'node:path';
import type { DeclarativeModule, ModuleContext } from '../types.js';
import { fileAttrProperties, fileResultKeys, type FileAttrArgs } from './file-attrs.js';
import { fileFlagProperties, readsFlags } from './file-flags.js';
import { contentChanges, contentResultKeys } from './content-file.js';
import { gatherTarget, resolveTarget, withDestDirectory, type TargetFacts } from './file-target.js';
import { formatMode } from './mode.js';
import { ModuleFailure } from '../failure.js';
import { exactlyOne } from '../schema-rules.js';
import { gatherTree, planTree, treeRoot, type TreeFacts } from './copy-tree.js';
import type { ModeSpec } from './mode.js';
import { readLocalContent, type Content } from './local-file.js';

export interface CopyArgs extends FileAttrArgs {
  dest: string;
  src?: string;
  content?: string;
  backup?: boolean;
  force?: boolean;
  validate?: string;
  remote_src?: boolean;
  follow?: boolean;
  directory_mode?: ModeSpec;
}

export interface FileCopyFacts extends TargetFacts {
  /** The bytes dest should hold (a big controller file is only hashed, and streamed when sent). */
  content: Content;
  /** The controller file's permission bits (for mode=preserve). */
  srcMode?: number;
  tree?: undefined;
}

/** A single file, or (src is a controller directory) a whole tree. */
export type CopyFacts = FileCopyFacts | { tree: TreeFacts };

/** The controller directory to copy, when src is one. */
function localDirectory(ctx: ModuleContext, args: CopyArgs): string | undefined {
  if (args.content !== undefined || !args.src || args.remote_src) return undefined;
  try {
    const local = ctx.findFile('files', args.src);
    return statSync(local).isDirectory() ? local : undefined;
  } catch {
    return undefined; // desiredContent reports a missing src with Ansible's message
  }
}

/** Reads what should be copied: inline content, a controller file, or (remote_src) a target file. */
async function desiredContent(ctx: ModuleContext, args: CopyArgs): Promise<{ content: Content; srcMode?: number }> {
  if (args.content !== undefined) return { content: Buffer.from(args.content) };
  if (!args.src) throw new ModuleFailure('src (or content) is required');
  if (args.remote_src) {
    try {
      return { content: await ctx.conn.get(args.src) };
    } catch (err) {
      throw new ModuleFailure(`could not read ${args.src} on the target: ${(err as Error).message}`, { src: args.src });
    }
  }
  let local: string;
  try {
    local = ctx.findFile('files', args.src);
    return { content: await readLocalContent(local), srcMode: statSync(local).mode & 0o7777 };
  } catch (err) {
    if (err instanceof ModuleFailure) throw err;
    throw new ModuleFailure(`Could not find or access '${args.src}': ${(err as Error).message}`, { src: args.src });
  }
}

export const copyModule: DeclarativeModule<CopyArgs, CopyFacts> = {
  kind: 'declarative',
  name: 'copy',
  refusesAsync: true,
  schema: {
    type: 'object',
    description: 'Puts a file on the target: inline content or a file from the controller, with owner, group and mode.',
    additionalProperties: false,
    required: ['dest'],
    properties: {
      dest: { type: 'string', description: 'Where the file goes on the target; an existing directory or a path ending in / receives src\'s name.' },
      src: { type: 'string', description: 'A file on the controller (looked up in files/ of the role and playbook), or on the target with remote_src.' },
      content: { type: 'string', description: 'The file content itself (instead of src).' },
      backup: { type: 'boolean', default: false, description: 'Keep the old file as dest.<timestamp>~ when it changes.' },
      force: { type: 'boolean', default: true, description: 'Replace dest when its content differs. With false, only create it when it is missing.' },
      validate: { type: 'string', description: "Command that must accept the new file before it replaces dest; %s is the new file's path." },
      directory_mode: { ...fileAttrProperties.mode, description: 'Mode of directories a recursive copy creates (default: umask).' },
      remote_src: { type: 'boolean', default: false, description: 'src is a file on the target, not on the controller.' },
      follow: { type: 'boolean', default: false, description: 'When dest is a symlink, write the file it points to.' },
      ...fileAttrProperties,
      ...fileFlagProperties,
      mode: { ...fileAttrProperties.mode, description: `${fileAttrProperties.mode.description} 'preserve' keeps src's mode.` },
    },
    allOf: exactlyOne('src', 'content'),
  },

  async gather(ctx, args) {
    const localDir = localDirectory(ctx, args);
    if (localDir) return { tree: await gatherTree(ctx, args, localDir) };
    const want = await desiredContent(ctx, args);
    const basename = args.src ? posix.basename(args.src) : undefined;
    return { ...(await gatherTarget(ctx, args.dest, basename, args.follow === true, readsFlags(args))), ...want };
  },

  plan(args, facts) {
    if (facts.tree) return planTree(args, facts.tree);
    const target = resolveTarget(args.dest, args.src ? posix.basename(args.src) : undefined, facts);
    if (target.exists && args.force === false) return [];
    const mode = args.mode === 'preserve' ? (facts.srcMode === undefined ? undefined : formatMode(facts.srcMode)) : args.mode;
    const changes = contentChanges({ ...args, mode, path: target.path, content: facts.content, state: target });
    return withDestDirectory(changes, args.dest, facts, args);
  },

  result(args, facts) {
    if (facts.tree) return { dest: treeRoot(args.src ?? '', args.dest), src: args.src };
    const target = resolveTarget(args.dest, args.src ? posix.basename(args.src) : undefined, facts);
    return { ...fileResultKeys(target), dest: target.path, src: args.src, ...contentResultKeys(facts.content) };
  },
};
