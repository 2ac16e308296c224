// Secrets never reach a screen or a log: known secret values are replaced wherever they appear, and
// results of `no_log` tasks are replaced as a whole before they leave the executor.

export const NO_LOG_MESSAGE = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
export const MASK = '********';

/** Connection secrets by Ansible name, and any variable whose name says it holds a secret. */
const SECRET_NAME = /(^|_)(pass|passwd|password|passphrase|secret|token|api_?key|private_?key|credentials?)($|_)|^ansible_(ssh_|become_)?pass(word)?$/i;

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name) && !/_file$|_path$/.test(name);
}

export class SecretMasker {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  /** Remembers a value to hide; very short values are ignored (masking "a" everywhere helps nobody). */
  add(value: unknown): void {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const s = String(value);
    if (s.length < 4 || this.secrets.has(s)) return;
    this.secrets.add(s);
    this.pattern = undefined;
  }

  /** Adds the values of every variable whose name looks secret (recursively through dicts). */
  addFromVars(vars: Record<string, unknown>, depth = 0): void {
    if (depth > 4) return;
    for (const [k, v] of Object.entries(vars)) {
      if (looksSecret(k)) this.add(v);
      else if (v && typeof v === 'object' && !Array.isArray(v) && depth < 4) this.addFromVars(v as Record<string, unknown>, depth + 1);
    }
  }

  maskString(s: string): string {
    if (this.secrets.size === 0) return s;
    this.pattern ??= new RegExp(
      [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return s.replace(this.pattern, MASK);
  }

  /** A deep copy with every secret string replaced. */
  mask<T>(value: T): T {
    return this.maskAny(value, 0) as T;
  }

  private maskAny(v: unknown, depth: number): unknown {
    if (typeof v === 'string') return this.maskString(v);
    if (depth > 50 || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => this.maskAny(x, depth + 1));
    if (Buffer.isBuffer(v)) return v;
    // A template's float 2.0 is a boxed Number (src/template/py-float.ts): no secret inside.
    if (v instanceof Number) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = looksSecret(k) && (typeof x === 'string' || typeof x === 'number') ? MASK : this.maskAny(x, depth + 1);
    return out;
  }
}

/** What a no_log result looks like everywhere outside the executor (Ansible keeps `changed`). */
export function censored(result: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { censored: NO_LOG_MESSAGE, changed: result.changed === true };
  if (result.failed) out.failed = true;
  if (result.skipped) out.skipped = true;
  return out;
}
