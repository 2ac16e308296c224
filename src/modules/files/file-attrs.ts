// Owner, group and mode: the attributes every file-writing module can set. Compared against what
// gather found; each difference is its own change with a readable reason and one command.
import { shellQuote } from '../../connection/quote.js';
import type { Change } from '../types.js';
import type { FileState } from './file-probe.js';
import { formatMode, resolveMode, type ModeSpec } from './mode.js';
import { flagChanges, type FileFlagArgs } from './file-flags.js';

export interface FileAttrArgs extends FileFlagArgs {
  mode?: ModeSpec;
  owner?: string;
  group?: string;
  unsafe_writes?: boolean;
  setype?: string;
  seuser?: string;
  serole?: string;
  selevel?: string;
}

/** JSON Schema properties shared by every module that sets file attributes (Ansible's common file args). */
export const fileAttrProperties = {
  mode: {
    type: ['string', 'integer'],
    pattern: '^(0?[0-7]{1,4}|preserve|[ugoa]*[-+=][rwxXstugo]*(,[ugoa]*[-+=][rwxXstugo]*)*)$',
    description:
      "Permissions: octal as a quoted string ('0644') or YAML octal (0644), or symbolic ('u=rw,g=r,o=r', 'a+x').",
  },
  owner: { type: 'string', description: 'Name (or uid) of the user that should own the file.' },
  group: { type: 'string', description: 'Name (or gid) of the group that should own the file.' },
  unsafe_writes: {
    type: 'boolean',
    description: 'Write in place when the atomic rename is impossible (a bind-mounted file such as /etc/hosts in a container).',
  },
  ...selinuxProperties(),
} as const;

/**
 * setype, seuser, serole, selevel: accepted so that roles written for SELinux hosts validate, and
 * ignored, as Ansible ignores them on a host where SELinux is off (ha-run does not set contexts).
 */
function selinuxProperties() {
  const part = (name: string) => ({ type: 'string', description: `SELinux ${name} of the file; ignored (as by Ansible where SELinux is off).` }) as const;
  return { setype: part('type'), seuser: part('user'), serole: part('role'), selevel: part('level (range)') };
}

/** A user or group given by name or number matches the file's name or id. */
export function sameId(wanted: string, name: string | undefined, id: number | undefined): boolean {
  return wanted === name || (/^\d+$/.test(wanted) && Number(wanted) === id);
}

/** The mode a file should have after this task, when args ask for one. */
export function wantedMode(args: FileAttrArgs, state: FileState | undefined, isDirectory: boolean): number | undefined {
  if (args.mode === undefined || args.mode === 'preserve') return undefined;
  return resolveMode(args.mode, state?.exists ? state.mode : undefined, isDirectory);
}

/** Changes that bring an EXISTING file's owner, group, mode and (when asked) attributes to what args ask. */
export function attrChanges(path: string, args: FileAttrArgs, state: FileState, options: { noFollow?: boolean } = {}): Change[] {
  const changes: Change[] = [];
  const q = shellQuote(path);
  const h = options.noFollow ? '-h ' : '';
  if (args.owner !== undefined && !sameId(args.owner, state.owner, state.uid)) {
    changes.push({
      summary: `owner ${state.owner} → ${args.owner}`,
      diff: { path, before: `owner: ${state.owner}\n`, after: `owner: ${args.owner}\n` },
      ops: [{ kind: 'exec', command: `chown ${h}-- ${shellQuote(args.owner)} ${q}` }],
    });
  }
  if (args.group !== undefined && !sameId(args.group, state.group, state.gid)) {
    changes.push({
      summary: `group ${state.group} → ${args.group}`,
      diff: { path, before: `group: ${state.group}\n`, after: `group: ${args.group}\n` },
      ops: [{ kind: 'exec', command: `chgrp ${h}-- ${shellQuote(args.group)} ${q}` }],
    });
  }
  // chmod on a symlink changes its target: never do that for a link we were asked to manage itself.
  const mode = state.type === 'link' ? undefined : wantedMode(args, state, state.type === 'directory');
  if (mode !== undefined && mode !== state.mode) {
    const before = formatMode(state.mode ?? 0);
    changes.push({
      summary: `mode ${before} → ${formatMode(mode)}`,
      diff: { path, before: `mode: ${before}\n`, after: `mode: ${formatMode(mode)}\n` },
      ops: [{ kind: 'exec', command: `chmod ${formatMode(mode)} -- ${q}` }],
    });
  }
  // Ansible sets attributes last; a symlink has none of its own (lsattr refuses it).
  if (state.type !== 'link') changes.push(...flagChanges(path, args, state.flags));
  return changes;
}

/** The attribute keys Ansible registers for a file (path/dest, mode, owner, group, uid, gid, size, state). */
export function fileResultKeys(state: FileState): Record<string, unknown> {
  if (!state.exists) return { state: 'absent' };
  return {
    state: state.type === 'link' ? 'link' : state.type === 'directory' ? 'directory' : state.type === 'file' ? 'file' : state.type,
    mode: state.mode === undefined ? undefined : formatMode(state.mode),
    owner: state.owner,
    group: state.group,
    uid: state.uid,
    gid: state.gid,
    size: state.size,
  };
}
