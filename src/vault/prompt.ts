// Asking for a password on the terminal without echoing it. Without a terminal there is nobody to ask:
// say so, and name the options that work there.
import { ExitCode, HaRunError } from '../errors.js';

export async function askHidden(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    throw new HaRunError('vault-no-terminal', 'a vault password was to be asked for (--ask-vault-pass or a vault id from `prompt`), but stdin is not a terminal', {
      exitCode: ExitCode.badOptions,
      hint: 'give it with --vault-password-file FILE or --vault-id LABEL@FILE (a file, or an executable that prints the password)',
    });
  }
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: Buffer): void => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            input.off('data', onData);
            return resolve(typed);
          }
          if (ch === '\u0003') {
            input.off('data', onData);
            return reject(new HaRunError('interrupted', 'interrupted while asking for the vault password', { exitCode: ExitCode.interrupted }));
          }
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  }
}
