// authorized_key's pure plan, Ansible's rules: a key matches by its key data; present rewrites an
// entry whose type, options or comment differ (moving it after the others), absent drops it,
// exclusive drops every line not asked for. The file is written only when an entry changed.
import { shellQuote } from '../../../connection/quote.js';
import { missingNow, ModuleFailure } from '../../failure.js';
import type { Change, Op } from '../../types.js';
import type { PasswdEntry } from '../facts.js';
import type { KeyFileState } from './facts.js';
import { parseKey, parseKeyFile, parseOptions, sameOptions, serializeKeys, type KeyEntry } from './keys.js';
import type { AuthorizedKeyArgs } from './schema.js';

export interface AuthorizedKeyFacts {
  user?: PasswdEntry;
  file: KeyFileState;
}

/** The new file's text, or undefined when nothing changes. */
export function editKeys(args: AuthorizedKeyArgs, existing: string): string | undefined {
  const entries = parseKeyFile(existing);
  const firstNewRank = entries.size;
  const wanted = new Set<string>();
  let write = false;
  const lines = args.key.split(/\r\n|\r|\n/).filter((l) => l !== '' && !l.startsWith('#'));
  lines.forEach((line, rank) => {
    const parsed = parseKey(line, rank);
    if (!parsed || parsed.type === undefined) throw new ModuleFailure(`invalid key specified: ${line}`);
    const key: KeyEntry = {
      ...parsed,
      ...(args.key_options !== undefined ? { options: parseOptions(args.key_options) } : {}),
      ...(args.comment !== undefined ? { comment: args.comment } : {}),
    };
    const old = entries.get(key.id);
    if (args.state === 'absent') {
      if (old) {
        entries.delete(key.id);
        write = true;
      }
      return;
    }
    wanted.add(key.id);
    if (old && old.type === key.type && old.comment === key.comment && sameOptions(old.options, key.options)) return;
    // A new key, or one written differently: it goes after the file's entries, in the order given.
    entries.delete(key.id);
    entries.set(key.id, { ...key, rank: firstNewRank + rank });
    write = true;
  });
  if (args.state !== 'absent' && args.exclusive) {
    for (const id of [...entries.keys()]) {
      if (!wanted.has(id)) {
        entries.delete(id);
        write = true;
      }
    }
  }
  return write ? serializeKeys(entries) : undefined;
}

function describe(before: string, after: string): string {
  const keys = (text: string) => new Set([...parseKeyFile(text).values()].filter((e) => e.type !== undefined).map((e) => e.id));
  const [b, a] = [keys(before), keys(after)];
  const added = [...a].filter((k) => !b.has(k)).length;
  const removed = [...b].filter((k) => !a.has(k)).length;
  const parts = [added ? `add ${added} key${added > 1 ? 's' : ''}` : '', removed ? `remove ${removed} key${removed > 1 ? 's' : ''}` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'rewrite key lines (options, comment or other lines differ)';
}

export function planAuthorizedKey(args: AuthorizedKeyArgs, facts: AuthorizedKeyFacts): Change[] {
  if (/^http/.test(args.key)) {
    throw new ModuleFailure(`ha-run does not fetch keys from a URL (${args.key}): read them on the controller (e.g. the url lookup) and pass the text as key`);
  }
  if (!facts.user) {
    if (args.path === undefined) throw missingNow(`Failed to lookup user ${args.user}: the user does not exist`);
    throw missingNow(`Failed to lookup user ${args.user}: the user does not exist (it owns ${args.path})`);
  }
  const { file } = facts;
  const after = editKeys(args, file.content);
  if (after === undefined) return [];
  const path = args.follow ? file.realPath! : file.path!;
  const ops: Op[] = [];
  const dir = path.replace(/\/[^/]*$/, '') || '/';
  const owner = `${facts.user.uid}:${facts.user.gid}`;
  if (args.manage_dir !== false) {
    const sshDir = shellQuote(file.path!.replace(/\/[^/]*$/, '') || '/');
    ops.push({ kind: 'exec', command: `{ [ -d ${sshDir} ] || mkdir -m 0700 ${sshDir}; } && chown ${owner} ${sshDir} && chmod 0700 ${sshDir}` });
  }
  if (!file.dirExists || args.manage_dir === false) ops.push({ kind: 'exec', command: `mkdir -p ${shellQuote(dir)}` });
  ops.push({ kind: 'put', path, data: after, owner: String(facts.user.uid), group: String(facts.user.gid), mode: '0600' });
  return [{ summary: `${describe(file.content, after)} in ${path}`, diff: { path, before: file.content, after }, ops }];
}

/** What Ansible's authorized_key registers: its arguments and the file it used. */
export function authorizedKeyResult(args: AuthorizedKeyArgs, facts: AuthorizedKeyFacts): Record<string, unknown> {
  return {
    user: args.user,
    key: args.key,
    path: args.path ?? null,
    manage_dir: args.manage_dir ?? true,
    state: args.state ?? 'present',
    key_options: args.key_options ?? null,
    exclusive: args.exclusive ?? false,
    comment: args.comment ?? null,
    validate_certs: args.validate_certs ?? true,
    follow: args.follow ?? false,
    keyfile: facts.file.path ?? args.path ?? null,
  };
}
