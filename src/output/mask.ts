// Secrets never reach a screen or a log: known secret values are replaced wherever they appear, and
// results of `no_log` tasks are replaced as a whole before they leave the executor.

import { VaultText } from '../source/vault.js';
import { UnsafeText } from '../source/yaml.js';

export const NO_LOG_MESSAGE = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
export const MASK = '********';

/** Connection secrets by Ansible name, and any variable whose name says it holds a secret. */
const SECRET_NAME = /(^|_)(pass|passwd|password|passphrase|secret|token|api_?key|private_?key|credentials?)($|_)|^ansible_(ssh_|become_)?pass(word)?$/i;

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name) && !/_file$|_path$/.test(name);
}

/**
 * Values at least this long are replaced wherever they appear. Shorter ones (`root`, `1`) would garble
 * every unrelated line holding them: they are masked only in the output of a task that used them (see
 * SecretMasker.forTask) and wherever a secret variable is printed by name.
 */
export const MIN_MASKED_LENGTH = 6;

/** A `debug: var=` expression names a secret when one of its words does (`db.password`, `hostvars[h].ansible_password`). */
function wordsOf(key: string): string[] {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? [key] : key.split(/[^A-Za-z0-9_]+/).filter((w) => w !== '');
}

export class SecretMasker {
  private readonly secrets = new Set<string>();
  /** Variables that are secret as a whole whatever their names (results registered by no_log tasks). */
  private readonly secretNames = new Set<string>();
  private pattern: RegExp | undefined;

  constructor(private readonly minLength = MIN_MASKED_LENGTH) {}

  /** Remembers a value to hide (strings and numbers; values shorter than the minimum are left out). */
  add(value: unknown): void {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const s = String(value);
    if (s.length < this.minLength || s.trim() === '' || this.secrets.has(s)) return;
    this.secrets.add(s);
    this.pattern = undefined;
  }

  /** From now on, a variable of this name is shown as a mask as a whole (`debug: var=NAME`, `NAME.stdout`). */
  addSecretName(name: string): void {
    this.secretNames.add(name);
  }

  /**
   * Adds the values of every variable whose name looks secret (recursively through dicts). A value that is
   * a template is added as `render` renders it (what will be printed is the rendered text, not the template).
   */
  addFromVars(vars: Record<string, unknown>, render?: (template: string) => unknown, depth = 0): void {
    if (depth > 4) return;
    for (const [k, v] of Object.entries(vars)) {
      if (looksSecret(k)) this.addRendered(v, render);
      else if (v && typeof v === 'object' && !Array.isArray(v) && depth < 4) this.addFromVars(v as Record<string, unknown>, render, depth + 1);
    }
  }

  /** Adds a secret variable's value: every string inside it, templates rendered first when `render` is given. */
  addRendered(value: unknown, render?: (template: string) => unknown, depth = 0): void {
    if (typeof value === 'string' && render && value.includes('{')) {
      try {
        this.addRendered(render(value), undefined, depth);
      } catch {
        // not renderable here: it cannot be printed rendered either
      }
      this.add(value);
    } else if (Array.isArray(value) && depth < 4) value.forEach((v) => this.addRendered(v, render, depth + 1));
    else if (value && typeof value === 'object' && depth < 4) Object.values(value).forEach((v) => this.addRendered(v, render, depth + 1));
    else this.add(value);
  }

  /** A masker for one task's output: everything known so far, plus `used` (the values the task used) at any length. */
  forTask(used: unknown[]): SecretMasker {
    if (used.length === 0) return this;
    const local = new SecretMasker(1);
    for (const s of this.secrets) local.secrets.add(s);
    for (const n of this.secretNames) local.secretNames.add(n);
    for (const v of used) local.add(v);
    return local;
  }

  /** Whether a key (a variable name, or debug's `var=` expression) names a secret. */
  isSecretKey(key: string): boolean {
    const words = wordsOf(key);
    return words.some(looksSecret) || (words.length > 0 && this.secretNames.has(words[0]!));
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
    // A template's float 2.0 is a boxed Number (src/template/py-float.ts): no secret inside; nor is a
    // `!vault` value's ciphertext. `!unsafe` text stays unsafe text, masked.
    if (v instanceof Number || v instanceof VaultText) return v;
    if (v instanceof UnsafeText) return new UnsafeText(this.maskString(v.text));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = this.maskEntry(k, x, depth);
    return out;
  }

  /** Under a secret name, scalars are masked whole; a no_log result registered under a name is masked whole. */
  private maskEntry(key: string, value: unknown, depth: number): unknown {
    if (!this.isSecretKey(key)) return this.maskAny(value, depth + 1);
    const words = wordsOf(key);
    if (this.secretNames.has(words[0]!) || typeof value === 'string' || typeof value === 'number' || value instanceof UnsafeText) return MASK;
    return this.maskAny(value, depth + 1);
  }
}

/** What a no_log result looks like everywhere outside the executor (Ansible keeps `changed`). */
export function censored(result: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { censored: NO_LOG_MESSAGE, changed: result.changed === true };
  if (result.failed) out.failed = true;
  if (result.skipped) out.skipped = true;
  return out;
}
