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

/**
 * HA_RUN_DIFF_CASES: a regular expression; only the cases whose name it finds run (both tools), so a
 * module's cases can be iterated on without the whole suite. Unset: every case.
 */
function selected(name: string): boolean {
  const pattern = process.env.HA_RUN_DIFF_CASES;
  return !pattern || new RegExp(pattern).test(name);
}

function everyCase(playbook: string): CaseSource[] {
  const text = readFileSync(playbook, 'utf8');
  const starts = [...text.matchAll(PLAY_START)];
  return starts.map((m, i) => ({ name: m[1]!, text: text.slice(m.index, starts[i + 1]?.index ?? text.length) }));
}

/** The cases selected to run (HA_RUN_DIFF_CASES). */
export function caseSources(playbook = PLAYBOOK): CaseSource[] {
  return everyCase(playbook).filter((c) => selected(c.name));
}

export function caseNames(playbook = PLAYBOOK): string[] {
  return caseSources(playbook).map((c) => c.name);
}

/** Every case of the playbook, selected or not. */
export function allCaseNames(playbook = PLAYBOOK): string[] {
  return everyCase(playbook).map((c) => c.name);
}

/** What a case may read beside its playbook: linked into each case's directory. */
const BESIDE_PLAYBOOK = ['files', 'templates', 'tasks', 'roles', 'vars', 'group_vars', 'host_vars', 'inventory'];

/**
 * Writes each case as `<name>.yml` into a new temporary directory that links the playbook's `files/`,
 * `templates/`, `tasks/`, `roles/`, `vars/`, `group_vars/`, `host_vars/` and `inventory/` (those that exist),
 * so relative paths resolve as from the whole playbook; `all` holds every selected case in one file.
 */
export function writeCasePlaybooks(playbook = PLAYBOOK): { dir: string; files: { name: string; path: string }[]; all: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hadiff-cases-'));
  for (const sub of BESIDE_PLAYBOOK) {
    const target = join(dirname(playbook), sub);
    if (existsSync(target)) symlinkSync(target, join(dir, sub));
  }
  const sources = caseSources(playbook);
  const files = sources.map((c) => {
    const path = join(dir, `${c.name}.yml`);
    writeFileSync(path, c.text);
    return { name: c.name, path };
  });
  // The selected cases together, for ansible-playbook's single run (the whole playbook when unfiltered).
  const all = join(dir, 'selected-cases.yml');
  writeFileSync(all, sources.map((c) => c.text).join(''));
  return { dir, files, all };
}
