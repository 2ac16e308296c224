// command: run a program with arguments, no shell (no pipes, redirections or $VARS expansion).
import { shellJoin } from '../connection/quote.js';
import type { ActionModule } from './types.js';
import { commandOptions, commandProperties, runCommandTask, type CommandLikeArgs } from './command-run.js';
import { shlexSplit, ShlexError } from '../util/shlex.js';
import { ModuleFailure } from './failure.js';
import { exactlyOne } from './schema-rules.js';

export interface CommandArgs extends CommandLikeArgs {
  argv?: string[];
}

export const commandModule: ActionModule<CommandArgs> = {
  kind: 'action',
  name: 'command',
  freeForm: true,
  commandLine: true,
  schema: {
    type: 'object',
    description: 'Runs a command on the target without a shell: arguments are passed as they are, nothing is expanded.',
    additionalProperties: false,
    properties: {
      ...commandProperties,
      cmd: { type: 'string', description: 'The command to run (instead of the free-form text).' },
      argv: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'The command as a list of arguments (no splitting at all).' },
    },
    allOf: exactlyOne('_raw_params', 'cmd', 'argv'),
  },
  async run(ctx, args) {
    const argv = args.argv ?? splitCommandLine(args._raw_params ?? args.cmd ?? '');
    if (argv.length === 0) throw new ModuleFailure('no command given');
    return runCommandTask(ctx, { line: shellJoin(argv), cmd: argv, ...commandOptions(args) });
  },
};

/** The free-form command line as words; a broken line fails the task with the reason. */
export function splitCommandLine(line: string): string[] {
  try {
    return shlexSplit(line);
  } catch (err) {
    if (err instanceof ShlexError) throw new ModuleFailure(`cannot split the command line: ${err.message}`);
    throw err;
  }
}
