// What `ha-run inventory` prints, in the shapes `ansible-inventory` (2.14) prints: --list, --graph, --host.
import { UnsafeText } from '../source/yaml.js';
import { hostVars, type PlaybookVars } from './host-vars.js';
import type { Inventory, InventoryGroup } from './types.js';

export interface ListingOptions {
  /** `--export`: group vars under each group, host vars only the host's own (not merged). */
  export?: boolean;
  /** Only these hosts are shown (from --limit); undefined means all. */
  hosts?: ReadonlySet<string>;
  /** Vars beside a playbook (`--playbook-dir`): they count as Ansible counts them. */
  playbook?: PlaybookVars;
}

/** Ansible strips these from host vars it prints (its INTERNAL_VARS). */
const INTERNAL_VARS = new Set([
  'ansible_diff_mode', 'ansible_config_file', 'ansible_facts', 'ansible_forks', 'ansible_inventory_sources', 'ansible_limit',
  'ansible_playbook_python', 'ansible_run_tags', 'ansible_skip_tags', 'ansible_verbosity', 'ansible_version', 'inventory_dir',
  'inventory_file', 'inventory_hostname', 'inventory_hostname_short', 'groups', 'group_names', 'omit', 'playbook_dir',
]);

function withoutInternal(vars: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(vars).filter(([k]) => !INTERNAL_VARS.has(k)));
}

/** A group's own variables as ansible-inventory shows them: inline, then group_vars files, then its priority. */
export function displayedGroupVars(group: InventoryGroup, playbook?: PlaybookVars): Record<string, unknown> {
  const vars: Record<string, unknown> = { ...group.vars, ...group.fileVars, ...playbook?.groupVars.get(group.name) };
  if ((group.priority ?? 1) !== 1) vars.ansible_group_priority = group.priority;
  return withoutInternal(vars);
}

export function displayedHostVars(inventory: Inventory, host: string, exportMode = false, playbook?: PlaybookVars): Record<string, unknown> {
  const entry = inventory.hosts.get(host);
  if (!entry) return {};
  return withoutInternal(exportMode ? { ...entry.vars, ...entry.fileVars, ...playbook?.hostVars.get(host) } : hostVars(inventory, host, playbook));
}

/** `--list`: the inventory-script JSON shape (groups with hosts/children, `_meta.hostvars`). */
export function listInventory(inventory: Inventory, options: ListingOptions = {}): Record<string, unknown> {
  const shown = (h: string): boolean => options.hosts === undefined || options.hosts.has(h);
  const result: Record<string, unknown> = {};
  const seen = new Set<string>();
  const formatGroup = (group: InventoryGroup): void => {
    const entry: Record<string, unknown> = {};
    if (group.name !== 'all') {
      const hosts = group.hosts.filter(shown);
      if (hosts.length > 0) entry.hosts = hosts;
    }
    if (group.children.length > 0) entry.children = [...group.children];
    result[group.name] = entry;
    for (const child of group.children) {
      if (seen.has(child)) continue;
      seen.add(child);
      formatGroup(inventory.groups.get(child)!);
    }
    if (options.export) {
      const vars = displayedGroupVars(group, options.playbook);
      if (Object.keys(vars).length > 0) entry.vars = vars;
    }
    if (Object.keys(entry).length === 0) delete result[group.name];
  };
  formatGroup(inventory.groups.get('all')!);
  const hostvars: Record<string, unknown> = {};
  for (const host of inventory.hosts.keys()) {
    if (!shown(host)) continue;
    const vars = displayedHostVars(inventory, host, options.export, options.playbook);
    if (Object.keys(vars).length > 0) hostvars[host] = vars;
  }
  return { _meta: { hostvars }, ...result };
}

/** `--list --yaml`: the YAML inventory shape (nested groups, each host's vars at its first appearance). */
export function yamlInventory(inventory: Inventory, options: ListingOptions = {}): Record<string, unknown> {
  const shown = (h: string): boolean => options.hosts === undefined || options.hosts.has(h);
  const seen = new Set<string>();
  const formatGroup = (group: InventoryGroup): Record<string, unknown> => {
    const entry: Record<string, unknown> = {};
    const children: Record<string, unknown> = {};
    for (const child of group.children) if (child !== 'all') Object.assign(children, formatGroup(inventory.groups.get(child)!));
    if (Object.keys(children).length > 0) entry.children = children;
    const hosts: Record<string, unknown> = {};
    if (group.name !== 'all') {
      for (const host of group.hosts.filter(shown)) {
        const first = !seen.has(host);
        seen.add(host);
        hosts[host] = first ? displayedHostVars(inventory, host, options.export, options.playbook) : {};
      }
    }
    if (Object.keys(hosts).length > 0) entry.hosts = hosts;
    if (options.export) {
      const vars = displayedGroupVars(group, options.playbook);
      if (Object.keys(vars).length > 0) entry.vars = vars;
    }
    return { [group.name]: entry };
  };
  return formatGroup(inventory.groups.get('all')!);
}

/** `--graph [GROUP] [--vars]`: the indented tree ansible-inventory draws. Undefined when the group does not exist. */
export function graphInventory(
  inventory: Inventory,
  groupName = 'all',
  options: ListingOptions & { vars?: boolean; mask?: (vars: Record<string, unknown>) => Record<string, unknown> } = {},
): string | undefined {
  const start = inventory.groups.get(groupName);
  if (!start) return undefined;
  const shown = (h: string): boolean => options.hosts === undefined || options.hosts.has(h);
  const lines: string[] = [];
  const line = (text: string, depth: number): void => {
    lines.push(depth > 0 ? '  |'.repeat(depth) + '--' + text : text);
  };
  const showVars = (unmasked: Record<string, unknown>, depth: number): void => {
    const vars = options.mask ? options.mask(unmasked) : unmasked;
    for (const key of Object.keys(vars).sort()) line(`{${key} = ${pythonRepr(vars[key], true)}}`, depth);
  };
  const walk = (group: InventoryGroup, depth: number): void => {
    line(`@${group.name}:`, depth);
    for (const child of group.children) walk(inventory.groups.get(child)!, depth + 1);
    if (group.name !== 'all') {
      for (const host of group.hosts.filter(shown)) {
        line(host, depth + 1);
        if (options.vars) showVars(displayedHostVars(inventory, host, false, options.playbook), depth + 2);
      }
    }
    if (options.vars) showVars(displayedGroupVars(group, options.playbook), depth + 1);
  };
  walk(start, 0);
  return lines.join('\n');
}

/**
 * Values as Python's `%s` prints them, since the graph is Python string formatting:
 * strings bare at the top level and quoted inside containers, True/False/None.
 */
export function pythonRepr(value: unknown, top = false): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloat(value);
  if (typeof value === 'string') return top ? value : pythonString(value);
  if (Array.isArray(value)) return `[${value.map((v) => pythonRepr(v)).join(', ')}]`;
  if (typeof value === 'object') {
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') return pythonRepr(json.call(value), top);
    return `{${Object.entries(value).map(([k, v]) => `${pythonString(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

function pythonFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return String(n);
}

function pythonString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
}

/** JSON as ansible-inventory prints it: keys sorted, 4-space indent, non-ASCII kept. */
export function ansibleJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  // ansible-inventory marks `!unsafe` values this way in JSON.
  if (value instanceof UnsafeText) return { __ansible_unsafe: value.text };
  if (value && typeof value === 'object') {
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') return sortKeys(json.call(value));
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
