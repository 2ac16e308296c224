// ini_file's pure plan: the edit (ini.ts) as one write, plus owner/group/mode, with Ansible's msg.
import { missingNow, ModuleFailure } from '../../failure.js';
import type { FileState } from '../../files/file-probe.js';
import { textChanges } from '../../files/text-file.js';
import type { Change } from '../../types.js';
import { editIni, type IniEdit } from './ini.js';
import type { IniFileArgs } from './schema.js';

export function iniPath(args: IniFileArgs): string {
  return (args.path ?? args.dest)!;
}

/** What the file should become, or a failure for arguments Ansible refuses at run time. */
export function iniEdit(args: IniFileArgs, state: FileState): IniEdit {
  const present = args.state !== 'absent';
  if (present && !args.allow_no_value && args.value === undefined && !args.values?.length) {
    throw new ModuleFailure("Parameter 'value(s)' must be defined if state=present and allow_no_value=False.");
  }
  if (state.type === 'directory') throw new ModuleFailure(`${iniPath(args)} is a directory`);
  if (!state.exists && args.create === false) throw missingNow(`Destination ${iniPath(args)} does not exist!`, { rc: 257 });
  return editIni(state.content?.toString('utf8') ?? '', {
    section: args.section,
    option: args.option,
    values: args.value !== undefined ? [args.value] : (args.values ?? []),
    state: present ? 'present' : 'absent',
    exclusive: args.exclusive ?? true,
    noExtraSpaces: args.no_extra_spaces ?? false,
    allowNoValue: args.allow_no_value ?? false,
    ignoreSpaces: args.ignore_spaces ?? false,
    modifyInactiveOption: args.modify_inactive_option ?? true,
  });
}

export function planIniFile(args: IniFileArgs, found: FileState): Change[] {
  // Without follow, a symlink is replaced by the edited file, as Ansible's atomic move replaces it.
  const state = args.follow ? found : { ...found, resolved: undefined };
  const edit = iniEdit(args, state);
  const where = args.section ? `[${args.section}]` : 'before the first section';
  const reason = edit.changed ? `${edit.msg}${args.option !== undefined ? ` (${args.option} ${where})` : ` (${where})`}` : undefined;
  return textChanges(iniPath(args), args, state, edit.after, reason, 'backup_file');
}
