// `ha-run config dump [--only-changed]`: which ansible.cfg and ANSIBLE_* settings are in effect, from where.
import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { formatConfigDump } from '../config/dump.js';
import { ExitCode, ValidationError, hasErrors } from '../errors.js';
import { homedir } from 'node:os';
import { action } from './action.js';

export function registerConfig(program: Command): void {
  const config = program.command('config').description('Show the ansible.cfg and ANSIBLE_* settings ha-run uses, as `ansible-config` does.');
  config
    .command('dump')
    .description('list the settings in effect with where each came from (file:line or env), and those ha-run does not use')
    .option('--only-changed', 'only the settings a file or variable sets')
    .action(
      action(async (o: { onlyChanged?: boolean }) => {
        const loaded = loadConfig({ env: process.env, cwd: process.cwd(), home: process.env.HOME ?? homedir() });
        if (hasErrors(loaded.diagnostics)) throw new ValidationError(loaded.diagnostics);
        for (const d of loaded.diagnostics) process.stderr.write(`warning: ${d.message}\n`);
        process.stdout.write(formatConfigDump(loaded, o.onlyChanged === true));
        return ExitCode.ok;
      }),
    );
}
