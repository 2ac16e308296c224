// group's pure plan, Ansible's rules: a missing group is added (with its gid and -r when asked), an
// existing one only ever changes its gid; absent removes it.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Change } from '../../types.js';
import type { GroupEntry } from '../facts.js';
import { ACCOUNT_PATH } from '../tools.js';
import type { GroupArgs } from './schema.js';

const run = (words: string[]) => `${ACCOUNT_PATH}; ${words.join(' ')}`;

export function planGroup(args: GroupArgs, group: GroupEntry | undefined): Change[] {
  if (args.local) throw new ModuleFailure("local: true needs libuser's lgroupadd, which ha-run does not drive; leave local unset");
  const name = shellQuote(args.name);
  if (args.state === 'absent') return group ? [{ summary: `remove group ${args.name}`, ops: [{ kind: 'exec', command: run(['groupdel', name]) }] }] : [];
  const gidWords = args.gid === undefined ? [] : ['-g', String(args.gid), ...(args.non_unique ? ['-o'] : [])];
  if (!group) {
    const how = [args.gid !== undefined ? `gid ${args.gid}` : '', args.system ? 'system' : ''].filter(Boolean).join(', ');
    return [{ summary: `add group ${args.name}${how ? ` (${how})` : ''}`, ops: [{ kind: 'exec', command: run(['groupadd', ...gidWords, ...(args.system ? ['-r'] : []), name]) }] }];
  }
  if (args.gid !== undefined && group.gid !== args.gid) {
    return [{ summary: `group ${args.name}: gid ${group.gid} → ${args.gid}`, ops: [{ kind: 'exec', command: run(['groupmod', ...gidWords, name]) }] }];
  }
  return [];
}

/** What Ansible's group module registers. */
export function groupResult(args: GroupArgs, group: GroupEntry | undefined): Record<string, unknown> {
  return { name: args.name, state: args.state ?? 'present', ...(group ? { system: args.system ?? false, gid: group.gid } : {}) };
}
