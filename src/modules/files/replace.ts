// replace: every match of a (Python) regular expression in a file is replaced, optionally only
// between `after` and `before`.
import { readsFlags } from './file-flags.js';
import type { DeclarativeModule } from '../types.js';
import type { FileState } from './file-probe.js';
import { editMessage, gatherText, pathRequired, textChanges, textFileProperties, textPath, type TextFileArgs } from './text-file.js';
import type { TextEdit } from './lineinfile.js';
import { expandMatch, pythonRegex, withPatternBudget } from '../py-regex.js';
import { missingNow, ModuleFailure } from '../failure.js';

export interface ReplaceArgs extends TextFileArgs {
  regexp: string;
  replace?: string;
  after?: string;
  before?: string;
}

/** Ansible's replace on the file's text: re.subn with MULTILINE inside the after/before section. */
export function replaceEdit(contents: string, args: ReplaceArgs): TextEdit {
  const section = args.after !== undefined || args.before !== undefined ? sectionPattern(args) : undefined;
  // The section is searched with match indices (flag d), which only the time budget covers: the `after`/`before` text counts too.
  return withPatternBudget([args.regexp, section], () => replaceInSection(contents, args, section), section === undefined ? 'gm' : 'd');
}

function sectionPattern(args: ReplaceArgs): string {
  return `${args.after ?? ''}(?P<subsection>.${args.after !== undefined && args.before !== undefined ? '*?' : '*'})${args.before ?? ''}`;
}

/** Whether the after/before markers delimit a section of the text. */
function sectionFound(contents: string, args: ReplaceArgs): boolean {
  const pattern = sectionPattern(args);
  return withPatternBudget([pattern], () => pythonRegex(pattern, 'sd').exec(contents) !== null, 'd');
}

function replaceInSection(contents: string, args: ReplaceArgs, pattern: string | undefined): TextEdit {
  let start = 0;
  let end = contents.length;
  if (pattern !== undefined) {
    const section = pythonRegex(pattern, 'sd').exec(contents);
    // Markers that are missing, or in the wrong order, leave nothing to replace in.
    if (!section?.indices?.groups?.subsection) return { found: 0 };
    [start, end] = section.indices.groups.subsection;
  }
  const section = contents.slice(start, end);
  const re = pythonRegex(args.regexp, 'gm');
  let count = 0;
  const replaced = section.replace(re, (...all: unknown[]) => {
    count++;
    // Rebuild an exec-style match (groups by number and name) for Python's template expansion.
    const hasGroups = typeof all[all.length - 1] === 'object' && all[all.length - 1] !== null;
    const groupsEnd = all.length - (hasGroups ? 3 : 2);
    const match = Object.assign(all.slice(0, groupsEnd) as string[], { groups: hasGroups ? (all[all.length - 1] as Record<string, string>) : undefined }) as unknown as RegExpExecArray;
    return expandMatch(args.replace ?? '', match);
  });
  if (count === 0 || replaced === section) return { found: 0 };
  return { after: contents.slice(0, start) + replaced + contents.slice(end), reason: `${count} replacements made`, found: count };
}

export const replaceModule: DeclarativeModule<ReplaceArgs, FileState> = {
  kind: 'declarative',
  name: 'replace',
  schema: {
    type: 'object',
    description: 'Replaces every match of a Python regular expression in a file (multiline mode).',
    additionalProperties: false,
    required: ['regexp'],
    properties: {
      ...textFileProperties,
      regexp: { type: 'string', description: 'Python regular expression (MULTILINE: ^ and $ match at each line).' },
      replace: { type: 'string', default: '', description: 'Replacement; \\1 and \\g<name> insert groups. Empty deletes the matches.' },
      after: { type: 'string', description: 'Only replace after the first match of this regexp.' },
      before: { type: 'string', description: 'Only replace before the first match of this regexp.' },
    },
    allOf: [pathRequired],
  },

  gather: (ctx, args) => gatherText(ctx, textPath(args), readsFlags(args)),

  plan(args, state) {
    const path = textPath(args);
    if (state.type === 'directory') throw new ModuleFailure(`Path ${path} is a directory !`, { rc: 256 });
    if (!state.exists) throw missingNow(`Path ${path} does not exist !`, { rc: 257 });
    const e = replaceEdit(state.content!.toString('utf8'), args);
    return textChanges(path, args, state, e.after ?? '', e.after === undefined ? undefined : e.reason);
  },

  result(args, state, changes) {
    // Ansible says why nothing was replaced when the after/before markers do not match.
    if (changes.length === 0 && (args.after !== undefined || args.before !== undefined) && state.content !== undefined && !sectionFound(state.content.toString('utf8'), args)) {
      return { msg: `Pattern for before/after params did not match the given file: ${sectionPattern(args)}` };
    }
    return { msg: editMessage(changes) };
  },
};
