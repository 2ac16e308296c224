// lineinfile: one line should be in a file (replacing the line a regexp or search string finds), or
// lines matching should be gone. Same placement rules as Ansible (insertafter/insertbefore, BOF/EOF,
// firstmatch, backrefs).
import { readsFlags } from './file-flags.js';
import type { DeclarativeModule } from '../types.js';
import type { FileState } from './file-probe.js';
import { editMessage, gatherText, pathRequired, textChanges, textFileProperties, textPath, type TextFileArgs } from './text-file.js';
import { expandMatch, pythonRegex, splitLinesKeepEnds, withPatternBudget } from '../py-regex.js';
import { missingNow, ModuleFailure } from '../failure.js';
import { exclusive } from '../schema-rules.js';

export interface LineinfileArgs extends TextFileArgs {
  state?: 'present' | 'absent';
  line?: string;
  value?: string;
  regexp?: string;
  regex?: string;
  search_string?: string;
  insertafter?: string;
  insertbefore?: string;
  backrefs?: boolean;
  create?: boolean;
  firstmatch?: boolean;
}

export interface TextEdit {
  /** The new text, or undefined when nothing changes. */
  after?: string;
  reason?: string;
  found?: number;
}

// Regexps see a line without its line ending: JavaScript's $ does not match before a final newline
// the way Python's does.
// Regexps see a line without its line ending: JavaScript's $ does not match before a final
// newline the way Python's does.
const stripEol = (s: string) => s.replace(/[\r\n]+$/, '');

/** Ansible's present(): where the line goes and whether anything changes. */
export function lineinfilePresent(before: string, args: LineinfileArgs): TextEdit {
  return withPatternBudget([args.regexp ?? args.regex, args.insertafter, args.insertbefore], () => presentEdit(before, args));
}

function presentEdit(before: string, args: LineinfileArgs): TextEdit {
  const line = args.line ?? args.value ?? '';
  const regexp = args.regexp ?? args.regex;
  const insertbefore = args.insertbefore;
  const insertafter = args.insertafter ?? (insertbefore === undefined ? 'EOF' : undefined);
  const lines = splitLinesKeepEnds(before);
  const re = regexp === undefined ? undefined : pythonRegex(regexp);
  const insRe =
    insertafter !== undefined && insertafter !== 'BOF' && insertafter !== 'EOF'
      ? pythonRegex(insertafter)
      : insertbefore !== undefined && insertbefore !== 'BOF'
        ? pythonRegex(insertbefore)
        : undefined;

  let matchIndex = -1;
  let insertIndex = -1;
  let match: RegExpExecArray | null | boolean = null;
  for (let i = 0; i < lines.length && (re || args.search_string !== undefined); i++) {
    const found = re ? re.exec(stripEol(lines[i])) : lines[i].includes(args.search_string!) ? true : null;
    if (found) {
      matchIndex = i;
      match = found;
      if (args.firstmatch) break;
    }
  }
  if (!match) {
    for (let i = 0; i < lines.length; i++) {
      if (stripEol(lines[i]) === line) {
        matchIndex = i;
      } else if (insRe && insRe.test(stripEol(lines[i]))) {
        insertIndex = insertafter !== undefined ? i + 1 : i;
        if (args.firstmatch) break;
      }
    }
  }

  const added = (at: number): TextEdit => {
    lines.splice(at, 0, line + '\n');
    return { after: lines.join(''), reason: 'line added' };
  };
  const endsWithNewline = () => lines.length === 0 || /[\r\n]$/.test(lines[lines.length - 1]);

  if (matchIndex !== -1) {
    let newLine = args.backrefs && match && typeof match !== 'boolean' ? expandMatch(line, match) : line;
    if (!newLine.endsWith('\n')) newLine += '\n';
    if (lines[matchIndex] !== newLine) {
      lines[matchIndex] = newLine;
      return { after: lines.join(''), reason: 'line replaced' };
    }
    return {};
  }
  if (args.backrefs) return {}; // Without a match the backrefs cannot be filled: do nothing, like Ansible.
  if (insertbefore === 'BOF' || insertafter === 'BOF') return added(0);
  if (insertafter === 'EOF' || insertIndex === -1) {
    if (!endsWithNewline()) lines[lines.length - 1] += '\n';
    return added(lines.length);
  }
  if (insertafter !== undefined) {
    if (insertIndex === lines.length) {
      if (stripEol(lines[insertIndex - 1]) === line) return {};
      if (!endsWithNewline()) lines[lines.length - 1] += '\n';
      return added(lines.length);
    }
    if (stripEol(lines[insertIndex]) === line) return {};
    return added(insertIndex);
  }
  return added(insertIndex);
}

/** Ansible's absent(): every line matching goes. */
export function lineinfileAbsent(before: string, args: LineinfileArgs): TextEdit {
  return withPatternBudget([args.regexp ?? args.regex], () => absentEdit(before, args));
}

function absentEdit(before: string, args: LineinfileArgs): TextEdit {
  const line = args.line ?? args.value;
  const regexp = args.regexp ?? args.regex;
  const re = regexp === undefined ? undefined : pythonRegex(regexp);
  const lines = splitLinesKeepEnds(before);
  const kept = lines.filter((l) => !(re ? re.test(stripEol(l)) : args.search_string !== undefined ? l.includes(args.search_string) : stripEol(l) === line));
  const found = lines.length - kept.length;
  return found ? { after: kept.join(''), reason: `${found} line(s) removed`, found } : { found: 0 };
}

export const lineinfileModule: DeclarativeModule<LineinfileArgs, FileState> = {
  kind: 'declarative',
  name: 'lineinfile',
  schema: {
    type: 'object',
    description: 'Ensures one line is in a file (or, with state=absent, that matching lines are not).',
    additionalProperties: false,
    properties: {
      ...textFileProperties,
      state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the line should be there.' },
      line: { type: 'string', description: 'The line to have in the file (alias: value).' },
      value: { type: 'string', description: 'Alias of line.' },
      regexp: { type: 'string', description: 'Python regular expression finding the line to replace (or remove); the last match wins (alias: regex).' },
      regex: { type: 'string', description: 'Alias of regexp.' },
      search_string: { type: 'string', description: 'Literal text finding the line to replace (or remove).' },
      insertafter: { type: 'string', description: "Insert after the last line matching this regexp, or 'EOF' (default) / 'BOF'." },
      insertbefore: { type: 'string', description: "Insert before the last line matching this regexp, or 'BOF'." },
      backrefs: { type: 'boolean', default: false, description: 'Fill \\1 / \\g<name> in line from regexp; do nothing when regexp does not match.' },
      create: { type: 'boolean', default: false, description: 'Create the file when it does not exist.' },
      firstmatch: { type: 'boolean', default: false, description: 'Use the first matching line instead of the last.' },
    },
    allOf: [pathRequired, exclusive('insertbefore', 'insertafter'), exclusive('regexp', 'search_string'), exclusive('backrefs', 'search_string')],
  },

  gather: (ctx, args) => gatherText(ctx, textPath(args), readsFlags(args)),

  plan(args, state) {
    const path = textPath(args);
    if (state.type === 'directory') throw new ModuleFailure(`Path ${path} is a directory !`, { rc: 256 });
    if (args.state === 'absent') {
      if (args.line === undefined && args.value === undefined && args.regexp === undefined && args.regex === undefined && args.search_string === undefined)
        throw new ModuleFailure('one of line, search_string, or regexp is required with state=absent');
      if (!state.exists) return [];
      return textChanges(path, args, state, ...edit(lineinfileAbsent(state.content!.toString('utf8'), args)), 'backup');
    }
    if (args.backrefs && args.regexp === undefined && args.regex === undefined) throw new ModuleFailure('regexp is required with backrefs=true');
    if (args.line === undefined && args.value === undefined) throw new ModuleFailure('line is required with state=present');
    if (!state.exists && !args.create) throw missingNow(`Destination ${path} does not exist !`, { rc: 257 });
    const before = state.content?.toString('utf8') ?? '';
    return textChanges(path, args, state, ...edit(lineinfilePresent(before, args)), 'backup');
  },

  result(_args, _state, changes) {
    return { msg: editMessage(changes), backup: '' };
  },
};

function edit(e: TextEdit): [string, string | undefined] {
  return [e.after ?? '', e.after === undefined ? undefined : e.reason];
}
