// apt_repository: a one-line apt source, kept in the sources files as Ansible keeps it (file named
// from the URI unless `filename` says, a new file 0644 unless `mode` says), then apt-get update.
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { sourcesFiles } from './facts.js';
import { planAptRepository } from './plan.js';
import { aptRepositorySchema, type AptRepositoryArgs } from './schema.js';

export const aptRepositoryModule: DeclarativeModule<AptRepositoryArgs, Record<string, string>> = {
  kind: 'declarative',
  name: 'apt_repository',
  schema: aptRepositorySchema,
  gather: (ctx) => probeOf(ctx.conn).get(sourcesFiles, undefined),
  plan: planAptRepository,
  result: (args) => ({ repo: args.repo, state: args.state ?? 'present' }),
};
