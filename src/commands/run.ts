// Placeholder: the 'run' command is being built; this file is replaced by its implementation.
import type { Command } from 'commander';
import { HaRunError } from '../errors.js';
import { action } from './action.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(
      action(async () => {
        throw new HaRunError('not-implemented', "'run' is not built yet");
      }),
    );
}
