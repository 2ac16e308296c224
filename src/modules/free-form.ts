// Arguments written as one string after the module name: key=value pairs, a free-form text (for the
// modules that take one), or a single template that renders to the mapping of arguments at run time
// (`add_host: "{{ host_spec }}"`, which Ansible keeps as its _variable_params).

/** Where a task keeps arguments known only at run time; explicit arguments win over what it renders to. */
export const VARIABLE_PARAMS = '_variable_params';

/** A string that is exactly one `{{ ... }}` expression. */
export function isWholeTemplate(text: string): boolean {
  const t = text.trim();
  return t.startsWith('{{') && t.endsWith('}}') && t.indexOf('{{', 2) === -1;
}

export function freeFormRefusal(module: string, text: unknown): string {
  return `module '${module}' takes no free-form text ('${String(text)}'); write key=value pairs or a mapping`;
}
