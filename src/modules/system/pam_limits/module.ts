// pam_limits (community.general): one limit in a limits.conf-style file, edited as Ansible edits it.
import { posix } from 'node:path';
import { probeOf } from '../../kit/probe.js';
import { fileState, type FileState } from '../../files/file-probe.js';
import { backupOp } from '../../files/content-file.js';
import { missingNow, ModuleFailure } from '../../failure.js';
import { ask } from '../../kit/fact.js';
import type { Change, DeclarativeModule, Op } from '../../types.js';
import { editLimits } from './limits.js';
import { pamLimitsSchema, type PamLimitsArgs } from './schema.js';

const destOf = (args: PamLimitsArgs) => args.dest ?? '/etc/security/limits.conf';
export interface PamLimitsFacts {
  file: FileState;
  /** The file's directory is there (a missing file is created in it). */
  dirExists: boolean;
}

const textOf = (state: FileState) => state.content?.toString('utf8') ?? '';

export const pamLimitsModule: DeclarativeModule<PamLimitsArgs, PamLimitsFacts> = {
  kind: 'declarative',
  name: 'pam_limits',
  collection: 'community.general',
  schema: pamLimitsSchema,

  async gather(ctx, args) {
    const dest = destOf(args);
    const [file, dir] = await probeOf(ctx.conn).many(ask(fileState, { path: dest, checksum: true, contentUpTo: 16 * 1024 * 1024, follow: true }), ask(fileState, { path: posix.dirname(dest), follow: true }));
    return { file, dirExists: dir.type === 'directory' };
  },

  plan(args, { file: state, dirExists }): Change[] {
    const dest = destOf(args);
    if (state.exists && state.type !== 'file') throw new ModuleFailure(`${dest} is not a file`);
    if (!state.exists && !dirExists) throw missingNow(`directory ${posix.dirname(dest)} is not writable (check presence, access rights, use sudo)`);
    const edit = editLimits(textOf(state), args, dest);
    // A missing file is created, which Ansible counts as a change by itself.
    if (!edit.changed && state.exists) return [];
    const ops: Op[] = [];
    if (args.backup && state.exists) ops.push(backupOp(state.resolved ?? dest));
    ops.push({ kind: 'put', path: state.resolved ?? dest, data: edit.after, ...(state.exists ? {} : { mode: '0644' }) });
    const summary = edit.changed ? `${edit.msg.trim()} in ${dest}${state.exists ? '' : ' (new file)'}` : `create ${dest}`;
    return [{ summary, diff: { path: dest, before: textOf(state), after: edit.after }, ops }];
  },

  result(args, after, _changes, before = after) {
    return { msg: editLimits(textOf(before.file), args, destOf(args)).msg };
  },
};
