#!/usr/bin/env node
// argv -> commands; nothing else. The commands are defined in src/cli/program.ts, each in src/commands/.
import { CommanderError } from 'commander';
import { ExitCode } from './errors.js';
import { reportError } from './commands/action.js';
import { mistypedCommand } from './commands/top-level.js';
import { buildProgram } from './cli/program.js';

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  const args = argv.slice(2);
  if (args.length === 0) {
    // Nothing asked: say how to ask (to stderr, exit 5, as for any incomplete command line).
    program.outputHelp({ error: true });
    process.exitCode = ExitCode.badOptions;
    return;
  }
  const typo = mistypedCommand(program, args);
  if (typo) {
    process.exitCode = reportError(typo);
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; anything else is a usage error (Ansible: 5 = bad or incomplete options).
      process.exitCode = err.exitCode === 0 ? ExitCode.ok : ExitCode.badOptions;
      return;
    }
    process.exitCode = reportError(err);
  }
}

await main(process.argv);
