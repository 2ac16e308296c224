// `ha-run validate PLAYBOOK -i INV [--limit P] [-e k=v]`: every problem at once, or a one-line summary.
import type { Command } from 'commander';
import { relative } from 'node:path';
import { parseExtraVars } from '../executor/extra-vars.js';
import { parseSlice } from '../executor/slice.js';
import { formatDiagnostic, sortDiagnostics, sourceReader } from '../output/diagnostics.js';
import { validateRun, type ValidatedRun } from '../playbook/validate-run.js';
import { diagnosticLines, diagnosticsOf, validateEndLine } from '../output/diagnostic-events.js';
import { tasksOf } from '../playbook/walk.js';
import type { Playbook } from '../playbook/types.js';
import { action } from './action.js';
import { useVaultOptions, withVaultOptions } from './vault-options.js';
import type { VaultCliOptions } from '../vault/vault-id.js';

interface ValidateOptions extends VaultCliOptions {
  inventory: string[];
  limit?: string;
  extraVars: string[];
  json?: boolean;
  slice?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerValidate(program: Command): void {
  withVaultOptions(program.command('validate'))
    .description('Check a playbook and its inventory without connecting anywhere: syntax, schemas, modules, roles, handlers, host patterns, variables.')
    .argument('<playbook>', 'playbook file')
    .requiredOption('-i, --inventory <source>', 'inventory file, directory or host list (repeatable)', collect, [])
    .option('-l, --limit <pattern>', 'further limit selected hosts to this pattern')
    .option('-e, --extra-vars <vars>', 'extra variables: key=value, JSON/YAML mapping, or @file (repeatable)', collect, [])
    .option('--json', 'print each problem as a JSON event line (`diagnostic`), then `validate_end`')
    .option('--slice <K/N>', 'also check that the plays can run sliced (as `ha-run PLAYBOOK --slice K/N` does before connecting)')
    .action(
      action(async (playbookFile: string, options: ValidateOptions) => {
        let run: ValidatedRun;
        try {
          await useVaultOptions(options);
          const extraVars = parseExtraVars(options.extraVars);
          // The same K/N a run takes (checked as a run checks it); which slice does not change what is refused.
          if (options.slice !== undefined) parseSlice(options.slice);
          run = validateRun({ playbook: playbookFile, inventorySources: options.inventory, limit: options.limit, extraVars, sliced: options.slice !== undefined });
        } catch (err) {
          // Machines get the problems on stdout; people still get them, framed, on stderr.
          const problems = options.json ? diagnosticsOf(err) : undefined;
          if (problems) process.stdout.write(diagnosticLines(problems) + validateEndLine({ playbook: playbookFile }, problems));
          throw err;
        }
        const read = sourceReader();
        for (const d of sortDiagnostics(run.diagnostics)) process.stderr.write(formatDiagnostic(d, read) + '\n\n');
        const hosts = new Set(run.hostsByPlay.flatMap((h) => h ?? []));
        const plays = run.playbook.plays.length;
        const tasks = countTasks(run.playbook);
        if (options.json) {
          process.stdout.write(diagnosticLines(run.diagnostics) + validateEndLine({ playbook: run.playbook.file, plays, tasks, hosts: hosts.size }, run.diagnostics));
          return;
        }
        process.stdout.write(
          `${relative(process.cwd(), run.playbook.file) || run.playbook.file}: valid (${plural(plays, 'play')}, ${plural(tasks, 'task')}, ${plural(hosts.size, 'host')}` +
            `${run.diagnostics.length > 0 ? `, ${plural(run.diagnostics.length, 'warning')}` : ''})\n`,
        );
      }),
    );
}

function countTasks(playbook: Playbook): number {
  const seen = new Set<object>();
  for (const play of playbook.plays) for (const { task } of tasksOf(play)) seen.add(task);
  return seen.size;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
