// The entry point: a host's variables -> a Connection (ssh or local). The pool keeps them for a run.
import type { ConnectOptions } from './settings.js';
import { openTarget, resolveTarget } from './target.js';
import type { Connection } from './types.js';

export type { ConnectOptions } from './settings.js';

export async function connect(vars: Record<string, unknown>, options: ConnectOptions = {}): Promise<Connection> {
  return openTarget(resolveTarget(vars, options));
}
