// Shapes shared by the evaluator and the filter, test and lookup tables.
import type { StringEscapes } from './parse.js';
import type { TemplateSyntax } from './syntax.js';

export interface TemplateContext {
  /** All variables visible (may contain a lazy `hostvars` proxy). Values that are templates are rendered on access, like Ansible. */
  vars: Record<string, unknown>;
  /** Controller directories for lookup('file', ...): role files/, playbook dir. */
  searchPaths?: string[];
  /**
   * The subdirectory `with_first_found` searches in each search path: Ansible picks it from the
   * task's action (templates for template, vars for include_vars, else files).
   */
  lookupSubdir?: 'files' | 'templates' | 'vars';
  /**
   * How backslashes in string literals are read: 'literal' (default) is Ansible's behaviour for
   * templates written in playbooks; 'python' is Jinja2's, for template files (the template module).
   */
  stringEscapes?: StringEscapes;
  /**
   * Where `{% include %}`, `{% import %}` and `{% from %}` find templates by name, in order (the
   * template module's search path, see templateSearchPath); without it they fail.
   */
  templateDirs?: string[];
  /**
   * The Jinja2 environment's delimiters and whitespace rules (the template module's arguments);
   * Ansible's when absent. Like Ansible's, they apply to variables whose values are templates too.
   */
  syntax?: Readonly<TemplateSyntax>;
  /** Evaluating before the run (validation): lookups that write (password) throw LookupDeferred instead. */
  beforeRun?: boolean;
  /** The template file's own settings (`syntax` plus its `#jinja2:` line): for it and what it includes only. */
  fileSyntax?: Readonly<TemplateSyntax>;
}

export interface TemplateFileOptions {
  templateDirs?: string[];
  syntax?: Partial<TemplateSyntax>;
  /** Variables only this template sees (ansible_managed, template_path...), over the others. */
  vars?: Record<string, unknown>;
}

export type Kwargs = Record<string, unknown>;

/** What a filter, test or lookup may ask of the evaluation that calls it. */
export interface Evaluator {
  readonly ctx: TemplateContext;
  filter(name: string, value: unknown, args: unknown[], kwargs?: Kwargs): unknown;
  test(name: string, value: unknown, args: unknown[]): boolean;
  variable(name: string): unknown;
  /** Set once the template has read unsafe data (target data, a lookup's result): its result is unsafe. */
  readUnsafe: boolean;
  /**
   * Renders the text of a template file (Jinja2 escapes, its `#jinja2:` line honoured) with the same
   * variables plus `vars`; its includes are looked up in `templateDirs`; `syntax` changes the environment's settings.
   */
  renderFile(source: string, options: TemplateFileOptions): string;
}

export interface FilterDef {
  fn: (value: unknown, args: unknown[], kwargs: Kwargs, ev: Evaluator) => unknown;
  /** Filters like `default` that must see an undefined value instead of failing on it. */
  acceptsUndefined?: boolean;
}

export type TestFn = (value: unknown, args: unknown[], ev: Evaluator) => boolean;
