// assemble: the fragments of a directory (on the target, or with remote_src: false on the controller)
// joined into one file on the target. Read in one round trip (fragments, dest, dest's directory);
// written, atomically, only when the joined bytes differ from dest; owner, group and mode as any
// file-writing module sets them.
import { posix } from 'node:path';
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import { missingNow, ModuleFailure } from '../../failure.js';
import type { DeclarativeModule, ModuleContext } from '../../types.js';
import { contentChanges, contentResultKeys, DIFF_LIMIT_BYTES } from '../content-file.js';
import { fileResultKeys } from '../file-attrs.js';
import { readsFlags } from '../file-flags.js';
import { fileState, type FileState } from '../file-probe.js';
import { resolveTarget } from '../file-target.js';
import { fragmentDirectory, type FragmentDirectory } from './facts.js';
import { joinFragments } from './join.js';
import { localFragments } from './local.js';
import { assembleSchema, type AssembleArgs } from './schema.js';

export interface AssembleFacts {
  fragments: FragmentDirectory;
  dest: FileState;
  parent: FileState;
}

/** The controller directory with remote_src: false, found as copy finds its src. */
function localDirectory(ctx: ModuleContext, src: string): string {
  try {
    return ctx.findFile('files', src);
  } catch (err) {
    throw new ModuleFailure(`Could not find or access '${src}': ${(err as Error).message}`, { src });
  }
}

/** The joined bytes, or Ansible's failure when src is no directory. */
function assembled(args: AssembleArgs, facts: AssembleFacts): Buffer {
  const dir = facts.fragments;
  // A dry run cannot see the fragments an earlier task would have made: missingNow says so in check mode.
  if (dir.kind === 'missing') throw missingNow(`Source (${args.src}) does not exist`, { src: args.src, dest: args.dest });
  if (dir.kind === 'not-directory') throw new ModuleFailure(`Source (${args.src}) is not a directory`, { src: args.src, dest: args.dest });
  return joinFragments(dir.fragments, { delimiter: args.delimiter, regexp: args.regexp, ignoreHidden: args.ignore_hidden, src: args.src });
}

export const assembleModule: DeclarativeModule<AssembleArgs, AssembleFacts> = {
  kind: 'declarative',
  name: 'assemble',
  refusesAsync: true,
  schema: assembleSchema,

  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    const dest = ask(fileState, { path: args.dest, checksum: true, contentUpTo: ctx.diff ? DIFF_LIMIT_BYTES : undefined, follow: args.follow === true, flags: readsFlags(args) });
    const parent = ask(fileState, { path: posix.dirname(args.dest.replace(/\/+$/, '')) || '/' });
    if (args.remote_src === false) {
      const fragments: FragmentDirectory = { kind: 'directory', fragments: localFragments(localDirectory(ctx, args.src), args.decrypt !== false) };
      const [destState, parentState] = await probe.many(dest, parent);
      return { fragments, dest: destState, parent: parentState };
    }
    const [fragments, destState, parentState] = await probe.many(ask(fragmentDirectory, args.src), dest, parent);
    return { fragments, dest: destState, parent: parentState };
  },

  plan(args, facts) {
    const content = assembled(args, facts);
    const target = resolveTarget(args.dest, undefined, { dest: facts.dest, parent: facts.parent });
    return contentChanges({ ...args, path: target.path, content, state: target });
  },

  result(args, facts) {
    const content = assembled(args, facts);
    // Ansible's module says msg OK; with fragments from the controller its copy step says nothing.
    return { src: args.src, ...fileResultKeys(facts.dest), dest: args.dest, ...contentResultKeys(content), ...(args.remote_src === false ? {} : { msg: 'OK' }) };
  },
};
