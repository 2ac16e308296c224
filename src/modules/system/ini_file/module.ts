// ini_file (community.general): options of an INI-style file, edited line by line as Ansible edits
// them, so a file converged by either tool is converged for both.
import { readsFlags } from '../../files/file-flags.js';
import type { FileState } from '../../files/file-probe.js';
import { gatherText } from '../../files/text-file.js';
import type { DeclarativeModule } from '../../types.js';
import { iniEdit, iniPath, planIniFile } from './plan.js';
import { iniFileSchema, type IniFileArgs } from './schema.js';

export const iniFileModule: DeclarativeModule<IniFileArgs, FileState> = {
  kind: 'declarative',
  name: 'ini_file',
  collection: 'community.general',
  schema: iniFileSchema,

  gather: (ctx, args) => gatherText(ctx, iniPath(args), readsFlags(args)),

  plan: planIniFile,

  result(args, after, changes, before = after) {
    const edit = iniEdit(args, args.follow ? before : { ...before, resolved: undefined });
    return { msg: changes.length && !edit.changed ? 'OK' : edit.msg, path: iniPath(args) };
  },
};
