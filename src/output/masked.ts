// A reporter wrapper that masks every known secret in every event before any reporter sees it.
import type { SecretMasker } from './mask.js';
import type { Reporter } from './reporter.js';

export function maskedReporter(inner: Required<Reporter>, masker: SecretMasker): Required<Reporter> {
  const wrapped = {} as Record<keyof Reporter, (e: unknown) => Promise<void>>;
  for (const key of Object.keys(inner) as (keyof Reporter)[]) {
    const fn = inner[key] as (e: unknown) => void | Promise<void>;
    wrapped[key] = async (e: unknown) => fn(masker.mask(e));
  }
  return wrapped as unknown as Required<Reporter>;
}
