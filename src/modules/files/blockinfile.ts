// blockinfile: a block of lines between two marker lines should be in a file (or be gone).
import { readsFlags } from './file-flags.js';
import type { DeclarativeModule } from '../types.js';
import type { FileState } from './file-probe.js';
import { editMessage, gatherText, pathRequired, textChanges, textFileProperties, textPath, type TextFileArgs } from './text-file.js';
import { pythonRegex, splitLinesKeepEnds, withPatternBudget } from '../py-regex.js';
import type { TextEdit } from './lineinfile.js';
import { missingNow, ModuleFailure } from '../failure.js';
import { exclusive } from '../schema-rules.js';

export interface BlockinfileArgs extends TextFileArgs {
  state?: 'present' | 'absent';
  block?: string;
  content?: string;
  marker?: string;
  marker_begin?: string;
  marker_end?: string;
  insertafter?: string;
  insertbefore?: string;
  create?: boolean;
}

const stripEol = (s: string) => s.replace(/[\r\n]+$/, '');
const newlines = (s: string) => s.split('\n').length - 1;

/** Ansible's blockinfile algorithm on the file's text (undefined when the file does not exist). */
export function blockinfileEdit(original: string | undefined, args: BlockinfileArgs): TextEdit {
  return withPatternBudget([args.insertafter, args.insertbefore], () => editBlock(original, args));
}

function editBlock(original: string | undefined, args: BlockinfileArgs): TextEdit {
  const marker = args.marker ?? '# {mark} ANSIBLE MANAGED BLOCK';
  const begin = marker.split('{mark}').join(args.marker_begin ?? 'BEGIN');
  const end = marker.split('{mark}').join(args.marker_end ?? 'END');
  const block = args.block ?? args.content ?? '';
  const present = (args.state ?? 'present') === 'present';
  const blockLines = present && block !== '' ? [begin + '\n', ...splitLinesKeepEnds(block.endsWith('\n') ? block : block + '\n'), end + '\n'] : [];

  const insertbefore = args.insertbefore;
  const insertafter = insertbefore === undefined ? (args.insertafter ?? 'EOF') : undefined;
  const insertRe =
    insertafter !== undefined && insertafter !== 'EOF'
      ? pythonRegex(insertafter)
      : insertbefore !== undefined && insertbefore !== 'BOF'
        ? pythonRegex(insertbefore)
        : undefined;

  const lines = splitLinesKeepEnds(original ?? '');
  let n0: number | undefined;
  let n1: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (stripEol(lines[i]) === begin) n0 = i;
    if (stripEol(lines[i]) === end) n1 = i;
  }
  if (n0 === undefined || n1 === undefined) {
    n0 = undefined;
    if (insertRe) {
      if (insertRe.multiline) {
        // A (?m) pattern is searched in the whole text, so it can span lines: its first match places the block.
        const match = insertRe.exec(original ?? '');
        if (match) n0 = newlines((original ?? '').slice(0, insertafter !== undefined ? match.index + match[0].length : match.index));
      } else {
        for (let i = 0; i < lines.length; i++) if (insertRe.test(stripEol(lines[i]))) n0 = i;
      }
      if (n0 === undefined) n0 = lines.length;
      else if (insertafter !== undefined) n0 += 1;
    } else if (insertbefore !== undefined) n0 = 0;
    else n0 = lines.length;
  } else if (n0 < n1) {
    lines.splice(n0, n1 - n0 + 1);
  } else {
    lines.splice(n1, n0 - n1 + 1);
    n0 = n1;
  }
  if (n0 > 0 && !lines[n0 - 1].endsWith('\n')) lines[n0 - 1] += '\n';
  lines.splice(n0, 0, ...blockLines);
  const result = lines.join('');
  if (result === (original ?? '') && original !== undefined) return {};
  if (original === undefined) return blockLines.length ? { after: result, reason: 'File created' } : {};
  return { after: result, reason: blockLines.length ? 'Block inserted' : 'Block removed' };
}

export const blockinfileModule: DeclarativeModule<BlockinfileArgs, FileState> = {
  kind: 'declarative',
  name: 'blockinfile',
  schema: {
    type: 'object',
    description: 'Ensures a block of lines, between marker lines, is in a file (or, with state=absent, is not).',
    additionalProperties: false,
    properties: {
      ...textFileProperties,
      state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the block should be there.' },
      block: { type: 'string', default: '', description: 'The lines between the markers (alias: content). Empty removes the block.' },
      content: { type: 'string', description: 'Alias of block.' },
      marker: { type: 'string', default: '# {mark} ANSIBLE MANAGED BLOCK', description: 'Marker line template; {mark} becomes marker_begin / marker_end.' },
      marker_begin: { type: 'string', default: 'BEGIN', description: 'What {mark} becomes in the first marker.' },
      marker_end: { type: 'string', default: 'END', description: 'What {mark} becomes in the last marker.' },
      insertafter: { type: 'string', description: "When the block is new: insert after the last line matching this regexp, or 'EOF' (default)." },
      insertbefore: { type: 'string', description: "When the block is new: insert before the last line matching this regexp, or 'BOF'." },
      create: { type: 'boolean', default: false, description: 'Create the file when it does not exist.' },
    },
    allOf: [pathRequired, exclusive('insertbefore', 'insertafter')],
  },

  gather: (ctx, args) => gatherText(ctx, textPath(args), readsFlags(args)),

  plan(args, state) {
    const path = textPath(args);
    if (state.type === 'directory') throw new ModuleFailure(`Path ${path} is a directory !`, { rc: 256 });
    if (!state.exists) {
      if ((args.state ?? 'present') === 'absent') return [];
      if (!args.create) throw missingNow(`Path ${path} does not exist !`, { rc: 257 });
    }
    const e = blockinfileEdit(state.exists ? state.content!.toString('utf8') : undefined, args);
    return textChanges(path, args, state, e.after ?? '', e.after === undefined ? undefined : e.reason);
  },

  result(_args, _state, changes) {
    return { msg: editMessage(changes) };
  },
};
