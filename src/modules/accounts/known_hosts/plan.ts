// known_hosts' pure plan, Ansible's rules: the host's entry of the key's type is replaced when it differs
// (the new line goes last), an equal one is left alone; absent with a key removes that type's entry,
// absent without one every entry of the host. The file is rewritten whole, atomically.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Change, Op } from '../../types.js';
import { fileLines, hostFieldMatches, parseEntry, searchHost, withHashedHost, withoutHost } from './entries.js';
import type { KnownHostsFile } from './facts.js';
import type { KnownHostsArgs } from './schema.js';

export interface KnownHostsFacts {
  file: KnownHostsFile;
  /** The salt a hashed name is made with: random, chosen before planning so that the plan stays pure. */
  salt: Buffer;
}

export interface KnownHostsEdit {
  /** The new text, or undefined when the file stays as it is. */
  after?: string;
  /** Every entry of the host goes (absent without a key): ssh-keygen -R keeps the old file as path.old. */
  removesHost: boolean;
  /** What changes, for a person. */
  reason?: string;
}

export function hostName(args: KnownHostsArgs): string {
  return (args.name ?? args.host ?? '').toLowerCase();
}

/** The key line to write (hashed when asked, with its line end), after Ansible's checks of it. */
export function keyLine(args: KnownHostsArgs, salt: Buffer): string | undefined {
  const name = hostName(args);
  if (!args.key) {
    if ((args.state ?? 'present') !== 'absent') throw new ModuleFailure('No key specified when adding a host');
    return undefined;
  }
  let key = args.hash_host ? withHashedHost(args.key, name, salt) : args.key;
  if (!key.endsWith('\n')) key += '\n';
  if (/\S+(\s+)?,(\s+)?/.test(name)) {
    throw new ModuleFailure('Comma separated list of names is not supported. Please pass a single name to lookup in the known_hosts file.');
  }
  const entry = parseEntry(key);
  if (!entry || !hostFieldMatches(entry.host, name)) throw new ModuleFailure('Host parameter does not match hashed host field in supplied key');
  return key;
}

export function editKnownHosts(args: KnownHostsArgs, facts: KnownHostsFacts): KnownHostsEdit {
  const name = hostName(args);
  const present = (args.state ?? 'present') === 'present';
  const key = keyLine(args, facts.salt);
  const { file } = facts;
  const search = file.exists ? searchHost(file.content, name, key === undefined ? undefined : parseEntry(key)) : { found: false, replaceOrAdd: false, line: undefined };
  if (!present && key !== undefined && search.line === undefined) return { removesHost: false };
  if (!present && key === undefined) {
    return search.found ? { after: withoutHost(file.content, name), removesHost: true, reason: `remove every entry of ${name}` } : { removesHost: false };
  }
  if (!search.replaceOrAdd && search.found === present) return { removesHost: false };
  const lines = fileLines(file.content).filter((_, i) => !(i + 1 === search.line && (search.replaceOrAdd || !present)));
  if (present) lines.push(key!);
  const reason = !present ? `remove the ${parseEntry(key!)!.type} key of ${name}` : search.line !== undefined ? `replace the ${parseEntry(key!)!.type} key of ${name}` : `add a ${parseEntry(key!)!.type} key for ${name}`;
  return { after: lines.join(''), removesHost: false, reason };
}

export function planKnownHosts(args: KnownHostsArgs, facts: KnownHostsFacts): Change[] {
  const edit = editKnownHosts(args, facts);
  if (edit.after === undefined) return [];
  const { path } = facts.file;
  const ops: Op[] = [];
  if (edit.removesHost) ops.push({ kind: 'exec', command: `cp -p -- ${shellQuote(path)} ${shellQuote(`${path}.old`)}` });
  ops.push({ kind: 'put', path, data: edit.after });
  return [{ summary: `${edit.reason} in ${path}`, diff: { path, before: facts.file.content, after: edit.after }, ops }];
}

/** Ansible's diff, returned in every mode: before and after with their headers (/dev/null for a missing file). */
export function knownHostsDiff(args: KnownHostsArgs, facts: KnownHostsFacts): Record<string, string> {
  const { file } = facts;
  const after = editKnownHosts(args, facts).after ?? file.content;
  return { before_header: file.exists ? file.path : '/dev/null', after_header: file.path, before: file.content, after };
}
