// A user's crontab as `crontab -l` prints it. `-u USER` only for another user than the one running
// it: crontab refuses -u to an unprivileged user, even for themselves.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Fact } from '../../kit/fact.js';

/** The crontab command for `user` (or the running user), with its action ('-l', or '-' to install from stdin). */
export function crontabCommand(user: string | undefined, action: '-l' | '-'): string {
  if (user === undefined) return `crontab ${action}`;
  const q = shellQuote(user);
  return `if [ "$(id -un)" = ${q} ]; then crontab ${action}; else crontab -u ${q} ${action}; fi`;
}

/** The crontab's text; '' when the user has none (crontab -l exits 1, as Ansible reads it). */
export const userCrontab: Fact<string | undefined, string> = {
  name: 'the crontab',
  requires: ['crontab'],
  script: (user) => `${crontabCommand(user, '-l')} 2>&1`,
  parse(stdout, user, rc) {
    if (rc === 0) return stdout;
    if (rc === 1) return '';
    throw new ModuleFailure(`Unable to read crontab${user === undefined ? '' : ` of ${user}`}: ${stdout.trim()}`);
  },
};
