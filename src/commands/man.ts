// `ha-run man`: the man page, in roff, made from the command definitions (install: see README); the build
// writes the same page to man/ha-run.1, which npm installs with the package.
import type { Command } from 'commander';
import { manPage } from '../cli/man-page.js';
import { commandSpec } from '../cli/spec.js';
import { packageVersion } from '../util/package-root.js';
import { action } from './action.js';

const EXIT_STATUS = [
  ['0', 'success (also: no hosts matched)'],
  ['1', 'any other error'],
  ['2', 'one or more hosts failed'],
  ['3', 'one or more hosts were unreachable'],
  ['4', 'invalid input: problems found before connecting'],
  ['5', 'bad or incomplete command-line options'],
  ['99', 'interrupted (Ctrl-C)'],
  ['143', 'stopped by SIGTERM'],
  ['250', 'internal error (a bug)'],
];

const SEE_ALSO = '\\fBansible\\-playbook\\fR(1), \\fBansible\\fR(1), \\fBansible\\-vault\\fR(1), and the README of ha\\-run.';

/** The whole man page of this version: also written to man/ha-run.1 by the build (scripts/build.mjs). */
export function manPageText(program: Command): string {
  const exitStatus = EXIT_STATUS.map(([code, meaning]) => `.TP\n.B ${code}\n${meaning}`).join('\n');
  return manPage(commandSpec(program), { version: packageVersion(), extraSections: [['EXIT STATUS', exitStatus], ['SEE ALSO', SEE_ALSO]] });
}

export function registerMan(program: Command): void {
  program
    .command('man')
    .description('Print the man page (roff): ha-run man > ~/.local/share/man/man1/ha-run.1')
    .action(
      action(async () => {
        process.stdout.write(manPageText(program));
      }),
    );
}
