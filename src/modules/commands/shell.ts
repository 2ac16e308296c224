// shell: run a command line through /bin/sh (or `executable`), with pipes, redirections and $VARS.
import { shellQuote } from '../../connection/quote.js';
import type { ActionModule } from '../types.js';
import { commandAsyncJob, commandOptions, commandProperties, runCommandTask, type CommandLikeArgs, type CommandTask } from './command-run.js';
import { exactlyOne } from '../schema-rules.js';

export interface ShellArgs extends CommandLikeArgs {
  executable?: string;
}

export const shellModule: ActionModule<ShellArgs> = {
  kind: 'action',
  name: 'shell',
  output: 'command',
  freeForm: true,
  commandLine: true,
  readsBeforeRunning: true,
  schema: {
    type: 'object',
    description: 'Runs a command line through a shell on the target (/bin/sh unless `executable` says otherwise).',
    additionalProperties: false,
    properties: {
      ...commandProperties,
      cmd: { type: 'string', description: 'The command line to run (instead of the free-form text).' },
      executable: { type: 'string', description: 'The shell to run the command with, e.g. /bin/bash. Default /bin/sh.' },
    },
    allOf: exactlyOne('_raw_params', 'cmd'),
  },
  asyncJob: commandAsyncJob(shellTaskOf),
  async run(ctx, args) {
    return runCommandTask(ctx, shellTaskOf(args));
  },
};

function shellTaskOf(args: ShellArgs): CommandTask {
  const text = args._raw_params ?? args.cmd ?? '';
  return { line: `${shellQuote(args.executable ?? '/bin/sh')} -c ${shellQuote(text)}`, cmd: text, ...commandOptions(args) };
}
