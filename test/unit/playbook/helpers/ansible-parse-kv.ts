// Runs ansible-core's parse_kv/split_args once for a batch of argument strings (see ansible_parse_kv.py).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type ReferenceParse = { args: Record<string, string>; tokens: string[] } | { error: string };

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./ansible_parse_kv.py', import.meta.url));

/** Whether ansible-core can be imported; tests are skipped (with a visible reason) when it cannot. */
export function ansibleSplitterAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import ansible.parsing.splitter'], { stdio: 'ignore' }).status === 0;
}

export function parseWithAnsible(cases: { text: string; check_raw: boolean }[]): ReferenceParse[] {
  const run = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`ansible reference parser failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ReferenceParse[];
}
