// authorized_key (ansible.posix): public keys in a user's authorized_keys file, edited by ha-run
// and written atomically, owned by the user, mode 0600.
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { passwdEntry } from '../facts.js';
import { keyFileState } from './facts.js';
import { authorizedKeyResult, planAuthorizedKey, type AuthorizedKeyFacts } from './plan.js';
import { authorizedKeySchema, type AuthorizedKeyArgs } from './schema.js';

export const authorizedKeyModule: DeclarativeModule<AuthorizedKeyArgs, AuthorizedKeyFacts> = {
  kind: 'declarative',
  name: 'authorized_key',
  collection: 'ansible.posix',
  schema: authorizedKeySchema,
  async gather(ctx, args) {
    const [user, file] = await probeOf(ctx.conn).many(ask(passwdEntry, args.user), ask(keyFileState, { user: args.user, path: args.path }));
    return { user, file };
  },
  plan: planAuthorizedKey,
  result: (args, facts) => authorizedKeyResult(args, facts),
};
