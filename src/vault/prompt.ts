// Asking for a vault password on the terminal without echoing it. Without a terminal there is nobody to
// ask: say so, and name the options that work there.
import { ExitCode, HaRunError } from '../errors.js';
import { askOnTerminal } from '../util/terminal-prompt.js';

export function askHidden(question: string): Promise<string> {
  return askOnTerminal(question, {
    what: 'the vault password',
    noTerminal: () =>
      new HaRunError('vault-no-terminal', 'a vault password was to be asked for (--ask-vault-pass or a vault id from `prompt`), but stdin is not a terminal', {
        exitCode: ExitCode.badOptions,
        hint: 'give it with --vault-password-file FILE or --vault-id LABEL@FILE (a file, or an executable that prints the password)',
      }),
  });
}
