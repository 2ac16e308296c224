// apt_key's pure plan, on files: a key is trusted when a keyring apt reads holds it. Adding writes
// the key to `keyring` (appended) or to its own file in /etc/apt/trusted.gpg.d; removing rewrites
// each keyring holding it without it (deleting a keyring left empty).
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Change } from '../../types.js';
import { TRUSTED_DIR } from './facts.js';
import { armor, keyMatches, readKeys, type PgpKey } from './openpgp.js';
import type { AptKeyArgs } from './schema.js';

export interface AptKeyFacts {
  keyrings: Record<string, Buffer>;
  /** The key data from `data`, `file` or `url`. */
  source?: Buffer;
}

/** The id asked for, or the first key's fingerprint in the data (as Ansible reads it). */
export function wantedId(args: AptKeyArgs, facts: AptKeyFacts): string {
  if (args.id) {
    if (!/^(0x)?([0-9a-f]{8}|[0-9a-f]{16}|[0-9a-f]{40})$/i.test(args.id.replace(/\s+/g, ''))) throw new ModuleFailure('Invalid key_id', { id: args.id });
    return args.id.replace(/^0x/i, '').replace(/\s+/g, '').toUpperCase();
  }
  if (!facts.source) throw new ModuleFailure('one of id, data, file or url is required');
  return sourceKeys(facts.source)[0].fingerprint;
}

function sourceKeys(data: Buffer): PgpKey[] {
  try {
    return readKeys(data);
  } catch (err) {
    throw new ModuleFailure(`the key data is not an OpenPGP public key: ${(err as Error).message}`);
  }
}

/** Every key in the keyrings, by file (files apt could not read either are skipped). */
export function keysByFile(keyrings: Record<string, Buffer>): Map<string, PgpKey[]> {
  const out = new Map<string, PgpKey[]>();
  for (const [path, data] of Object.entries(keyrings)) {
    try {
      out.set(path, data.length ? readKeys(data) : []);
    } catch {
      out.set(path, []);
    }
  }
  return out;
}

export function planAptKey(args: AptKeyArgs, facts: AptKeyFacts): Change[] {
  if (args.keyserver) throw new ModuleFailure('keyserver is not supported by ha-run (it needs gpg on the target): give the key with data, file or url');
  const id = wantedId(args, facts);
  const byFile = keysByFile(facts.keyrings);
  const holders = [...byFile].filter(([, keys]) => keys.some((k) => keyMatches(k, id)));
  if (args.state === 'absent') return holders.map(([path, keys]) => withoutKey(path, keys, id));
  if (holders.length) return [];
  if (!facts.source) throw new ModuleFailure(`key ${id} is not in the keyrings and no data, file or url was given to add it`);
  const keys = sourceKeys(facts.source);
  const adding = args.id ? keys.filter((k) => keyMatches(k, id)) : keys;
  if (adding.length === 0) throw new ModuleFailure(`the key data holds no key with id ${id}`);
  const path = args.keyring ?? `${TRUSTED_DIR}/${adding[0].fingerprint.slice(-16)}.gpg`;
  const kept = byFile.get(path) ?? [];
  return [
    {
      summary: `add key ${adding.map((k) => k.fingerprint).join(', ')} to ${path}`,
      diff: { path, before: listing(kept), after: listing([...kept, ...adding]) },
      ops: [{ kind: 'put', path, data: keyringBytes(path, [...kept, ...adding]), mode: '0644' }],
    },
  ];
}

function withoutKey(path: string, keys: PgpKey[], id: string): Change {
  const left = keys.filter((k) => !keyMatches(k, id));
  const gone = keys.filter((k) => keyMatches(k, id)).map((k) => k.fingerprint);
  const diff = { path, before: listing(keys), after: listing(left) };
  if (left.length === 0) return { summary: `remove ${path} (it held only key ${gone.join(', ')})`, diff, ops: [{ kind: 'exec', command: `rm -f ${shellQuote(path)}` }] };
  return { summary: `remove key ${gone.join(', ')} from ${path}`, diff, ops: [{ kind: 'put', path, data: keyringBytes(path, left) }] };
}

/** A keyring file's bytes: armored for .asc (apt reads those armored), binary packets otherwise. */
function keyringBytes(path: string, keys: PgpKey[]): Buffer {
  const binary = Buffer.concat(keys.map((k) => k.bytes));
  return path.endsWith('.asc') ? Buffer.from(armor(binary)) : binary;
}

function listing(keys: PgpKey[]): string {
  return keys.map((k) => `${k.fingerprint}\n`).join('');
}
