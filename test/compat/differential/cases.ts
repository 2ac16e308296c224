// The case names: one per play of the differential playbook, read from the file itself.
import { readFileSync } from 'node:fs';
import { PLAYBOOK } from './tools.js';

export function caseNames(playbook = PLAYBOOK): string[] {
  // Plays are the only top-level list items; each is named on its first line.
  return [...readFileSync(playbook, 'utf8').matchAll(/^- name: (\S+)\s*$/gm)].map((m) => m[1]!);
}
