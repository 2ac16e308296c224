// command: run a program with arguments, no shell (no pipes or redirections); like Ansible's, each
// argument's $VARS (from the target's environment) and leading ~ are expanded.
import type { ActionModule } from '../types.js';
import { commandAsyncJob, commandOptions, commandProperties, runCommandTask, type CommandLikeArgs, type CommandTask } from './command-run.js';
import { shlexSplit, ShlexError } from '../../util/shlex.js';
import { ModuleFailure } from '../failure.js';
import { atMostOne } from '../schema-rules.js';
import { commandScript } from './command-argv.js';

export interface CommandArgs extends CommandLikeArgs {
  argv?: string[];
  executable?: string;
}

export const commandModule: ActionModule<CommandArgs> = {
  kind: 'action',
  name: 'command',
  output: 'command',
  freeForm: true,
  commandLine: true,
  readsBeforeRunning: true,
  schema: {
    type: 'object',
    description: 'Runs a program on the target without a shell: no pipes or redirections; $VARS and a leading ~ in each argument are expanded.',
    additionalProperties: false,
    properties: {
      ...commandProperties,
      cmd: { type: 'string', description: 'The command to run (instead of the free-form text).' },
      argv: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'The command as a list of arguments (no splitting at all).' },
      executable: { type: 'string', description: 'Ignored with a warning, as Ansible does: use the shell module to choose a shell.' },
    },
    // No command at all, or a command line with argv, fails when the task runs, with Ansible's message
    // and rc (a task may expect it).
    allOf: atMostOne('_raw_params', 'cmd'),
  },
  asyncJob: commandAsyncJob(commandTaskOf),
  async run(ctx, args) {
    const result = await runCommandTask(ctx, commandTaskOf(args));
    if (args.executable === undefined) return result;
    const warning = `As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command' module. Not using '${args.executable}'.`;
    return { ...result, warnings: [warning] };
  },
};

function commandTaskOf(args: CommandArgs): CommandTask {
  if (args.argv !== undefined && (args._raw_params ?? args.cmd) !== undefined) throw new ModuleFailure('only command or argv can be given, not both', { rc: 256 });
  const argv = args.argv ?? splitCommandLine(args._raw_params ?? args.cmd ?? '');
  if (argv.length === 0) throw new ModuleFailure('no command given', { rc: 256 });
  return { line: commandScript(argv), cmd: argv, ...commandOptions(args) };
}

/** The free-form command line as words; a broken line fails the task with the reason. */
export function splitCommandLine(line: string): string[] {
  try {
    return shlexSplit(line);
  } catch (err) {
    if (err instanceof ShlexError) throw new ModuleFailure(`cannot split the command line: ${err.message}`);
    throw err;
  }
}
