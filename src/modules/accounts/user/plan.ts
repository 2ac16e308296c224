// user's pure plan, Ansible's rules (useradd for a new account, one usermod for what differs on an
// existing one, userdel for absent). The password hash goes to chpasswd -e on stdin, never argv.
import { shellQuote } from '../../../connection/quote.js';
import { missingNow, ModuleFailure } from '../../failure.js';
import type { Change, Op } from '../../types.js';
import { findGroup, type GroupEntry, type PasswdEntry, type ShadowEntry } from '../facts.js';
import { ACCOUNT_PATH } from '../tools.js';
import { keyPathScript, type HomeState, type SshKeyState } from './facts.js';
import type { UserArgs } from './schema.js';

export interface UserFacts {
  user?: PasswdEntry;
  shadow?: ShadowEntry;
  groups: GroupEntry[];
  home: HomeState;
  /** Read when generate_ssh_key is set. */
  sshKey?: SshKeyState;
}

const run = (words: string[]) => `${ACCOUNT_PATH}; ${words.join(' ')}`;

/** The supplementary groups asked for: Ansible joins the list with commas, then splits it again. */
export function wantedGroups(args: UserArgs): string[] | undefined {
  if (args.groups === undefined) return undefined;
  return [...new Set(args.groups.join(',').split(',').filter((g) => g !== '').map((g) => g.trim()))];
}

/** The key file asked for: relative to home unless absolute. */
export function keyFile(args: UserArgs): string {
  return args.ssh_key_file ?? `.ssh/id_${args.ssh_key_type ?? 'rsa'}`;
}

/** `expires` as the date useradd/usermod take (UTC day), or '' for "never" (a negative value). */
function expiryDate(expires: number): string {
  return expires < 0 ? '' : new Date(Math.floor(expires) * 1000).toISOString().slice(0, 10);
}

function groupMustExist(groups: readonly GroupEntry[], name: string): GroupEntry {
  const g = findGroup(groups, name);
  if (!g) throw missingNow(`Group ${name} does not exist`);
  return g;
}

function refuseUnsupported(args: UserArgs): void {
  if (args.local) throw new ModuleFailure("local: true needs libuser's luseradd, which ha-run does not drive; leave local unset");
  if (args.seuser !== undefined) throw new ModuleFailure('seuser needs SELinux, which ha-run does not manage; leave seuser unset');
}

export function planUser(args: UserArgs, facts: UserFacts): Change[] {
  refuseUnsupported(args);
  const name = shellQuote(args.name);
  if (args.state === 'absent') {
    if (!facts.user) return [];
    const flags = [...(args.force ? ['-f'] : []), ...(args.remove ? ['-r'] : [])];
    const how = [args.remove ? 'with its home' : '', args.force ? 'forced' : ''].filter(Boolean).join(', ');
    return [{ summary: `remove user ${args.name}${how ? ` (${how})` : ''}`, ops: [{ kind: 'exec', command: run(['userdel', ...flags, name]) }] }];
  }
  const changes = facts.user ? modifyUser(args, facts, facts.user) : [createUser(args, facts)];
  const created = !facts.user;
  if (!created && createHome(args) && !homeAfterChanges(args, facts, facts.user!)) changes.push(makeHome(args, facts.user!));
  changes.push(...passwordAge(args, facts, created));
  const key = sshKeyChange(args, facts);
  if (key) changes.push(key);
  return changes;
}

const createHome = (args: UserArgs) => args.create_home ?? args.createhome ?? true;

function passwordOp(args: UserArgs, hash: string): Op {
  const value = args.password_lock ? `!${hash}` : hash;
  // chpasswd -e stores the hash as given; it travels on stdin so no process list shows it.
  return { kind: 'exec', command: run(['chpasswd', '-e']), stdin: `${args.name}:${value}\n` };
}

function createUser(args: UserArgs, facts: UserFacts): Change {
  const w: string[] = ['useradd'];
  if (args.uid !== undefined) w.push('-u', String(args.uid), ...(args.non_unique ? ['-o'] : []));
  if (args.group !== undefined) w.push('-g', shellQuote(groupMustExist(facts.groups, args.group).name));
  // A group named like the user already exists: useradd would try to create it again (USERGROUPS_ENAB).
  else if (findGroup(facts.groups, args.name)) w.push('-N');
  const groups = wantedGroups(args);
  if (groups?.length) w.push('-G', shellQuote(groups.map((g) => groupMustExist(facts.groups, g).name).join(',')));
  if (args.comment !== undefined) w.push('-c', shellQuote(args.comment));
  if (args.home !== undefined) w.push('-d', shellQuote(args.home));
  if (args.shell !== undefined) w.push('-s', shellQuote(args.shell));
  if (args.expires !== undefined) w.push('-e', shellQuote(expiryDate(args.expires)));
  if (createHome(args)) {
    w.push('-m');
    if (args.skeleton !== undefined) w.push('-k', shellQuote(args.skeleton));
    if (args.umask !== undefined) w.push('-K', shellQuote(`UMASK=${args.umask}`));
  } else w.push('-M');
  if (args.system) w.push('-r');
  w.push(shellQuote(args.name));
  // useradd cannot create a home whose parent is missing.
  const parent = args.home !== undefined && createHome(args) ? args.home.replace(/\/+[^/]*\/*$/, '') : '';
  const ops: Op[] = [{ kind: 'exec', command: run([...(parent ? ['mkdir', '-p', shellQuote(parent), '&&'] : []), ...w]) }];
  if (args.password !== undefined) ops.push(passwordOp(args, args.password));
  const what = [args.uid !== undefined ? `uid ${args.uid}` : '', args.system ? 'system' : '', args.password !== undefined ? 'with a password' : ''].filter(Boolean);
  return { summary: `add user ${args.name}${what.length ? ` (${what.join(', ')})` : ''}`, ops };
}

function modifyUser(args: UserArgs, facts: UserFacts, user: PasswdEntry): Change[] {
  const w: string[] = [];
  const why: string[] = [];
  if (args.uid !== undefined && user.uid !== args.uid) {
    w.push('-u', String(args.uid), ...(args.non_unique ? ['-o'] : []));
    why.push(`uid ${user.uid} → ${args.uid}`);
  }
  if (args.group !== undefined) {
    const g = groupMustExist(facts.groups, args.group);
    if (g.gid !== user.gid) {
      w.push('-g', String(g.gid));
      why.push(`primary group ${findGroup(facts.groups, String(user.gid))?.name ?? user.gid} → ${g.name}`);
    }
  }
  const groups = wantedGroups(args);
  if (groups !== undefined) {
    const current = facts.groups.filter((g) => g.members.includes(user.name)).map((g) => g.name);
    if (groups.length === 0) {
      if (current.length && !args.append) {
        w.push('-G', "''");
        why.push(`leave groups ${current.join(', ')}`);
      }
    } else {
      for (const g of groups) groupMustExist(facts.groups, g);
      const missing = groups.filter((g) => !current.includes(g));
      const extra = current.filter((g) => !groups.includes(g));
      if (args.append ? missing.length > 0 : missing.length + extra.length > 0) {
        w.push(...(args.append ? ['-a'] : []), '-G', shellQuote(groups.join(',')));
        if (missing.length) why.push(`join ${missing.join(', ')}`);
        if (extra.length && !args.append) why.push(`leave ${extra.join(', ')}`);
      }
    }
  }
  const differs = (field: 'comment' | 'home' | 'shell', flag: string, extra: string[] = []) => {
    const want = args[field];
    if (want === undefined || user[field] === want) return;
    w.push(flag, shellQuote(want), ...extra);
    why.push(`${field} '${user[field]}' → '${want}'`);
  };
  differs('comment', '-c');
  differs('home', '-d', args.move_home ? ['-m'] : []);
  differs('shell', '-s');
  if (args.expires !== undefined) {
    const current = facts.shadow?.expires ?? -1;
    const want = expiryDate(args.expires);
    const have = current < 0 ? '' : expiryDate(current * 86400);
    if (have !== want) {
      w.push('-e', shellQuote(want));
      why.push(`expires ${have || 'never'} → ${want || 'never'}`);
    }
  }
  // The hash as stored: the passwd field, or the shadow one when the passwd field is a placeholder.
  const stored = user.password.length > 1 ? user.password : (facts.shadow?.password ?? '');
  const newHash = args.update_password !== 'on_create' && args.password !== undefined && stored.replace(/^!+/, '') !== args.password.replace(/^!+/, '');
  if (!newHash) {
    if (args.password_lock === true && !stored.startsWith('!')) {
      w.push('-L');
      why.push('lock the password');
    } else if (args.password_lock === false && stored.startsWith('!')) {
      w.push('-U');
      why.push('unlock the password');
    }
  }
  const changes: Change[] = [];
  if (w.length) changes.push({ summary: `change user ${args.name}: ${why.join(', ')}`, ops: [{ kind: 'exec', command: run(['usermod', ...w, shellQuote(args.name)]) }] });
  if (newHash) {
    const lock = args.password_lock && !stored.startsWith('!') ? ' and lock it' : '';
    changes.push({ summary: `set the password of ${args.name} (the hash differs)${lock}`, ops: [passwordOp(args, args.password!)] });
  }
  return changes;
}

/** Whether the home will exist once usermod ran: moved along (usermod -m), or already there. */
function homeAfterChanges(args: UserArgs, facts: UserFacts, user: PasswdEntry): boolean {
  const moved = args.home !== undefined && args.home !== user.home && args.move_home === true;
  return moved ? facts.home.current || facts.home.asked : facts.home.asked;
}

/** An existing account whose home is missing gets one, from the skeleton, as Ansible makes it. */
function makeHome(args: UserArgs, user: PasswdEntry): Change {
  const home = args.home ?? user.home;
  const h = shellQuote(home);
  const skel = shellQuote(args.skeleton ?? '/etc/skel');
  const umask = `u=$(sed -n 's/^UMASK[[:space:]]\\{1,\\}\\([0-7]\\{1,\\}\\)$/\\1/p' /etc/login.defs 2>/dev/null | tail -n 1)`;
  const command =
    `[ -e ${h} ] && exit 0\n` +
    `mkdir -p "$(dirname ${h})" && if [ -d ${skel} ]; then cp -a ${skel} ${h}; else mkdir ${h}; fi || exit 1\n` +
    `${umask}; if [ -n "$u" ]; then chmod "$(printf '%o' $(( 0777 & ~0$u )))" ${h}; fi\n` +
    `chown -R ${shellQuote(args.name)}: ${h}`;
  return { summary: `create the missing home ${home}`, ops: [{ kind: 'exec', command: run([command]) }] };
}

function passwordAge(args: UserArgs, facts: UserFacts, created: boolean): Change[] {
  const w: string[] = [];
  const why: string[] = [];
  const age = (want: number | undefined, have: number | undefined, flag: string, label: string) => {
    if (want === undefined || (!created && have === want)) return;
    w.push(flag, String(want));
    why.push(`${label} ${created || have === undefined || have < 0 ? '' : `${have} → `}${want} days`);
  };
  age(args.password_expire_min, facts.shadow?.min, '-m', 'minimum password age');
  age(args.password_expire_max, facts.shadow?.max, '-M', 'maximum password age');
  if (!w.length) return [];
  return [{ summary: `${args.name}: ${why.join(', ')}`, ops: [{ kind: 'exec', command: run(['chage', ...w, shellQuote(args.name)]) }] }];
}

/** Generate a key pair when the user has none (or force replaces it), as Ansible does. */
function sshKeyChange(args: UserArgs, facts: UserFacts): Change | undefined {
  if (!args.generate_ssh_key) return undefined;
  const key = facts.sshKey;
  if (key && (key.private || key.public) && !args.force) return undefined;
  if (args.ssh_key_passphrase !== undefined) {
    throw new ModuleFailure('ssh_key_passphrase is not supported by ha-run: ssh-keygen reads a passphrase only from a terminal, and a command line would show it');
  }
  const type = args.ssh_key_type ?? 'rsa';
  const comment = args.ssh_key_comment !== undefined ? shellQuote(args.ssh_key_comment) : '"ansible-generated on $(uname -n)"';
  const file = keyFile(args);
  const owner = shellQuote(`${args.name}:`);
  const command = [
    keyPathScript(args.name, file).replace('|| exit 0', '|| { echo "user has no home directory" >&2; exit 1; }'),
    `d=$(dirname "$p"); [ -d "$d" ] || { mkdir -m 0700 "$d" && chown ${owner} "$d"; } || exit 1`,
    'rm -f "$p" "$p.pub"',
    `ssh-keygen -q -t ${shellQuote(type)}${args.ssh_key_bits ? ` -b ${args.ssh_key_bits}` : ''} -C ${comment} -f "$p" -N '' </dev/null`,
    `chown ${owner} "$p" "$p.pub"`,
  ].join(' && ');
  const where = key?.path ?? (file.startsWith('/') ? file : `${args.home ?? facts.user?.home ?? `~${args.name}`}/${file}`);
  const summary = key && (key.private || key.public) ? `replace the SSH key ${where} (force)` : `generate an SSH key ${where} (${type})`;
  return { summary, ops: [{ kind: 'exec', command: run([command]) }] };
}

/** What Ansible's user module registers. */
export function userResult(args: UserArgs, after: UserFacts, before: UserFacts): Record<string, unknown> {
  const out: Record<string, unknown> = { name: args.name, state: args.state ?? 'present' };
  if (args.state === 'absent') return before.user ? { ...out, force: args.force ?? false, remove: args.remove ?? false } : out;
  if (before.user) Object.assign(out, { append: args.append ?? false, move_home: args.move_home ?? false });
  else Object.assign(out, { system: args.system ?? false, create_home: createHome(args) });
  if (args.password !== undefined) out.password = 'NOT_LOGGING_PASSWORD';
  const u = after.user;
  if (!u) return out;
  Object.assign(out, { uid: u.uid, group: u.gid, comment: u.comment, home: u.home, shell: u.shell });
  if (args.groups !== undefined) out.groups = args.groups.join(',');
  const kept = args.generate_ssh_key && !args.force && before.sshKey && (before.sshKey.private || before.sshKey.public);
  if (kept) out.warnings = [`Found existing ssh key ${before.sshKey!.private ? 'private' : 'public'} file "${before.sshKey!.path}${before.sshKey!.private ? '' : '.pub'}", no force, so skipping ssh-keygen generation`];
  if (args.generate_ssh_key && after.sshKey) {
    Object.assign(out, { ssh_fingerprint: after.sshKey.fingerprint, ssh_key_file: after.sshKey.path, ssh_public_key: after.sshKey.publicKey ?? null });
  }
  return out;
}
