// Shapes shared by the evaluator and the filter, test and lookup tables.
import type { StringEscapes } from './parse.js';

export interface TemplateContext {
  /** All variables visible (may contain a lazy `hostvars` proxy). Values that are templates are rendered on access, like Ansible. */
  vars: Record<string, unknown>;
  /** Controller directories for lookup('file', ...): role files/, playbook dir. */
  searchPaths?: string[];
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
  /** Renders the text of a template file (Jinja2 escapes) with the same variables; its includes are looked up in `templateDirs`. */
  renderFile(source: string, templateDirs?: string[]): string;
}

export interface FilterDef {
  fn: (value: unknown, args: unknown[], kwargs: Kwargs, ev: Evaluator) => unknown;
  /** Filters like `default` that must see an undefined value instead of failing on it. */
  acceptsUndefined?: boolean;
}

export type TestFn = (value: unknown, args: unknown[], ev: Evaluator) => boolean;
