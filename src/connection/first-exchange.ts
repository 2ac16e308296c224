// A connection that sends nothing: it says what the first exchange with the host would have been, then
// stops the caller there. Look-ahead and a module's re-read after a change use it to learn, without a
// round trip, which reads a module starts with.
import type { Connection, ExecOptions } from './types.js';

export type Exchange = { kind: 'exec'; options: ExecOptions } | { kind: 'put' } | { kind: 'get' };

/** Thrown at the caller's first exchange: what it would have asked was told to `seen`. */
export class FirstExchangeStopped extends Error {}

export function firstExchangeOnly(host: string, seen: (exchange: Exchange) => void = () => undefined): Connection {
  const stop = (exchange: Exchange): never => {
    seen(exchange);
    throw new FirstExchangeStopped();
  };
  return {
    host,
    exec: async (_command, options = {}) => stop({ kind: 'exec', options }),
    put: async () => stop({ kind: 'put' }),
    get: async () => stop({ kind: 'get' }),
    close: async () => {},
  };
}
