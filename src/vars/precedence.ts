// The one variable precedence order (Ansible's, for the levels ha-run has), lowest first.
// Each level replaces whole top-level values of the levels below it (hash_behaviour=replace).
// docs/variables.md documents the same order for users; keep them in step.
import type { Inventory } from '../inventory/types.js';
import { groupOrder } from './group-order.js';

export type Vars = Record<string, unknown>;

export interface VarScopes {
  /** `-e` / `--extra-vars`, highest of all. */
  extraVars: Vars;
  /** Role defaults (defaults/main.yml), outermost dependency first. */
  roleDefaults: Vars[];
  inventory: Inventory;
  /** Host the variables are for. */
  host: string;
  /** group_vars/ beside the playbook, by group name. */
  playbookGroupVars: Map<string, Vars>;
  /** host_vars/ beside the playbook, by host name. */
  playbookHostVars: Map<string, Vars>;
  /** Gathered facts and facts cached from earlier plays (ansible_facts and their ansible_* names). */
  facts: Vars;
  playVars: Vars;
  /** Each vars_files entry, in the order listed. */
  varsFiles: Vars[];
  /** Role vars (vars/main.yml), outermost first. */
  roleVars: Vars[];
  /** Enclosing blocks' vars, outermost first. */
  blockVars: Vars[];
  taskVars: Vars;
  /** Loaded by include_vars tasks so far. */
  includeVars: Vars;
  /** set_fact results and registered variables for this host. */
  hostFacts: Vars;
  /** Parameters on the role entry (`- role: x`, `vars:`), and of include_role. */
  roleParams: Vars;
  /** `vars:` on include_tasks / include_role. */
  includeParams: Vars;
  /** inventory_hostname, groups, hostvars, ... (see magicVars); they cannot be overridden. */
  magic: Vars;
}

export interface PrecedenceLevel {
  /** Stable name of the level, as docs/variables.md lists it. */
  level: string;
  vars: Vars;
}

function groupLayers(s: Partial<VarScopes>): { inline: PrecedenceLevel[]; files: PrecedenceLevel[] } {
  const inline: PrecedenceLevel[] = [];
  const files: PrecedenceLevel[] = [];
  if (!s.inventory || s.host === undefined) return { inline, files };
  const inv = s.inventory;
  const order = groupOrder(inv, s.host);
  const others = order.filter((g) => g !== 'all');
  for (const g of order) inline.push({ level: `inventory file group vars (${g})`, vars: inv.groups.get(g)?.vars ?? {} });
  files.push({ level: 'inventory group_vars/all', vars: inv.groups.get('all')?.fileVars ?? {} });
  files.push({ level: 'playbook group_vars/all', vars: s.playbookGroupVars?.get('all') ?? {} });
  for (const g of others) files.push({ level: `inventory group_vars/${g}`, vars: inv.groups.get(g)?.fileVars ?? {} });
  for (const g of others) files.push({ level: `playbook group_vars/${g}`, vars: s.playbookGroupVars?.get(g) ?? {} });
  return { inline, files };
}

/** Every level that applies, lowest precedence first (for `mergeVars` and for explaining where a value came from). */
export function precedenceLevels(s: Partial<VarScopes>): PrecedenceLevel[] {
  const host = s.inventory && s.host !== undefined ? s.inventory.hosts.get(s.host) : undefined;
  const { inline, files } = groupLayers(s);
  const many = (level: string, list: Vars[] | undefined): PrecedenceLevel[] => (list ?? []).map((vars) => ({ level, vars }));
  const one = (level: string, vars: Vars | undefined): PrecedenceLevel[] => (vars ? [{ level, vars }] : []);
  return [
    ...many('role defaults', s.roleDefaults),
    ...inline,
    ...files,
    ...one('inventory file host vars', host?.vars),
    ...one('inventory host_vars', host?.fileVars),
    ...one('playbook host_vars', s.host === undefined ? undefined : s.playbookHostVars?.get(s.host)),
    ...one('host facts', s.facts),
    ...one('play vars', s.playVars),
    ...many('play vars_files', s.varsFiles),
    ...many('role vars', s.roleVars),
    ...many('block vars', s.blockVars),
    ...one('task vars', s.taskVars),
    ...one('include_vars', s.includeVars),
    ...one('set_fact / registered vars', s.hostFacts),
    ...one('role params', s.roleParams),
    ...one('include params', s.includeParams),
    ...one('extra vars', s.extraVars),
    ...one('magic vars', s.magic),
  ].filter((l) => Object.keys(l.vars).length > 0);
}

/**
 * All variables visible for one host and task, merged by precedence. Values are not rendered:
 * templates inside them are rendered lazily when used (see src/template), like Ansible does.
 */
export function mergeVars(...scopes: Partial<VarScopes>[]): Vars {
  const s: Partial<VarScopes> = Object.assign({}, ...scopes);
  const merged: Vars = {};
  for (const { vars } of precedenceLevels(s)) {
    // Copy property by property: getters (lazy hostvars) must stay lazy, not be read now.
    for (const key of Object.keys(vars)) {
      const desc = Object.getOwnPropertyDescriptor(vars, key);
      if (desc?.get) Object.defineProperty(merged, key, { get: desc.get, enumerable: true, configurable: true });
      else merged[key] = vars[key];
    }
  }
  return merged;
}
