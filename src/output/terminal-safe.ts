// Text from a target shown to a person must never drive the terminal: an escape sequence in a host's
// stderr could erase the `fatal` line and print a fake `ok`. Control characters (C0 but newline and tab,
// DEL, C1) and the bidirectional overrides are shown as visible escapes (`\x1b`, `\r`, `\u202e`) in every
// human output; the JSON stream and the log keep the data as it came.
import { HOOKS, type Reporter } from './reporter.js';

const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

function escaped(c: string): string {
  if (c === '\r') return '\\r';
  const code = c.charCodeAt(0);
  return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
}

export function visibleControls(text: string): string {
  return text.replace(CONTROLS, escaped);
}

/** A deep copy with every string (keys too) made visible. */
export function terminalSafe<T>(value: T): T {
  return safeAny(value, 0) as T;
}

function safeAny(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return visibleControls(v);
  if (depth > 50 || v === null || typeof v !== 'object' || Buffer.isBuffer(v) || v instanceof Number) return v;
  if (Array.isArray(v)) return v.map((x) => safeAny(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[visibleControls(k)] = safeAny(x, depth + 1);
  return out;
}

/** The reporter with every event made terminal-safe before it sees it. */
export function terminalSafeReporter(inner: Reporter): Reporter {
  const wrapped: Record<string, (e: unknown) => unknown> = {};
  for (const hook of HOOKS) {
    const fn = inner[hook] as ((e: unknown) => unknown) | undefined;
    if (fn) wrapped[hook] = (e: unknown) => fn.call(inner, terminalSafe(e));
  }
  return wrapped as Reporter;
}
