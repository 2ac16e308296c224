// Ansible's `omit`: a placeholder string that makes the executor drop the module argument it ends up in.
// A string (not a symbol) so it survives string filters and concatenation checks the way Ansible's does.
export const OMIT = '__omit_place_holder__ha_run__' as const;

export function isOmit(value: unknown): boolean {
  return value === OMIT;
}
