// shell: run a command line through /bin/sh (or `executable`), with pipes, redirections and $VARS.
import { shellQuote } from '../connection/quote.js';
import type { ActionModule } from './types.js';
import { commandProperties, runCommandTask } from './command-run.js';
import { exactlyOne } from './schema-rules.js';

export interface ShellArgs {
  _raw_params?: string;
  cmd?: string;
  executable?: string;
  chdir?: string;
  creates?: string;
  removes?: string;
  stdin?: string;
  stdin_add_newline?: boolean;
  strip_empty_ends?: boolean;
}

export const shellModule: ActionModule<ShellArgs> = {
  kind: 'action',
  name: 'shell',
  freeForm: true,
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
  async run(ctx, args) {
    const text = args._raw_params ?? args.cmd ?? '';
    return runCommandTask(ctx, {
      line: `${shellQuote(args.executable ?? '/bin/sh')} -c ${shellQuote(text)}`,
      cmd: text,
      chdir: args.chdir,
      creates: args.creates,
      removes: args.removes,
      stdin: args.stdin,
      stdinAddNewline: args.stdin_add_newline,
      stripEmptyEnds: args.strip_empty_ends,
    });
  },
};
