// mount's pure plan, state by state as ansible.posix decides: fstab edits (present,
// absent_from_fstab), unmount (unmounted, absent after its fstab line went), mount or remount
// (mounted: after the fstab line; ephemeral: without fstab) with Ansible's rollback of the fstab line
// and of the directories it made when the mount fails, and remounted (always a change).
import { posix } from 'node:path';
import { shellQuote } from '../../../connection/quote.js';
import { backupOp } from '../../files/content-file.js';
import { ModuleFailure } from '../../failure.js';
import type { FileState } from '../../files/file-probe.js';
import type { Change, Op } from '../../types.js';
import type { MountStatus } from './facts.js';
import { setMount, unsetMount, type FstabEdit } from './fstab.js';
import type { MountArgs } from './schema.js';
import { writeScript } from '../write-then.js';

export interface MountFacts {
  fstab: FileState;
  status?: MountStatus;
}

/** The arguments as Ansible completes them (and registers them). */
export interface MountSettings {
  name: string;
  src?: string;
  fstype?: string;
  opts: string;
  dump: string;
  passno: string;
  fstab: string;
  boot: string;
  warnings: string[];
}

export function mountSettings(args: MountArgs): MountSettings {
  const s: MountSettings = { name: (args.path ?? args.name)!, opts: args.opts ?? 'defaults', dump: args.dump ?? '0', passno: args.passno ?? '0', fstab: args.fstab ?? '/etc/fstab', boot: 'yes', warnings: [] };
  if (args.src !== undefined) s.src = args.src;
  if (args.fstype !== undefined) s.fstype = args.fstype;
  const opts = s.opts.split(',');
  if (opts.includes('noauto')) s.warnings.push("Ignore the 'boot' due to 'opts' contains 'noauto'.");
  else if (args.boot === false) {
    s.boot = 'no';
    if (opts.includes('defaults')) s.warnings.push("Ignore the 'boot' due to 'opts' contains 'defaults'.");
    else s.opts = [...opts, 'noauto'].join(',');
  }
  return s;
}

/** Whether the state needs to know what is mounted. */
export function needsMountStatus(args: MountArgs): boolean {
  return !['present', 'absent_from_fstab'].includes(args.state);
}

const q = shellQuote;

function mountWords(s: MountSettings, state: string): string {
  if (state === 'ephemeral') return `-t ${q(s.fstype!)}${s.opts !== 'defaults' ? ` -o ${q(s.opts)}` : ''} ${q(s.src!)}`;
  return s.fstab !== '/etc/fstab' ? `-T ${q(s.fstab)}` : '';
}

function mountCommand(s: MountSettings, state: string): string {
  return `mount ${mountWords(s, state)} ${q(s.name)}`.replace(/ +/g, ' ');
}

/** Ansible's remount: `mount -o remount`, and if that fails, umount then mount. */
function remountScript(s: MountSettings, state: string): string {
  const strict = state === 'remounted' && s.opts !== 'defaults';
  const opts = strict ? `remount,${s.opts}` : 'remount';
  const remount = `mount -o ${q(opts)} ${mountWords(s, state)} ${q(s.name)}`.replace(/ +/g, ' ');
  const refuse =
    'echo "Options were specified with remounted, but the remount command failed. Failing in order to prevent an unexpected mount result. Try replacing this command with a \\"state: unmounted\\" followed by a \\"state: mounted\\" using the full desired mount options instead." >&2; exit 1';
  return `o=$(${remount} 2>&1) || { ${strict ? `${refuse}; ` : ''}o=$(umount -- ${q(s.name)} 2>&1) && o=$(${mountCommand(s, state)} 2>&1); }`;
}

/** The directories above and at `path` that mounting may have to create, outermost first. */
function ancestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `${path.startsWith('/') ? '/' : ''}${parts.slice(0, i + 1).join('/')}`);
}

/**
 * Makes the mount point, writes the new fstab (stdin) when there is one, then mounts (or remounts);
 * on failure puts the old fstab back and removes the directories it made, as Ansible does. One op:
 * a failed mount is no change.
 */
function mountWithRollback(s: MountSettings, action: string, newFstab: string | undefined, fstabExists: boolean): Op {
  const dirs = ancestors(s.name);
  const f = q(s.fstab);
  const make = dirs.map((d, i) => `c${i}=; if [ ! -e ${q(d)} ]; then o=$(mkdir -- ${q(d)} 2>&1) || fail 'Error making dir'; c${i}=1; fi`);
  const undo = [
    ...(newFstab !== undefined ? [`cat -- "$old" > ${f}; rm -f -- "$old"`] : []),
    ...dirs.map((d, i) => `[ -z "$c${i}" ] || rmdir -- ${q(d)} 2>/dev/null`).reverse(),
  ].join('; ');
  const write =
    newFstab !== undefined
      ? [`${writeScript(s.fstab, newFstab, fstabExists ? {} : { mode: '0644' })} || { o='the fstab could not be written'; fail 'Error mounting'; }`]
      : [];
  const script = [
    ...(newFstab !== undefined ? [`old=$(mktemp) || exit 1; cat -- ${f} > "$old" 2>/dev/null`] : []),
    `fail() { ${undo}; printf '%s %s: %s\\n' "$1" ${q(s.name)} "$o" >&2; exit 1; }`,
    ...make,
    ...write,
    `${action} || fail 'Error mounting'`,
    ...(newFstab !== undefined ? ['rm -f -- "$old"'] : []),
  ].join('\n');
  return { kind: 'exec', command: script, stdin: newFstab ?? '' };
}

function fstabChange(s: MountSettings, args: MountArgs, facts: MountFacts, edit: FstabEdit, summary: string): Change {
  const before = facts.fstab.content?.toString('utf8') ?? '';
  const ops: Op[] = [];
  if (args.backup && facts.fstab.type === 'file') ops.push(backupOp(s.fstab));
  if (!facts.fstab.exists) ops.push({ kind: 'exec', command: `mkdir -p -- ${q(posix.dirname(s.fstab))}` });
  ops.push({ kind: 'put', path: s.fstab, data: edit.after, ...(facts.fstab.exists ? {} : { mode: '0644' }) });
  return { summary, diff: { path: s.fstab, before, after: edit.after }, ops };
}

export function planMount(args: MountArgs, facts: MountFacts): Change[] {
  const s = mountSettings(args);
  const text = facts.fstab.content?.toString('utf8') ?? '';
  const status = facts.status ?? { mounted: false, exists: false };
  const state = args.state;
  const entry = () => ({ src: s.src!, name: s.name, fstype: s.fstype!, opts: s.opts, dump: s.dump, passno: s.passno });
  if (facts.fstab.exists && facts.fstab.type !== 'file') throw new ModuleFailure(`${s.fstab} is not a file`);

  if (state === 'present' || state === 'absent_from_fstab') {
    const edit = state === 'present' ? setMount(text, entry(), true) : unsetMount(text, s.name, s.src);
    return edit.changed ? [fstabChange(s, args, facts, edit, `${state === 'present' ? 'fstab line for' : 'remove from fstab:'} ${s.name} in ${s.fstab}`)] : [];
  }
  if (state === 'absent') {
    const edit = unsetMount(text, s.name, s.src);
    if (!edit.changed) return [];
    const changes = [fstabChange(s, args, facts, edit, `remove from fstab: ${s.name} in ${s.fstab}`)];
    if (status.mounted) changes.push({ summary: `unmount ${s.name}`, ops: [{ kind: 'exec', command: `o=$(umount -- ${q(s.name)} 2>&1) || { printf 'Error unmounting %s: %s\\n' ${q(s.name)} "$o" >&2; exit 1; }` }] });
    if (status.exists) changes.push({ summary: `remove the mount point ${s.name}`, ops: [{ kind: 'exec', command: `o=$(rmdir -- ${q(s.name)} 2>&1) || { printf 'Error rmdir %s: %s\\n' ${q(s.name)} "$o" >&2; exit 1; }` }] });
    return changes;
  }
  if (state === 'unmounted') {
    if (!status.mounted) return [];
    return [{ summary: `unmount ${s.name}`, ops: [{ kind: 'exec', command: `o=$(umount -- ${q(s.name)} 2>&1) || { printf 'Error unmounting %s: %s\\n' ${q(s.name)} "$o" >&2; exit 1; }` }] }];
  }
  if (state === 'remounted') {
    return [{ summary: `remount ${s.name}`, ops: [{ kind: 'exec', command: `${remountScript(s, state)} || { printf 'Error remounting %s: %s\\n' ${q(s.name)} "$o" >&2; exit 1; }` }] }];
  }
  // mounted, ephemeral: the fstab line (mounted only) goes in the same step as the mount.
  const edit = state === 'mounted' ? setMount(text, entry(), true) : undefined;
  const newFstab = edit?.changed ? edit.after : undefined;
  const fstabPart = newFstab !== undefined ? `fstab line for ${s.name} in ${s.fstab}, ` : '';
  const diff = newFstab !== undefined ? { path: s.fstab, before: text, after: newFstab } : undefined;
  const backup: Op[] = newFstab !== undefined && args.backup && facts.fstab.type === 'file' ? [backupOp(s.fstab)] : [];
  const step = (summary: string, action: string): Change => ({ summary: `${fstabPart}${summary}`, diff, ops: [...backup, mountWithRollback(s, action, newFstab, facts.fstab.exists)] });
  if (status.mounted) {
    if (state === 'ephemeral') {
      if (status.source !== s.src) {
        throw new ModuleFailure(
          'Ephemeral mount point is already mounted with a different source than the specified one. Failing in order to prevent an unwanted unmount or override operation. Try replacing this command with a "state: unmounted" followed by a "state: ephemeral", or use a different destination path.',
        );
      }
      return [step(`remount ${s.name}`, `{ ${remountScript(s, state)}; }`)];
    }
    return newFstab !== undefined ? [step(`remount ${s.name} (its fstab line changed)`, `{ ${remountScript(s, state)}; }`)] : [];
  }
  return [step(`mount ${s.name}${status.exists ? '' : ' (mount point created)'}`, `o=$(${mountCommand(s, state)} 2>&1)`)];
}
