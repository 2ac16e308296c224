// File modes the way Ansible reads them: an integer from YAML is the permission bits (0644 in YAML 1.1
// is 420); a string is octal ('0644', '644') or symbolic ('u+rwx,g-w,o=r'). Symbolic modes depend on
// the file's current mode, so they are resolved against what gather found.
import { HaRunError } from '../../errors.js';

export type ModeSpec = string | number;

const OCTAL = /^0?[0-7]{1,4}$/;
const SYMBOLIC_CLAUSE = /^([ugoa]*)([-+=])([rwxXstugo]*)$/;

/** True when the value is a mode Ansible would accept (checked again at plan time with a clear error). */
export function isValidMode(mode: ModeSpec): boolean {
  if (typeof mode === 'number') return Number.isInteger(mode) && mode >= 0 && mode <= 0o7777;
  if (OCTAL.test(mode)) return true;
  return mode.split(',').every((clause) => SYMBOLIC_CLAUSE.test(clause) && clause.length > 1);
}

/** '0644' for 420: how Ansible reports modes in results. */
export function formatMode(bits: number): string {
  return bits.toString(8).padStart(4, '0');
}

/**
 * The permission bits `mode` asks for, given the file's current bits (for symbolic modes and `X`).
 * `current` is undefined when the file does not exist yet: then symbolic modes start from the usual
 * umask-022 defaults (0644 files, 0755 directories).
 */
export function resolveMode(mode: ModeSpec, current: number | undefined, isDirectory: boolean): number {
  if (typeof mode === 'number') {
    if (!isValidMode(mode)) throw badMode(mode);
    return mode;
  }
  const text = mode.trim();
  if (OCTAL.test(text)) return parseInt(text, 8);
  let bits = current ?? (isDirectory ? 0o755 : 0o644);
  for (const clause of text.split(',')) {
    const m = SYMBOLIC_CLAUSE.exec(clause);
    if (!m || clause.length < 2) throw badMode(mode);
    bits = applyClause(bits, m[1] || 'a', m[2] as '+' | '-' | '=', m[3], isDirectory);
  }
  return bits;
}

const WHO_MASK: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007 };
const WHO_SHIFT: Record<string, number> = { u: 6, g: 3, o: 0 };

function applyClause(bits: number, whoText: string, op: '+' | '-' | '=', perms: string, isDirectory: boolean): number {
  const who = whoText.includes('a') ? ['u', 'g', 'o'] : [...new Set(whoText)];
  let result = bits;
  for (const w of who) {
    const shift = WHO_SHIFT[w];
    let add = 0;
    for (const p of perms) {
      if (p === 'r') add |= 4 << shift;
      else if (p === 'w') add |= 2 << shift;
      else if (p === 'x') add |= 1 << shift;
      // X: execute only for directories or files someone may already execute.
      else if (p === 'X' && (isDirectory || (bits & 0o111) !== 0)) add |= 1 << shift;
      else if (p === 's' && w !== 'o') add |= w === 'u' ? 0o4000 : 0o2000;
      else if (p === 't' && w === 'o') add |= 0o1000;
      else if (p === 'u' || p === 'g' || p === 'o') add |= ((bits >> WHO_SHIFT[p]) & 7) << shift;
    }
    if (op === '+') result |= add;
    else if (op === '-') result &= ~add;
    else result = (result & ~WHO_MASK[w]) | add;
  }
  return result & 0o7777;
}

function badMode(mode: ModeSpec): HaRunError {
  return new HaRunError(
    'bad-mode',
    `mode ${JSON.stringify(mode)} is neither octal ('0644') nor symbolic ('u+rwx,g-w')`,
    { hint: "quote octal modes in YAML ('0644') or write them with a leading zero (0644)" },
  );
}
