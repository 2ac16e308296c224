// Runs the real CLI (built from this checkout into a private directory, so parallel builds by other
// tests never clobber it) and reads the PLAY RECAP back.
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../../..');
export const fixtures = join(root, 'test/fixtures/playbooks');

let built: string | undefined;

/** Compiles src/ once per test file; returns the path of cli.js. */
export function buildCli(): string {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-exec-build-'));
  // tsc still emits when some file has a type error (often someone else's work in progress): what
  // matters here is that the CLI was emitted; type errors are `npm run typecheck`'s business.
  const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'tsconfig.build.json'), '--outDir', join(dir, 'dist')], { cwd: root, encoding: 'utf8' });
  if (!existsSync(join(dir, 'dist/cli.js'))) throw new Error(`building the CLI failed:\n${tsc.stdout}${tsc.stderr}`);
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  built = join(dir, 'dist/cli.js');
  return built;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  const cli = buildCli();
  return new Promise((done) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd: options.cwd ?? root, env: { ...process.env, CI: '1', ...options.env }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 250) : 0;
        done({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

export type Recap = Record<string, Record<'ok' | 'changed' | 'unreachable' | 'failed' | 'skipped' | 'rescued' | 'ignored', number>>;

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
