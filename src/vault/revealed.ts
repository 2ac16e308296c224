// Every value that came out of a vault is a secret: remembered here as it is decrypted, so the run's
// masker hides it in every line of output and log, including values decrypted mid-run (include_vars).

const revealed = new Set<string>();
const listeners = new Set<(value: string) => void>();

/** Remembers `value` (and every string or number inside it) as a secret. */
export function rememberRevealed(value: unknown, depth = 0): void {
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value);
    if (revealed.has(text)) return;
    revealed.add(text);
    for (const listener of listeners) listener(text);
  } else if (value !== null && typeof value === 'object' && depth < 50) {
    for (const inner of Object.values(value)) rememberRevealed(inner, depth + 1);
  }
}

/** Calls `listener` with every secret revealed so far and every later one; returns the unsubscribe. */
export function onRevealed(listener: (value: string) => void): () => void {
  for (const value of revealed) listener(value);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every secret revealed so far. */
export function revealedValues(): string[] {
  return [...revealed];
}
