// Placeholder: the 'schema' command is being built; this file is replaced by its implementation.
import type { Command } from 'commander';
import { HaRunError } from '../errors.js';
import { action } from './action.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(
      action(async () => {
        throw new HaRunError('not-implemented', "'schema' is not built yet");
      }),
    );
}
