// Placeholder: the 'lab' command is being built; this file is replaced by its implementation.
import type { Command } from 'commander';
import { HaRunError } from '../errors.js';
import { action } from './action.js';

export function registerLab(program: Command): void {
  program
    .command('lab')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(
      action(async () => {
        throw new HaRunError('not-implemented', "'lab' is not built yet");
      }),
    );
}
