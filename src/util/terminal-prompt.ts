// Asking a question on the terminal: hidden (passwords, never echoed) or echoed. Without a terminal there
// is nobody to ask: the caller's error says so and names the non-interactive way.
import { ExitCode, HaRunError } from '../errors.js';

export interface AskOptions {
  /** Echo what is typed (a non-private vars_prompt); hidden otherwise. */
  echo?: boolean;
  /** The error when stdin is no terminal: what was to be asked, and how to give it instead. */
  noTerminal: () => HaRunError;
  /** For the Ctrl-C message: what was being asked for. */
  what: string;
}

/** What was typed after the Enter that ended the last answer (typed ahead, or pasted): the next answer's start. */
let typedAhead = '';

/** The line typed after `question` (written to stderr), without its end of line. Nothing typed is logged. */
export async function askOnTerminal(question: string, options: AskOptions): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) throw options.noTerminal();
  // Raw mode (no echo) before the question shows: an answer typed or pasted at once is never echoed.
  input.setRawMode(true);
  input.resume();
  process.stderr.write(question);
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const take = (text: string): boolean => {
        const chars = [...text];
        for (let i = 0; i < chars.length; i++) {
          const ch = chars[i]!;
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            // A \r\n pair is one Enter.
            const next = ch === '\r' && chars[i + 1] === '\n' ? i + 2 : i + 1;
            typedAhead = chars.slice(next).join('');
            input.off('data', onData);
            resolve(typed);
            return true;
          }
          if (ch === '\u0003') {
            typedAhead = '';
            input.off('data', onData);
            reject(new HaRunError('interrupted', `interrupted while asking for ${options.what}`, { exitCode: ExitCode.interrupted }));
            return true;
          }
          if (ch === '\u007f' || ch === '\b') {
            if (options.echo && typed.length > 0) process.stderr.write('\b \b');
            typed = typed.slice(0, -1);
          } else {
            typed += ch;
            if (options.echo) process.stderr.write(ch);
          }
        }
        return false;
      };
      const onData = (chunk: Buffer): void => {
        take(chunk.toString('utf8'));
      };
      const ahead = typedAhead;
      typedAhead = '';
      if (!take(ahead)) input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  }
}
