// loadPlaybook: a playbook file (and everything it imports) -> the canonical Playbook, with every
// problem found on the way. The playbook is only returned when there is no error.
import { dirname, resolve } from 'node:path';
import { hasErrors, type Diagnostic } from '../errors.js';
import { importPlaybookSchema } from '../schema/playbook-schema.js';
import { isTemplateString } from '../schema/validate.js';
import type { LoadedYaml } from '../source/yaml.js';
import { inheritableKeywords, isMap, type RawMap } from './keywords.js';
import { LoadSession } from './load-session.js';
import { normalizePlay } from './normalize-play.js';
import { cycle, searchFile } from './paths.js';
import type { Play, Playbook } from './types.js';

export interface LoadedPlaybook {
  /** Only when there is no error. */
  playbook?: Playbook;
  /** What could be read despite errors: for checks that stay correct on a partial playbook (host patterns). */
  partial: Playbook;
  diagnostics: Diagnostic[];
  /** Every YAML file read, with positions (for rules that point into them). */
  sources: LoadedYaml[];
}

export function loadPlaybook(file: string): LoadedPlaybook {
  const session = new LoadSession();
  const abs = resolve(file);
  const plays = readPlays(abs, session, []);
  const sources = session.loadedFiles();
  const partial: Playbook = { file: abs, plays, files: sources.map((s) => s.file) };
  if (hasErrors(session.diagnostics)) return { partial, diagnostics: session.diagnostics, sources };
  return { playbook: partial, partial, diagnostics: session.diagnostics, sources };
}

function readPlays(file: string, session: LoadSession, stack: string[]): Play[] {
  const loaded = session.read(file);
  if (loaded.value === undefined) return [];
  const value = loaded.value;
  if (value === null) {
    session.error('empty-playbook', 'the playbook is empty; nothing to do', loaded.locate([]), 'a playbook is a list of plays, e.g. `- hosts: all` then `tasks:`');
    return [];
  }
  if (!Array.isArray(value)) {
    const looksLikeTasks = isMap(value) && 'hosts' in value;
    session.error('playbook-not-a-list', `a playbook is a list of plays, not ${isMap(value) ? 'a mapping' : `a ${typeof value}`}`, loaded.locate([]), looksLikeTasks ? 'start the play with `- hosts: ...` (a dash makes it a list item)' : 'each play starts with `- hosts: ...`');
    return [];
  }
  const plays: Play[] = [];
  const dir = dirname(file);
  value.forEach((entry, i) => {
    if (!isMap(entry)) {
      session.error('play-not-a-mapping', `a play must be a mapping with at least \`hosts:\`, not ${Array.isArray(entry) ? 'a list' : JSON.stringify(entry)}`, loaded.locate([i]));
    } else if ('import_playbook' in entry || 'ansible.builtin.import_playbook' in entry) {
      plays.push(...importPlaybook(entry, i, loaded, session, [...stack, file]));
    } else {
      plays.push(normalizePlay(entry, [i], loaded, session, dir, [...stack, file]));
    }
  });
  return plays;
}

/** `- import_playbook: other.yml` with optional vars/tags/when, which the imported plays inherit. */
function importPlaybook(entry: RawMap, index: number, loaded: LoadedYaml, session: LoadSession, stack: string[]): Play[] {
  const key = 'import_playbook' in entry ? 'import_playbook' : 'ansible.builtin.import_playbook';
  const normalized = key === 'import_playbook' ? entry : { ...withoutKey(entry, key), import_playbook: entry[key] };
  if (!session.check(normalized, importPlaybookSchema, loaded, [index])) return [];
  const name = String(entry[key]);
  const at = loaded.locate([index, key]);
  if (isTemplateString(name)) {
    session.error('import-not-static', `import_playbook needs a file name without templates ('${name}')`, at);
    return [];
  }
  const { found, searched } = searchFile(name, [dirname(loaded.file)]);
  if (!found) {
    session.error('file-not-found', `playbook '${name}' not found`, at, `looked in: ${searched.join(', ')}`);
    return [];
  }
  if (stack.includes(found)) {
    session.error('include-cycle', `'${name}' imports itself (${cycle([...stack.slice(stack.indexOf(found)), found])})`, at);
    return [];
  }
  const inherited = inheritableKeywords({ vars: entry.vars, tags: entry.tags, when: entry.when });
  const plays = readPlays(found, session, stack);
  for (const play of plays) {
    play.when = [...inherited.when, ...play.when];
    play.tags = [...inherited.tags, ...play.tags];
    play.vars = { ...inherited.vars, ...play.vars };
  }
  return plays;
}

function withoutKey(raw: RawMap, key: string): RawMap {
  const { [key]: _dropped, ...rest } = raw;
  return rest;
}
