// `ha-run completion bash|zsh`: prints a completion script made from the command definitions themselves.
import type { Command } from 'commander';
import { bashCompletion, zshCompletion, type OptionValues } from '../cli/completion.js';
import { commandSpec } from '../cli/spec.js';
import { ExitCode, HaRunError } from '../errors.js';
import { moduleNames } from '../modules/registry.js';
import { didYouMean } from '../util/did-you-mean.js';
import { action } from './action.js';

const SHELLS = ['bash', 'zsh'] as const;

/** Values worth offering: every module name for -m, the connection types for -c. */
function optionValues(): OptionValues {
  return { '--module-name': moduleNames().filter((n) => !n.includes('.')).sort(), '--connection': ['ssh', 'local'] };
}

export function registerCompletion(program: Command): void {
  program
    .command('completion')
    .description(`Print a shell completion script (${SHELLS.join(', ')}).`)
    .argument('<shell>', SHELLS.join(' | '))
    .addHelpText('after', '\nbash: ha-run completion bash > ~/.local/share/bash-completion/completions/ha-run\nzsh:  ha-run completion zsh > "${fpath[1]}/_ha-run"   (a directory on $fpath; then restart zsh)')
    .action(
      action(async (shell: string) => {
        if (!(SHELLS as readonly string[]).includes(shell)) {
          throw new HaRunError('bad-option', `no completion for '${shell}'${didYouMean(shell, SHELLS)}: one of ${SHELLS.join(', ')}`, { exitCode: ExitCode.badOptions });
        }
        const spec = commandSpec(program);
        process.stdout.write(shell === 'bash' ? bashCompletion(spec, optionValues()) : zshCompletion(spec, optionValues()));
      }),
    );
}
