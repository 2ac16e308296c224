// A replaying connection for unit tests of a module's gather step: the module's real scripts run in
// a local `sh` whose PATH holds only basic utilities plus stubs that replay recorded output of the
// target's tools (dpkg-query, systemctl, ...). The real section protocol and parsers are exercised;
// no host is touched. A tool neither stubbed nor basic is missing, as on a minimal target.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shellQuote } from '../../src/connection/quote.js';
import type { Connection, ExecOptions, ExecResult } from '../../src/connection/types.js';

/** What a stubbed tool prints. */
export interface Recording {
  stdout?: string;
  stderr?: string;
  rc?: number;
}
/** One recording for every call, or one per argument line (`"-W -f=${Package} nginx"`), `*` for the rest. */
export type ToolStub = Recording | { byArgs: Record<string, Recording> };

const BASIC = ['cat', 'sed', 'awk', 'grep', 'head', 'tail', 'tr', 'cut', 'sort', 'uniq', 'wc', 'printf', 'env', 'id', 'ls', 'readlink', 'stat', 'base64', 'sha1sum', 'sha256sum', 'date', 'mktemp', 'rm', 'mv', 'true', 'false', 'sh', 'dirname', 'basename', 'od', 'xargs', 'sleep'];

export interface ReplayConnection extends Connection {
  /** Every command run, in order, with its stdin. */
  readonly calls: { command: string; stdin?: string }[];
  /** Every stubbed tool call: tool and its arguments joined by spaces (read after each exec). */
  readonly toolCalls: string[];
  /** Files written with put. */
  readonly written: Map<string, Buffer>;
}

export function replayConnection(tools: Record<string, ToolStub>, host = 'replay'): ReplayConnection {
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-replay-'));
  const bin = join(dir, 'bin');
  const log = join(dir, 'tool-calls');
  mkdirSync(bin);
  for (const cmd of BASIC) {
    const real = ['/usr/bin', '/bin'].map((d) => join(d, cmd)).find((p) => existsSync(p));
    if (real) symlinkSync(real, join(bin, cmd));
  }
  for (const [tool, stub] of Object.entries(tools)) writeStub(dir, bin, log, tool, stub);
  const calls: ReplayConnection['calls'] = [];
  const toolCalls: string[] = [];
  const written = new Map<string, Buffer>();
  return {
    host,
    calls,
    toolCalls,
    written,
    exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
      const stdin = options.stdin === undefined ? undefined : Buffer.from(options.stdin);
      calls.push({ command, stdin: stdin?.toString() });
      return new Promise((done) => {
        const child = execFile('/bin/sh', ['-c', command], { env: { PATH: bin, LC_ALL: 'C' }, encoding: 'buffer', cwd: dir }, (err, stdout, stderr) => {
          if (existsSync(log)) {
            toolCalls.push(...readFileSync(log, 'utf8').split('\n').filter(Boolean));
            rmSync(log);
          }
          const rc = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
          done({ rc, stdout: stdout.toString(), stderr: stderr.toString(), stdoutBytes: stdout });
        });
        // A script that exits without reading its input (a missing tool) closes the pipe: not an error.
        child.stdin?.on('error', () => {});
        child.stdin?.end(stdin ?? '');
      });
    },
    async put(path: string, data: Buffer | string) {
      written.set(path, Buffer.from(data));
    },
    async get(path: string) {
      const found = written.get(path);
      if (!found) throw new Error(`replay connection: nothing written at ${path}`);
      return found;
    },
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A sh stub: logs its call, then prints the recording chosen by its arguments. */
function writeStub(dir: string, bin: string, log: string, tool: string, stub: ToolStub): void {
  const byArgs = 'byArgs' in stub ? stub.byArgs : { '*': stub };
  const cases = Object.entries(byArgs).map(([args, rec], i) => {
    const base = join(dir, `${tool}.${i}`);
    writeFileSync(`${base}.out`, rec.stdout ?? '');
    writeFileSync(`${base}.err`, rec.stderr ?? '');
    const pattern = args === '*' ? '*' : shellQuote(args);
    return `  ${pattern}) cat ${shellQuote(`${base}.out`)}; cat ${shellQuote(`${base}.err`)} >&2; exit ${rec.rc ?? 0};;`;
  });
  const script = [
    '#!/bin/sh',
    `printf '%s\\n' ${shellQuote(tool)}" $*" >> ${shellQuote(log)}`,
    'case "$*" in',
    ...cases,
    `  *) echo ${shellQuote(`replay: no recording for ${tool}`)}" $*" >&2; exit 99;;`,
    'esac',
    '',
  ].join('\n');
  writeFileSync(join(bin, tool), script);
  chmodSync(join(bin, tool), 0o755);
}
