// `ha-run recap LOG...`: one PLAY RECAP and one exit code for a run sliced across controllers (--slice
// K/N): reads each slice's --json output (or its run log) and merges them (executor/merge-slices.ts).
import type { Command } from 'commander';
import { mergeSliceRuns, sliceRunOf } from '../executor/merge-slices.js';
import { colourWanted } from '../output/colour.js';
import { readEventLog } from '../output/event-log.js';
import { eventLine } from '../output/json.js';
import { formatRecap } from '../output/recap.js';
import { stdoutWriter } from '../output/setup.js';
import { action } from './action.js';

export function registerRecap(program: Command): void {
  program
    .command('recap')
    .description('Merge the --json event logs of the slices of one run (--slice K/N) into one PLAY RECAP and exit code.')
    .argument('<logs...>', "each slice's --json output (or run log)")
    .option('--json', 'print the merged run_end event instead of text')
    .action(
      action(async (files: string[], o: { json?: boolean }) => {
        const runs = [];
        for (const file of files) runs.push(sliceRunOf(file, await readEventLog(file)));
        const merged = mergeSliceRuns(runs);
        const write = stdoutWriter();
        if (o.json) {
          const aborted = merged.aborted.length > 0 ? { aborted: merged.aborted.join('; ') } : {};
          write(eventLine('run_end', { stats: merged.stats, exitCode: merged.exitCode, durationMs: merged.durationMs, ...aborted }) + '\n');
        } else {
          for (const line of merged.aborted) write(`${line}\n`);
          write(`\n${formatRecap(merged.stats, colourWanted(process.stdout.isTTY === true))}\n\n`);
        }
        return merged.exitCode;
      }),
    );
}
