// A fact: one read-only question a module asks its target, answered by the target's ordinary tools.
// The script runs on the target; the parser is pure, so it is tested with recorded output (see
// test/kit). Many facts share one round trip (probe.ts). Modules add facts, never new protocols.

export interface Fact<A = void, T = unknown> {
  /** What the fact reads, for messages: "installed packages", "the unit's state". */
  name: string;
  /**
   * Commands the script needs. A missing one fails the task with a message naming it, before the
   * script runs. `curl|wget` means either will do (the script picks the one it finds).
   */
  requires?: readonly string[];
  /**
   * A shell test: `requires` is checked only when it succeeds. A file that is not there needs no tool
   * to read it, so check mode on a fresh host (where an earlier task would install openssl) still answers.
   */
  requiresIf?(args: A): string;
  /**
   * POSIX sh that prints what `parse` reads. It never contains secrets: under become it is part of
   * sudo's command line. Secrets and SQL go through `input`.
   */
  script(args: A): string;
  /**
   * The script only calls a prelude function that returns (never exits, reads stdin or sets shared
   * variables): it runs in the batch's shell without a subshell, one fork fewer per fact.
   */
  inline?: boolean;
  /** Shell functions the script calls: written once per round trip, however many facts use them. */
  prelude?: string;
  /**
   * A prelude function called once per round trip, before any script, with `args` of every request of
   * this fact in it: it reads for all of them with one command where each script would run its own
   * (one `stat` for twenty paths). The scripts use what it kept and read for themselves otherwise.
   */
  prefetch?: { call: string; args(args: A): string };
  /** Bytes for the script's standard input (secrets, SQL): never on a command line. */
  input?(args: A): string | Buffer;
  /** Pure: the script's stdout and exit status in, the fact's value out. Throws ModuleFailure when the answer is an error. */
  parse(stdout: string, args: A, rc: number): T;
}

/** One fact with its arguments, as `Probe.many` takes them. */
export interface FactRequest<A = unknown, T = unknown> {
  fact: Fact<A, T>;
  args: A;
}

/** A fact with its arguments: `probe.many(ask(installed, names), ask(unit, 'ssh'))`. */
export function ask<A, T>(fact: Fact<A, T>, args: A): FactRequest<A, T> {
  return { fact, args };
}

/** The values of several requests, in order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answers<R extends readonly FactRequest<any, any>[]> = { [K in keyof R]: R[K] extends FactRequest<any, infer T> ? T : never };

/** Read-only access to a target: a module's gather step gets nothing that can change the host. */
export interface Probe {
  get<A, T>(fact: Fact<A, T>, args: A): Promise<T>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  many<R extends readonly FactRequest<any, any>[]>(...requests: R): Promise<Answers<R>>;
}
