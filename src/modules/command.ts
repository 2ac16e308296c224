// command: run a program with arguments, no shell (no pipes, redirections or $VARS expansion).
import { shellJoin } from '../connection/quote.js';
import type { ActionModule } from './types.js';
import { commandProperties, runCommandTask } from './command-run.js';
import { shlexSplit } from './shlex.js';
import { ModuleFailure } from './failure.js';
import { exactlyOne } from './schema-rules.js';

export interface CommandArgs {
  _raw_params?: string;
  cmd?: string;
  argv?: string[];
  chdir?: string;
  creates?: string;
  removes?: string;
  stdin?: string;
  stdin_add_newline?: boolean;
  strip_empty_ends?: boolean;
}

export const commandModule: ActionModule<CommandArgs> = {
  kind: 'action',
  name: 'command',
  freeForm: true,
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
    const argv = args.argv ?? shlexSplit(args._raw_params ?? args.cmd ?? '');
    if (argv.length === 0) throw new ModuleFailure('no command given');
    return runCommandTask(ctx, {
      line: shellJoin(argv),
      cmd: argv,
      chdir: args.chdir,
      creates: args.creates,
      removes: args.removes,
      stdin: args.stdin,
      stdinAddNewline: args.stdin_add_newline,
      stripEmptyEnds: args.strip_empty_ends,
    });
  },
};
