// The run-twice rule for playbook tests: the first run succeeds, the second changes nothing.
import { expect } from 'vitest';
import { type CliRun, recapOf, runCli, totals } from '../executor/cli.js';

export interface TwoRuns {
  first: CliRun;
  second: CliRun;
}

/** Runs ha-run with `args` twice; both must exit 0 and the second must report changed=0 on every host. */
export async function runTwice(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<TwoRuns> {
  const first = await runCli(args, options);
  expect(first.code, `first run:\n${first.stdout}${first.stderr}`).toBe(0);
  const second = await runCli(args, options);
  expect(second.code, `second run:\n${second.stdout}${second.stderr}`).toBe(0);
  expect(totals(recapOf(second.stdout), 'changed'), `second run must change nothing:\n${second.stdout}`).toBe(0);
  return { first, second };
}
