// getent: reads a name service database into the fact getent_<database>; changes nothing.
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { getentAnswer, type GetentAnswer } from './facts.js';
import { getentRecords } from './records.js';
import { getentSchema, type GetentArgs } from './schema.js';

export const getentModule: DeclarativeModule<GetentArgs, GetentAnswer> = {
  kind: 'declarative',
  name: 'getent',
  schema: getentSchema,
  setsVars: 'named-facts',
  definesVars: { prefix: 'getent_', argument: 'database' },
  gather: (ctx, args) => probeOf(ctx.conn).get(getentAnswer, args),
  plan: (args, answer) => {
    // Only to fail before anything is registered: getent never changes the host.
    getentRecords(args, answer);
    return [];
  },
  result: (args, answer) => getentRecords(args, answer),
};
