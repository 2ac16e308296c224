// fail: stop this host with a message.
import type { ActionModule } from '../types.js';

export interface FailArgs {
  msg?: unknown;
}

export const failModule: ActionModule<FailArgs> = {
  kind: 'action',
  name: 'fail',
  controllerOnly: true,
  schema: {
    type: 'object',
    description: 'Fails the task (usually under `when`) with a message.',
    additionalProperties: false,
    properties: { msg: { description: 'Why it failed.', default: 'Failed as requested from task' } },
  },
  async run(_ctx, args) {
    const msg = args.msg ?? 'Failed as requested from task';
    return { changed: false, failed: true, msg: typeof msg === 'string' ? msg : JSON.stringify(msg) };
  },
};
