// The one place that runs the docker CLI (through zx). Turns "docker missing" and "daemon down"
// into errors that say what to do, instead of a raw exit status.
import { $ } from 'zx';
import { HaRunError } from '../errors.js';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with arguments (each quoted by zx), never throwing on a non-zero exit. */
export interface RunOptions {
  input?: string;
  timeoutMs?: number;
  env?: Record<string, string>;
}

export async function runProgram(program: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  const env = options.env ? { ...process.env, ...options.env } : process.env;
  const run = $({ quiet: true, nothrow: true, input: options.input, timeout: options.timeoutMs, env });
  const out = await run`${program} ${args}`;
  return { exitCode: out.exitCode ?? 1, stdout: out.stdout, stderr: out.stderr };
}

export async function docker(args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  return runProgram('docker', args, options);
}

/** Runs docker and returns stdout; a failure becomes a HaRunError with docker's own words. */
export async function dockerOk(args: readonly string[], what: string, options: RunOptions = {}): Promise<string> {
  const result = await docker(args, options);
  if (result.exitCode !== 0) {
    throw new HaRunError('lab-docker-failed', `${what} failed: ${lastLines(result.stderr || result.stdout, 5)}`);
  }
  return result.stdout;
}

let daemonChecked = false;

/** Fails clearly when the docker CLI is missing or the daemon does not answer. */
export async function ensureDocker(): Promise<void> {
  if (daemonChecked) return;
  const which = await runProgram('sh', ['-c', 'command -v docker']);
  if (which.exitCode !== 0) {
    throw new HaRunError('lab-docker-missing', 'the docker CLI is not installed', {
      hint: 'install it with: apt-get install -y docker.io',
    });
  }
  const info = await docker(['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 20_000 });
  if (info.exitCode !== 0 || !info.stdout.trim()) {
    throw new HaRunError('lab-docker-down', `the Docker daemon is not running (${lastLines(info.stderr, 1) || 'no answer'})`, {
      hint: 'start it with: (dockerd >/var/log/dockerd.log 2>&1 &)',
    });
  }
  daemonChecked = true;
}

export function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join('\n');
}
