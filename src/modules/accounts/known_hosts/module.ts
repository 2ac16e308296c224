// known_hosts: a host's public key in an SSH known_hosts file on the target, plain or hashed. Matching
// (hashed names included) is done by ha-run, so the target needs no ssh-keygen; the file is rewritten
// atomically. As Ansible's module, it returns its diff in every mode.
import { randomBytes } from 'node:crypto';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { formatMode } from '../../files/mode.js';
import { knownHostsFile } from './facts.js';
import { knownHostsDiff, planKnownHosts, type KnownHostsFacts } from './plan.js';
import { knownHostsSchema, type KnownHostsArgs } from './schema.js';

/** Ansible's salt for a hashed name is 20 random bytes, as ssh-keygen -H uses. */
const SALT_BYTES = 20;

export const knownHostsModule: DeclarativeModule<KnownHostsArgs, KnownHostsFacts> = {
  kind: 'declarative',
  name: 'known_hosts',
  schema: knownHostsSchema,
  returnsDiff: true,
  async gather(ctx, args) {
    const file = await probeOf(ctx.conn).get(knownHostsFile, args.path ?? '~/.ssh/known_hosts');
    return { file, salt: randomBytes(SALT_BYTES) };
  },
  plan: planKnownHosts,
  result(args, after, _changes, before) {
    const { stat } = after.file;
    return {
      name: args.name ?? args.host,
      key: args.key ?? null,
      path: after.file.path,
      hash_host: args.hash_host ?? false,
      // Ansible reports the file as it is now; its state is the file's, not the argument.
      ...(stat ? { state: 'file', mode: formatMode(stat.mode), owner: stat.owner, group: stat.group, uid: stat.uid, gid: stat.gid, size: stat.size } : { state: 'absent' }),
      diff: knownHostsDiff(args, before ?? after),
    };
  },
};
