// Runs the real CLI (built from this checkout into a private directory, so parallel builds by other
// tests never clobber it) and reads the PLAY RECAP back.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../../..');
export const fixtures = join(root, 'test/fixtures/playbooks');

let built: string | undefined;

/** Builds ha-run into a fresh private directory, exactly as `npm run build` does (bundle included), so
 *  nobody's rebuild of dist/ can change it under a running test; returns the path of the CLI. */
export function buildCliPrivately(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-exec-build-'));
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--out', dir], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0 || !existsSync(join(dir, 'dist/ha-run.js'))) throw new Error(`building the CLI failed:\n${build.stdout}${build.stderr}`);
  return join(dir, 'dist/ha-run.js');
}

/** The CLI under test: the one global setup built for every test file (HA_RUN_TEST_CLI), else its own. */
export function buildCli(): string {
  built ??= process.env.HA_RUN_TEST_CLI ?? buildCliPrivately();
  return built;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliRun> {
  const cli = buildCli();
  return new Promise((done) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd: options.cwd ?? root, env: { ...process.env, CI: '1', ...options.env }, maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 120_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 250) : 0;
        done({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

export type Recap = Record<string, Record<'ok' | 'changed' | 'unreachable' | 'failed' | 'skipped' | 'rescued' | 'ignored' | 'interrupted', number>>;

export function recapOf(stdout: string): Recap {
  const at = stdout.lastIndexOf('PLAY RECAP');
  if (at < 0) throw new Error(`no PLAY RECAP in output:\n${stdout}`);
  const recap: Recap = {};
  for (const line of stdout.slice(at).split('\n').slice(1)) {
    const m = /^(\S+)\s+: (.*)$/.exec(line);
    if (!m) continue;
    const counts = Object.fromEntries([...m[2]!.matchAll(/(\w+)=(\d+)/g)].map((x) => [x[1]!, Number(x[2])]));
    recap[m[1]!] = counts as Recap[string];
  }
  return recap;
}

export function totals(recap: Recap, key: keyof Recap[string]): number {
  return Object.values(recap).reduce((n, r) => n + r[key], 0);
}
