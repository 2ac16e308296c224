#!/usr/bin/env node
// argv -> commands; nothing else. Each command lives in src/commands/.
import { Command, CommanderError } from 'commander';
import { ExitCode } from './errors.js';
import { reportError } from './commands/action.js';
import { registerRun } from './commands/run.js';
import { registerValidate } from './commands/validate.js';
import { registerInventory } from './commands/inventory.js';
import { registerSchema } from './commands/schema.js';
import { registerLab } from './commands/lab.js';
import { registerHostKeys } from './commands/hostkeys.js';
import { registerVault } from './commands/vault.js';
import { registerConfig } from './commands/config.js';
import { packageVersion } from './util/package-root.js';

export async function main(argv: string[]): Promise<void> {
  const program = new Command('ha-run')
    .description('Agentless, Ansible-compatible playbook runner: proves everything valid, then converges hosts over SSH.')
    .version(packageVersion(), '--version')
    .showHelpAfterError('(run `ha-run --help` for usage)')
    .exitOverride();
  registerRun(program);
  registerValidate(program);
  registerInventory(program);
  registerSchema(program);
  registerLab(program);
  registerHostKeys(program);
  registerVault(program);
  registerConfig(program);
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
