// The whole command line, defined once: every command registers its own options here, and help,
// completion and the man page are generated from this one tree.
import { Command } from 'commander';
import { registerCompletion } from '../commands/completion.js';
import { registerConfig } from '../commands/config.js';
import { registerHostKeys } from '../commands/hostkeys.js';
import { registerInventory } from '../commands/inventory.js';
import { registerLab } from '../commands/lab.js';
import { registerMan } from '../commands/man.js';
import { registerRecap } from '../commands/recap.js';
import { registerRun } from '../commands/run.js';
import { registerSchema } from '../commands/schema.js';
import { addRunOptionsToHelp, longVersion } from '../commands/top-level.js';
import { registerValidate } from '../commands/validate.js';
import { registerVault } from '../commands/vault.js';

export function buildProgram(): Command {
  const program = new Command('ha-run')
    .description('Agentless, Ansible-compatible playbook runner: proves everything valid, then converges hosts over SSH.')
    .version(longVersion(), '--version', 'show the version, the config file in use, the roles path and the runtime')
    .showHelpAfterError('(run `ha-run --help` for usage)')
    .exitOverride();
  registerRun(program);
  registerValidate(program);
  registerRecap(program);
  registerInventory(program);
  registerSchema(program);
  registerLab(program);
  registerHostKeys(program);
  registerVault(program);
  registerConfig(program);
  registerCompletion(program);
  registerMan(program);
  addRunOptionsToHelp(program);
  return program;
}
