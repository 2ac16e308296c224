// Placeholder: the 'validate' command is being built; this file is replaced by its implementation.
import type { Command } from 'commander';
import { HaRunError } from '../errors.js';
import { action } from './action.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(
      action(async () => {
        throw new HaRunError('not-implemented', "'validate' is not built yet");
      }),
    );
}
