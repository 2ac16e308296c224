// raw: send the text as it is to the target's shell (Ansible uses it to bootstrap hosts).
import { shellQuote } from '../../connection/quote.js';
import type { ActionModule } from '../types.js';
import { runCommandTask } from './command-run.js';

export interface RawArgs {
  _raw_params: string;
  executable?: string;
}

export const rawModule: ActionModule<RawArgs> = {
  kind: 'action',
  name: 'raw',
  output: 'command',
  freeForm: true,
  commandLine: true,
  schema: {
    type: 'object',
    description: 'Runs the text as it is in the remote shell: no module machinery, no creates/removes.',
    additionalProperties: false,
    required: ['_raw_params'],
    properties: {
      _raw_params: { type: 'string', description: 'The command line to send.' },
      executable: { type: 'string', description: 'Run the text with this shell (`executable -c text`).' },
    },
  },
  async run(ctx, args) {
    const line = args.executable ? `${shellQuote(args.executable)} -c ${shellQuote(args._raw_params)}` : args._raw_params;
    const r = await runCommandTask(ctx, { line, cmd: args._raw_params });
    // raw registers only what the remote shell said: no cmd, start, end or delta.
    const { cmd: _cmd, start: _s, end: _e, delta: _d, ...rest } = r;
    return rest;
  },
};
