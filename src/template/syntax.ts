// The Jinja2 environment settings a template is read with: its delimiters and whitespace handling.
// Ansible's defaults differ from Jinja2's in one place: trim_blocks is on.
import { TemplateError } from './errors.js';

export type NewlineSequence = '\n' | '\r' | '\r\n';

export interface TemplateSyntax {
  blockStart: string;
  blockEnd: string;
  variableStart: string;
  variableEnd: string;
  commentStart: string;
  commentEnd: string;
  /** Drop the first newline after a block or comment tag. */
  trimBlocks: boolean;
  /** Drop spaces and tabs from the start of a line up to a block or comment tag. */
  lstripBlocks: boolean;
  /** What every newline of the template's text becomes. */
  newlineSequence: NewlineSequence;
  /** Keep the source's final newline (Jinja2 drops it; Ansible then adds it back). */
  keepTrailingNewline: boolean;
}

export const ANSIBLE_SYNTAX: Readonly<TemplateSyntax> = Object.freeze({
  blockStart: '{%',
  blockEnd: '%}',
  variableStart: '{{',
  variableEnd: '}}',
  commentStart: '{#',
  commentEnd: '#}',
  trimBlocks: true,
  lstripBlocks: false,
  newlineSequence: '\n',
  keepTrailingNewline: false,
});

/** Jinja2's environment attribute names (also the template module's argument names) → ours. */
export const JINJA_SETTING_NAMES: Readonly<Record<string, keyof TemplateSyntax>> = {
  block_start_string: 'blockStart',
  block_end_string: 'blockEnd',
  variable_start_string: 'variableStart',
  variable_end_string: 'variableEnd',
  comment_start_string: 'commentStart',
  comment_end_string: 'commentEnd',
  trim_blocks: 'trimBlocks',
  lstrip_blocks: 'lstripBlocks',
  newline_sequence: 'newlineSequence',
  keep_trailing_newline: 'keepTrailingNewline',
};

const NEWLINES: readonly string[] = ['\n', '\r', '\r\n'];

/** One setting checked: strings for delimiters and newline_sequence, booleans for the rest. */
export function syntaxSetting(name: string, value: unknown): Partial<TemplateSyntax> {
  const key = JINJA_SETTING_NAMES[name];
  if (key === undefined) {
    throw new TemplateError('template-error', `unsupported Jinja2 setting '${name}'`, { hint: `supported: ${Object.keys(JINJA_SETTING_NAMES).join(', ')}` });
  }
  const kind = typeof ANSIBLE_SYNTAX[key];
  if (typeof value !== kind || (kind === 'string' && value === '')) {
    throw new TemplateError('template-error', `Jinja2 setting '${name}' must be ${kind === 'string' ? 'a non-empty string' : 'a boolean'}, got ${JSON.stringify(value)}`);
  }
  if (key === 'newlineSequence' && !NEWLINES.includes(value as string)) {
    throw new TemplateError('template-error', `newline_sequence must be one of \\n, \\r or \\r\\n, got ${JSON.stringify(value)}`);
  }
  return { [key]: value };
}

/** A cache key for parsed trees: '' for Ansible's defaults. */
export function syntaxKey(syntax: Readonly<TemplateSyntax>): string {
  if (syntax === ANSIBLE_SYNTAX) return '';
  return JSON.stringify(Object.values(syntax));
}

/** Whether text holds a start delimiter, so that it must be rendered (Ansible's is_possibly_template). */
export function holdsTemplate(text: string, syntax: Readonly<TemplateSyntax>): boolean {
  return text.includes(syntax.variableStart) || text.includes(syntax.blockStart) || text.includes(syntax.commentStart);
}
