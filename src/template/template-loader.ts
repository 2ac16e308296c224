// The templates `{% include %}`, `{% import %}` and `{% from %}` name, found as Jinja2's
// FileSystemLoader finds them: the name is a '/'-separated path below one of the search directories
// (never above: '..' is refused), the first directory holding it wins.
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputFileError, readRegularText } from '../source/read-file.js';
import { TemplateError } from './errors.js';
import { parseTemplate, type TNode } from './parse.js';
import { pyStr } from './python.js';
import type { TemplateSyntax } from './syntax.js';

export interface LoadedTemplate {
  name: string;
  root: TNode;
}

/**
 * The template module's search path (Ansible's action plugin): each of the task's search paths, then
 * the template's own directory, each as its templates/ subdirectory first and then itself.
 */
export function templateSearchPath(searchPaths: readonly string[], templateFile: string): string[] {
  const roots = [...searchPaths, dirname(templateFile)].map((dir) => resolve(dir));
  return [...new Set(roots.flatMap((dir) => [join(dir, 'templates'), dir]))];
}

/** The file for one template name, or undefined. */
function findTemplate(name: string, dirs: readonly string[]): string | undefined {
  const pieces = name.split('/').filter((p) => p !== '' && p !== '.');
  if (pieces.length === 0 || pieces.includes('..')) return undefined;
  for (const dir of dirs) {
    const candidate = join(dir, ...pieces);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * Loads the first of `names` (one name, or a list to choose from) that exists. Missing: undefined
 * when `ignoreMissing`, else Jinja2's TemplateNotFound / TemplatesNotFound error.
 */
export function loadTemplate(names: unknown, dirs: readonly string[] | undefined, syntax: Readonly<TemplateSyntax>, ignoreMissing = false): LoadedTemplate | undefined {
  const list = (Array.isArray(names) ? names : [names]).map((n) => pyStr(n));
  if (!dirs) {
    throw new TemplateError('template-error', `cannot load template '${list.join("', '")}': includes and imports work in template files (the template module)`);
  }
  for (const name of list) {
    const file = findTemplate(name, dirs);
    if (file === undefined) continue;
    // Jinja2 reads every line ending as \n and (unless told to keep it) drops one newline at the end of the source.
    const read = readTemplateFile(file).replace(/\r\n?/g, '\n');
    const source = syntax.keepTrailingNewline ? read : read.replace(/\n$/, '');
    return { name, root: parseTemplate(source, 'python', syntax) };
  }
  if (ignoreMissing) return undefined;
  const message = list.length === 1 ? `TemplateNotFound: ${list[0]}` : `TemplatesNotFound: none of the templates given were found: ${list.join(', ')}`;
  throw new TemplateError('template-error', message, { hint: `searched: ${dirs.join(', ')}` });
}

/** A template file's text (a bounded read of a regular file); a problem is a template error naming the file. */
export function readTemplateFile(file: string): string {
  try {
    return readRegularText(file);
  } catch (err) {
    if (err instanceof InputFileError) throw new TemplateError('template-error', `cannot read ${file}: ${err.message}`);
    throw err;
  }
}
