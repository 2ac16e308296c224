// Placeholder: the 'inventory' command is being built; this file is replaced by its implementation.
import type { Command } from 'commander';
import { HaRunError } from '../errors.js';
import { action } from './action.js';

export function registerInventory(program: Command): void {
  program
    .command('inventory')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(
      action(async () => {
        throw new HaRunError('not-implemented', "'inventory' is not built yet");
      }),
    );
}
