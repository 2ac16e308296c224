// Look-ahead reads: a converged play should cost a few round trips per host, not one per task. The
// executor reads the facts of the tasks ahead together (executor/lookahead.ts); this decorator keeps the
// answers and hands them to the tasks that ask, for as long as nothing has changed since. Any command or
// file write on ANY host of the run forgets every answer: a change on one host can show on another
// (replication, shared storage), so no answer is ever older than the run's last possible change.
import { createHash } from 'node:crypto';
import { parseSections, renderSections, sectionsScript, splitReadsAfter, withReadsAfter, type SectionAnswer, type SectionRequest } from './sections.js';
import type { Connection, ExecOptions, ExecResult } from './types.js';

export class FactCache {
  private generation = 0;
  private readonly answers = new Map<string, { generation: number; answer: SectionAnswer }>();
  private readonly trips = new Map<string, number>();

  /** Something may have changed somewhere: no answer read before now is used again. */
  forget(): void {
    this.generation++;
    this.answers.clear();
  }

  now(): number {
    return this.generation;
  }

  answer(key: string): SectionAnswer | undefined {
    const entry = this.answers.get(key);
    return entry && entry.generation === this.generation ? entry.answer : undefined;
  }

  /** Keeps an answer read while the generation was `readAt`, unless something changed meanwhile. */
  keep(key: string, answer: SectionAnswer, readAt: number): void {
    if (readAt === this.generation && answer.kind !== 'lost') this.answers.set(key, { generation: readAt, answer });
  }

  countTrip(host: string): void {
    this.trips.set(host, (this.trips.get(host) ?? 0) + 1);
  }

  /** Commands sent to each host (a command, a file transfer, a batch of fact reads): for `-v`. */
  roundTrips(): ReadonlyMap<string, number> {
    return this.trips;
  }
}

function keyOf(identity: string, request: SectionRequest, options: ExecOptions): string {
  const stdin = options.stdin === undefined ? null : createHash('sha256').update(options.stdin).digest('hex');
  const who = { identity, become: options.become?.user ?? (options.become ? 'root' : null), env: options.env ?? null, cwd: options.cwd ?? null, stdin };
  return createHash('sha256').update(JSON.stringify([who, request])).digest('hex');
}

/** `identity` tells apart connections to one host as different users or ports (the pool's key). */
export function withFactCache(conn: Connection, cache: FactCache, identity: string): Connection {
  const exec = async (command: string, options: ExecOptions = {}): Promise<ExecResult> => {
    const { sections, thenRead, ...rest } = options;
    if (!sections) {
      // Anything that is not a fact read may change something.
      cache.forget();
      cache.countTrip(conn.host);
      if (!thenRead) return conn.exec(command, rest);
      return commandThenReads(command, rest, thenRead);
    }
    const keys = sections.requests.map((r) => keyOf(identity, r, rest));
    const answers: (SectionAnswer | undefined)[] = keys.map((k) => cache.answer(k));
    const missing = answers.flatMap((a, i) => (a ? [] : [i]));
    let stderr = '';
    let rc = 0;
    if (missing.length > 0 && !sections.keptOnly) {
      const readAt = cache.now();
      cache.countTrip(conn.host);
      const script = sectionsScript(sections.nonce, missing.map((i) => sections.requests[i]!), rest.stdin !== undefined);
      const result = await conn.exec(script, rest);
      ({ stderr, rc } = result);
      parseSections(result.stdout, sections.nonce, missing.length).forEach((answer, n) => {
        answers[missing[n]!] = answer;
        cache.keep(keys[missing[n]!]!, answer, readAt);
      });
    }
    const stdout = renderSections(sections.nonce, answers.map((a) => a ?? { kind: 'lost' }));
    return { rc, stdout, stderr, stdoutBytes: Buffer.from(stdout) };
  };
  /** The command, and the reads after it in the same round trip, their answers given back with the
   *  result (for the task that made the change; they are not kept for later tasks). */
  const commandThenReads = async (command: string, options: ExecOptions, reads: NonNullable<ExecOptions['thenRead']>): Promise<ExecResult> => {
    const result = await conn.exec(withReadsAfter(command, reads.nonce, reads.requests), options);
    const { command: stdout, reads: answers } = splitReadsAfter(result.stdout, reads.nonce);
    if (answers === undefined || result.rc !== 0) return result;
    const parsed = parseSections(answers, reads.nonce, reads.requests.length);
    return { rc: result.rc, stdout, stderr: result.stderr, stdoutBytes: Buffer.from(stdout), reads: parsed };
  };

  return {
    get host() {
      return conn.host;
    },
    exec,
    put: (path, data, options) => {
      cache.forget();
      cache.countTrip(conn.host);
      return conn.put(path, data, options);
    },
    get: (path, options) => {
      cache.countTrip(conn.host);
      return conn.get(path, options);
    },
    close: () => conn.close(),
  };
}
