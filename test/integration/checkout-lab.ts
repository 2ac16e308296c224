// Test labs are named per checkout: several checkouts (a developer's, CI's) may share one Docker
// daemon, and a lab belongs to the `.ha-run` that made it. The suffix is a hash of that directory's
// real path, so one checkout keeps the same names from run to run (and reuses its labs).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labOwner } from '../../src/lab/owner.js';

export function checkoutLabName(base: string): string {
  return `${base}-${createHash('sha256').update(labOwner()).digest('hex').slice(0, 6)}`;
}

/** A copy of a lab file under another `name:` (everything else as it is), in a fresh temporary folder. */
export function labFileNamed(file: string, name: string): string {
  const text = readFileSync(file, 'utf8');
  const renamed = text.replace(/^name: .*$/m, `name: ${name}`);
  if (renamed === text) throw new Error(`${file} has no top-level \`name:\` line to rename`);
  const copy = join(mkdtempSync(join(tmpdir(), 'ha-run-lab-')), 'lab.yml');
  writeFileSync(copy, renamed);
  return copy;
}
