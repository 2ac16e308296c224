// ansible.cfg's syntax, as Python's configparser reads it for Ansible: `[section]` headers, `key = value`
// or `key: value`, whole-line `#`/`;` comments, inline `;` comments after whitespace, indented
// continuation lines, keys case-insensitive, a key set twice in one section an error. Every value keeps
// the line and column it was written at, so problems and `ha-run config dump` can point at it.
// (No npm INI parser matches configparser's continuation lines and inline-comment rule; this one does.)
import type { SourceLocation } from '../errors.js';

export interface IniEntry {
  section: string;
  /** Lower-cased, as configparser stores it. */
  key: string;
  value: string;
  /** Where the key starts. */
  at: SourceLocation;
  /** Where the value starts (its first line). */
  valueAt: SourceLocation;
}

export interface IniProblem {
  message: string;
  at: SourceLocation;
}

export interface IniDocument {
  entries: IniEntry[];
  problems: IniProblem[];
}

const SECTION = /^\[([^\]]+)\]\s*(?:;.*)?$/;
const OPTION = /^([^=:]*?)\s*([=:])\s*(.*)$/;

/** Drops an inline `;` comment (only when whitespace precedes it, as configparser does). */
function withoutInlineComment(text: string): string {
  const m = /\s;/.exec(text);
  return (m ? text.slice(0, m.index) : text).trimEnd();
}

export function parseIni(text: string, file: string): IniDocument {
  const entries: IniEntry[] = [];
  const problems: IniProblem[] = [];
  const seen = new Map<string, number>();
  let section: string | undefined;
  const sectionsSeen = new Set<string>();
  let current: IniEntry | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const stripped = raw.trim();
    const indent = raw.length - raw.trimStart().length;
    if (stripped === '' || stripped.startsWith('#') || stripped.startsWith(';')) {
      // A blank line inside a value is kept by configparser, but only matters between continuation lines.
      if (stripped === '' && current) current.value += '\n';
      return;
    }
    if (current && indent > 0) {
      current.value = `${current.value.replace(/\n+$/, '')}\n${withoutInlineComment(stripped)}`;
      return;
    }
    if (current) current.value = current.value.replace(/\n+$/, '');
    current = undefined;
    const header = SECTION.exec(stripped);
    if (header) {
      section = header[1]!;
      if (sectionsSeen.has(section)) problems.push({ message: `section [${section}] appears twice`, at: { file, line, col: indent + 1 } });
      sectionsSeen.add(section);
      return;
    }
    const option = OPTION.exec(stripped);
    if (!option || option[1] === '') {
      problems.push({ message: `not a "key = value" line: ${JSON.stringify(stripped)}`, at: { file, line, col: indent + 1 } });
      return;
    }
    if (section === undefined) {
      problems.push({ message: 'a setting before any [section] header', at: { file, line, col: indent + 1 } });
      return;
    }
    const key = option[1]!.toLowerCase();
    const id = `${section}\0${key}`;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({ message: `'${key}' is set twice in [${section}] (first on line ${earlier})`, at: { file, line, col: indent + 1 } });
      return;
    }
    seen.set(id, line);
    const valueCol = raw.trimEnd().length - option[3]!.length + 1;
    current = {
      section,
      key,
      value: withoutInlineComment(option[3]!),
      at: { file, line, col: indent + 1 },
      valueAt: { file, line, col: valueCol },
    };
    entries.push(current);
  });
  if (current) current.value = current.value.replace(/\n+$/, '');
  return { entries, problems };
}
