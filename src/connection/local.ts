// ansible_connection: local — commands run on the controller, through the same framed /bin/sh as SSH.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { ConnectionDroppedError, ConnectionTimeoutError, type ConnectionError, type Endpoint } from './errors.js';
import { feed, type RawResult, type ShellStreams } from './shell-session.js';
import { ShellConnection, type Transport } from './shell-connection.js';
import type { Connection } from './types.js';

/** Exported for tests that need to take a capability away (e.g. no spare channels). */
export class LocalTransport implements Transport {
  private readonly endpoint: Endpoint;
  private readonly children = new Set<ReturnType<typeof spawn>>();

  constructor(host: string) {
    this.endpoint = { host, address: 'localhost', port: 0 };
  }

  describe(): string {
    return `${this.endpoint.host} (local)`;
  }

  lost(why: string): ConnectionError {
    return new ConnectionDroppedError(this.endpoint, why);
  }

  async openShell(): Promise<ShellStreams> {
    const child = this.track(spawn('/bin/sh', [], { stdio: ['pipe', 'pipe', 'pipe'] }));
    return { input: child.stdin!, output: child.stdout!, errors: child.stderr!, destroy: () => child.kill('SIGKILL') };
  }

  execStreaming(command: string, stdin: Buffer | Readable, timeoutMs?: number): Promise<RawResult> {
    return new Promise((resolve, reject) => {
      const child = this.track(spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'] }));
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const timer = timeoutMs
        ? setTimeout(() => {
            child.kill('SIGKILL');
            reject(new ConnectionTimeoutError(this.endpoint.host, `a local command did not finish within ${timeoutMs} ms`, { unreachable: false }));
          }, timeoutMs)
        : undefined;
      child.stdout!.on('data', (b: Buffer) => out.push(b));
      child.stderr!.on('data', (b: Buffer) => err.push(b));
      child.stdin!.on('error', () => undefined); // a command that ignores its stdin closes the pipe early
      child.on('error', (e) => reject(this.lost(e.message)));
      let readFailure: Error | undefined;
      child.on('close', (code, signal) => {
        if (timer) clearTimeout(timer);
        if (readFailure) return reject(readFailure);
        resolve({ rc: code ?? (signal ? 128 : 255), stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
      });
      feed(stdin, child.stdin!, (e) => (readFailure = e));
    });
  }

  async close(): Promise<void> {
    for (const child of this.children) child.kill('SIGKILL');
  }

  private track(child: ReturnType<typeof spawn>): ReturnType<typeof spawn> {
    this.children.add(child);
    child.on('close', () => this.children.delete(child));
    return child;
  }
}

export function connectLocal(host: string, commandTimeoutMs?: number): Connection {
  return new ShellConnection(host, new LocalTransport(host), commandTimeoutMs);
}
