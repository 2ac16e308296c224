// Ansible's magic variables: what every task can read about the run, the host and the inventory.
import { basename } from 'node:path';
import { groupsMap } from '../inventory/index.js';
import type { Inventory } from '../inventory/types.js';
import { OMIT, TemplateError, renderValue } from '../template/index.js';
import { groupOrder } from './group-order.js';
import { lazyMapping } from './lazy-mapping.js';
import type { Vars } from './precedence.js';

/** Every name magicVars can set, for static checks that must not call them undefined. */
export const MAGIC_VARIABLE_NAMES: readonly string[] = [
  'inventory_hostname',
  'inventory_hostname_short',
  'groups',
  'group_names',
  'hostvars',
  'ansible_play_hosts_all',
  'ansible_play_hosts',
  'play_hosts',
  'ansible_play_batch',
  'ansible_play_name',
  'inventory_dir',
  'inventory_file',
  'playbook_dir',
  'role_path',
  'role_name',
  'ansible_role_name',
  'ansible_check_mode',
  'ansible_diff_mode',
  'omit',
];

export interface MagicInput {
  inventory: Inventory;
  host: string;
  /** Hosts of the current play (ansible_play_hosts_all) and those still active (ansible_play_hosts). */
  playHosts?: string[];
  activeHosts?: string[];
  /** Hosts of the current serial batch (ansible_play_batch). */
  batchHosts?: string[];
  playbookDir?: string;
  playName?: string;
  roleName?: string;
  rolePath?: string;
  checkMode?: boolean;
  diffMode?: boolean;
  /** Merged variables of any host, for `hostvars[h]`: computed only when a template reads them. */
  varsOf?: (host: string) => Vars;
  /** Evaluating before the run: `hostvars` values do not run writing lookups either (see TemplateContext). */
  beforeRun?: boolean;
}

/** A view of one host's variables whose values are rendered (in that host's context) when read. */
export function renderedView(vars: Vars, beforeRun?: boolean): Vars {
  const ctx = beforeRun ? { vars, beforeRun } : { vars };
  return lazyMapping(
    () => Object.keys(vars),
    (key) => renderLeavingUndefined(vars[key], ctx),
  );
}

/**
 * As Ansible's hostvars (fail_on_undefined off): a string whose template needs a variable the host does
 * not have stays as written, the rest of the value is rendered. Where it is used later, the template
 * text is rendered again in that task's variables, as Ansible does.
 */
function renderLeavingUndefined(value: unknown, ctx: { vars: Vars; beforeRun?: boolean }): unknown {
  try {
    return renderValue(value, ctx);
  } catch (err) {
    if (!(err instanceof TemplateError && err.code === 'undefined-variable')) throw err;
    if (Array.isArray(value)) return value.map((v) => renderLeavingUndefined(v, ctx));
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderLeavingUndefined(v, ctx)]));
    }
    return value;
  }
}

/** `hostvars`: every inventory host, each computed on first use. */
export function hostvarsMapping(inventory: Inventory, varsOf: (host: string) => Vars, beforeRun?: boolean): Vars {
  return lazyMapping(
    () => [...inventory.hosts.keys()],
    (host) => renderedView(varsOf(host), beforeRun),
  );
}

/** `group_names`: the host's groups but `all`, sorted. */
export function groupNames(inventory: Inventory, host: string): string[] {
  return groupOrder(inventory, host).filter((g) => g !== 'all').sort();
}

export function magicVars(input: MagicInput): Vars {
  const { inventory, host } = input;
  const playHosts = input.playHosts ?? [...inventory.hosts.keys()];
  const active = input.activeHosts ?? playHosts;
  const source = inventory.sources[0];
  const magic: Vars = {
    inventory_hostname: host,
    inventory_hostname_short: host.split('.')[0],
    groups: groupsMap(inventory),
    group_names: groupNames(inventory, host),
    ansible_play_hosts_all: playHosts,
    ansible_play_hosts: active,
    play_hosts: active,
    ansible_play_batch: input.batchHosts ?? active,
    inventory_dir: inventory.dir,
    omit: OMIT,
  };
  if (source !== undefined) magic.inventory_file = source;
  if (input.playbookDir !== undefined) magic.playbook_dir = input.playbookDir;
  if (input.playName !== undefined) magic.ansible_play_name = input.playName;
  if (input.rolePath !== undefined) {
    magic.role_path = input.rolePath;
    magic.role_name = input.roleName ?? basename(input.rolePath);
    magic.ansible_role_name = magic.role_name;
  }
  if (input.checkMode !== undefined) magic.ansible_check_mode = input.checkMode;
  if (input.diffMode !== undefined) magic.ansible_diff_mode = input.diffMode;
  if (input.varsOf) {
    const varsOf = input.varsOf;
    let hostvars: Vars | undefined;
    // A getter keeps hostvars lazy through mergeVars until a template reads it.
    Object.defineProperty(magic, 'hostvars', {
      enumerable: true,
      configurable: true,
      get: () => (hostvars ??= hostvarsMapping(inventory, varsOf, input.beforeRun)),
    });
  }
  return magic;
}

