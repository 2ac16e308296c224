// group: a group in the target's group database, through groupadd/groupmod/groupdel.
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { groupEntry, type GroupEntry } from '../facts.js';
import { missingTools } from '../tools.js';
import { groupResult, planGroup } from './plan.js';
import { groupSchema, type GroupArgs } from './schema.js';

export const groupModule: DeclarativeModule<GroupArgs, GroupEntry | undefined> = {
  kind: 'declarative',
  name: 'group',
  schema: groupSchema,
  async gather(ctx, args) {
    const tools = args.state === 'absent' ? ['groupdel'] : ['groupadd', 'groupmod'];
    const [, group] = await probeOf(ctx.conn).many(ask(missingTools, { tools, purpose: 'manage groups' }), ask(groupEntry, args.name));
    return group;
  },
  plan: planGroup,
  result: (args, group) => groupResult(args, group),
};
