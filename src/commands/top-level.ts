// What `ha-run` itself answers, before any command runs: usage without arguments, "did you mean" for a
// mistyped command, the run options in `ha-run --help`, and the long --version.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { ExitCode, HaRunError } from '../errors.js';
import { rolesPathFromEnv } from '../playbook/roles-path.js';
import { activeConfig, configValue } from '../config/active.js';
import { closest } from '../util/did-you-mean.js';
import { packageVersion } from '../util/package-root.js';
import { versionText } from './version.js';

/** `ha-run --help` also lists the default command's options: they are the ones people run with. */
export function addRunOptionsToHelp(program: Command): void {
  program.addHelpText('after', () => {
    const run = program.commands.find((c) => c.name() === 'run');
    if (!run) return '';
    const helper = run.createHelp();
    helper.prepareContext({ helpWidth: process.stdout.columns ?? 80, outputHasColors: false });
    const width = helper.longestOptionTermLength(run, helper);
    const items = helper.visibleOptions(run).map((o) => helper.formatItem(helper.optionTerm(o), width, helper.optionDescription(o), helper));
    return `\nRun options (ha-run PLAYBOOK... -i INVENTORY [options]; most apply to adhoc too):\n${items.join('\n')}\n`;
  });
}

/**
 * A first word that is no command, no existing file and no playbook name, but close to a command name,
 * is a typo (`ha-run invetory`): say so, rather than try to run it as a playbook.
 */
export function mistypedCommand(program: Command, args: readonly string[]): HaRunError | undefined {
  const first = args[0];
  if (first === undefined || first.startsWith('-') || existsSync(first) || /[./]/.test(first)) return undefined;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (names.includes(first)) return undefined;
  const near = closest(first, names);
  if (near === undefined) return undefined;
  return new HaRunError('unknown-command', `'${first}' is not an ha-run command, nor a playbook file`, {
    exitCode: ExitCode.badOptions,
    hint: `did you mean 'ha-run ${near}'? (ha-run --help lists the commands)`,
  });
}

export function longVersion(): string {
  let configFile: string | undefined;
  let rolesPath = rolesPathFromEnv();
  try {
    configFile = activeConfig().file;
    rolesPath = configValue<string[]>('roles_path') ?? rolesPath;
  } catch {
    // A broken ansible.cfg is reported by the commands that use it; --version still answers.
  }
  return versionText({
    version: packageVersion(),
    configFile,
    rolesPath,
    executable: process.argv[1] ?? 'ha-run',
    nodeVersion: process.version,
  });
}
