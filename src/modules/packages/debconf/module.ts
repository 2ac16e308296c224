// debconf: a package's pre-seeded answers, read with debconf-show and set with
// debconf-set-selections (both from the debconf package itself).
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { debconfAnswers } from './facts.js';
import { debconfTarget, planDebconf, type DebconfChange } from './plan.js';
import { debconfSchema, type DebconfArgs } from './schema.js';

export const debconfModule: DeclarativeModule<DebconfArgs, Record<string, string>> = {
  kind: 'declarative',
  name: 'debconf',
  schema: debconfSchema,
  gather: (ctx, args) => probeOf(ctx.conn).get(debconfAnswers, debconfTarget(args).pkg),
  plan: planDebconf,
  result(_args, answers, changes) {
    const change = changes[0] as DebconfChange | undefined;
    return change ? { msg: '', current: change.current, previous: change.previous } : { msg: '', current: answers };
  },
};
