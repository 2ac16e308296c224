// The cases: one per play of the differential playbook, read from the file itself. ha-run runs each
// case as its own playbook, so a bug that fails one case's host cannot hide every later case.
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PLAYBOOK } from './tools.js';

export interface CaseSource {
  name: string;
  /** The play as written, a one-play playbook on its own. */
  text: string;
}

// Plays are the only top-level list items and each is named on its first line.
const PLAY_START = /^- name: (\S+)\s*$/gm;

export function caseSources(playbook = PLAYBOOK): CaseSource[] {
  const text = readFileSync(playbook, 'utf8');
  const starts = [...text.matchAll(PLAY_START)];
  return starts.map((m, i) => ({ name: m[1]!, text: text.slice(m.index, starts[i + 1]?.index ?? text.length) }));
}

export function caseNames(playbook = PLAYBOOK): string[] {
  return caseSources(playbook).map((c) => c.name);
}

/** What a case may read beside its playbook: linked into each case's directory. */
const BESIDE_PLAYBOOK = ['files', 'templates', 'tasks', 'roles', 'vars', 'group_vars', 'host_vars', 'inventory'];

/**
 * Writes each case as `<name>.yml` into a new temporary directory that links the playbook's `files/`,
 * `templates/`, `tasks/`, `roles/`, `vars/`, `group_vars/`, `host_vars/` and `inventory/` (those that exist),
 * so relative paths resolve as from the whole playbook.
 */
export function writeCasePlaybooks(playbook = PLAYBOOK): { dir: string; files: { name: string; path: string }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'hadiff-cases-'));
  for (const sub of BESIDE_PLAYBOOK) {
    const target = join(dirname(playbook), sub);
    if (existsSync(target)) symlinkSync(target, join(dir, sub));
  }
  const files = caseSources(playbook).map((c) => {
    const path = join(dir, `${c.name}.yml`);
    writeFileSync(path, c.text);
    return { name: c.name, path };
  });
  return { dir, files };
}
