// Rule, only under --slice: a play whose meaning depends on hosts of other slices is refused before
// anything connects, rather than run wrong. Each slice runs on its own controller with only its hosts, so
// `run_once` would run once per slice, `serial` batches and `any_errors_fatal`/`max_fail_percentage`
// would count one slice's hosts, `delegate_to` another host could act on a host another slice runs at the
// same time, and another host's `hostvars` (its facts, registered results) or the play's host list
// (`ansible_play_hosts`...) would hold only this slice's hosts.
import { diagnostic, type Diagnostic, type SourceLocation } from '../../errors.js';
import { isTemplateString } from '../../schema/validate.js';
import { readRegularText } from '../../source/read-file.js';
import { offsetToLocation, type LoadedYaml, type PathSegment } from '../../source/yaml.js';
import { sourceOf } from '../source-map.js';
import type { InheritableKeywords, Playbook } from '../types.js';
import { rolesOf, walkPlay } from '../walk.js';
import { templateFiles, visitStrings } from './undefined-variables.js';

const HINT = 'run this playbook without --slice (or move this play into a playbook of its own that runs unsliced)';

/** Delegation to the controller runs on each slice's own controller for that slice's hosts: the same as unsliced. */
const DELEGATION_HERE = /^\s*(localhost|127\.0\.0\.1|\{\{-?\s*inventory_hostname\s*-?\}\})\s*$/;

/** Bare expressions (no braces) are evaluated too: conditions, assert's `that`, debug's `var`. */
const EXPRESSION_KEYS = new Set(['when', 'changed_when', 'failed_when', 'until', 'that', 'var']);

/** `hostvars` not followed by `[inventory_hostname]`: another host's variables (or all of them). */
const OTHER_HOSTVARS = /\bhostvars\b(?!\s*\[\s*inventory_hostname\s*\])/;
const PLAY_HOST_LISTS = /\b(ansible_play_hosts_all|ansible_play_hosts|ansible_play_batch|play_hosts)\b/;

export function sliceable(playbook: Playbook, files: readonly LoadedYaml[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const refuse = (what: string, why: string, location: SourceLocation) => found.push(diagnostic('not-sliceable', `${what} is refused under --slice: ${why}`, location, HINT));
  // `written` is the node the keywords were written on (for their place in the file).
  const keywordsOf = (node: InheritableKeywords, written: object & { location: SourceLocation }) => {
    const at = (key: string) => locateKey(written, key);
    if (node.runOnce !== undefined && node.runOnce !== false) refuse('run_once', 'each slice would run it once, N times in all', at('run_once'));
    if (node.delegateTo !== undefined && !DELEGATION_HERE.test(node.delegateTo)) {
      refuse(`delegate_to: ${node.delegateTo}`, 'the host it acts on may belong to another slice, run by another controller at the same time', at('delegate_to'));
    }
    // A template may render to true on some host: refused like a literal true.
    if (node.anyErrorsFatal !== undefined && node.anyErrorsFatal !== false) refuse('any_errors_fatal', "a failure stops only its own slice's hosts", at('any_errors_fatal'));
  };
  const seen = new Set<object>();
  for (const play of playbook.plays) {
    if (play.serial.length > 0) refuse('serial', "batches would be taken from each slice's hosts, not from all of them", locateKey(play, 'serial'));
    if (play.maxFailPercentage !== undefined) refuse('max_fail_percentage', "each slice would count only its own hosts' failures", locateKey(play, 'max_fail_percentage'));
    keywordsOf(play, play);
    for (const role of rolesOf(play)) {
      if (seen.has(role)) continue;
      seen.add(role);
      keywordsOf(role.keywords, role);
    }
    for (const { item } of walkPlay(play)) {
      if (seen.has(item)) continue;
      seen.add(item);
      keywordsOf(item, item);
      if ((item.kind === 'include_tasks' || item.kind === 'include_role') && item.apply) keywordsOf(item.apply, item);
    }
  }
  for (const file of files) {
    visitStrings(file.value, [], (text, path) => {
      const key = [...path].reverse().find((s): s is string => typeof s === 'string');
      if (!isTemplateString(text) && !(key !== undefined && EXPRESSION_KEYS.has(key))) return;
      crossHostReference(text, (what, why, offset) => refuse(what, why, locateInString(file, path, text, offset)));
    });
  }
  for (const { file } of templateFiles(playbook)) {
    let text: string;
    try {
      text = readRegularText(file);
    } catch {
      continue;
    }
    crossHostReference(text, (what, why, offset) => refuse(what, why, offsetToLocation(text, offset, file)));
  }
  return found;
}

/** Calls `found` with the first reference to other hosts' variables or to the play's host list in `text`. */
function crossHostReference(text: string, found: (what: string, why: string, offset: number) => void): void {
  const other = OTHER_HOSTVARS.exec(text);
  if (other) found('hostvars of another host', 'its facts and registered results are only known to the slice that runs it', other.index);
  const list = PLAY_HOST_LISTS.exec(text);
  if (list) found(list[1]!, "it would list only this slice's hosts", list.index);
}

/** Where a keyword is written on a play, task, block, include or role entry (the node itself when not written there). */
function locateKey(node: object & { location: SourceLocation }, key: string): SourceLocation {
  const src = sourceOf(node);
  return src ? src.loaded.locate([...src.path, key], { key: true }) : node.location;
}

/** A string value's place in its file, moved to `offset` inside it when the string is written on one line. */
function locateInString(file: LoadedYaml, path: PathSegment[], text: string, offset: number): SourceLocation {
  const start = file.locate(path);
  const before = text.slice(0, offset);
  if (before.includes('\n')) return start;
  const line = file.text.split('\n')[start.line - 1] ?? '';
  const quoted = /^["']/.test(line.slice(start.col - 1)) ? 1 : 0;
  return line.slice(start.col - 1 + quoted, start.col - 1 + quoted + offset) === before ? { ...start, col: start.col + quoted + offset } : start;
}
