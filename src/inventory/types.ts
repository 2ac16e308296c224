// The loaded inventory: hosts and groups with their own variables, before any merging.
import type { SourceLocation } from '../errors.js';

export interface InventoryHost {
  name: string;
  /** Variables set on the host in the inventory file itself. */
  vars: Record<string, unknown>;
  /** Variables from host_vars/ beside the inventory (they win over `vars`). */
  fileVars: Record<string, unknown>;
  /** Where each of `vars` and `fileVars` is written (for messages that point at an inventory value). */
  varLocations?: Record<string, SourceLocation>;
  fileVarLocations?: Record<string, SourceLocation>;
  /** Groups that list the host directly (not their parents). */
  groups: string[];
  /** Where the host is first defined. */
  location?: SourceLocation;
  /** Ansible's implicit localhost (see implicit-localhost.ts): in no group, not even `all`. */
  implicit?: boolean;
}

export interface InventoryGroup {
  name: string;
  /** Variables of the group in the inventory file itself. */
  vars: Record<string, unknown>;
  /** Variables from group_vars/ beside the inventory (they win over `vars`). */
  fileVars: Record<string, unknown>;
  /** Where each of `vars` and `fileVars` is written. */
  varLocations?: Record<string, SourceLocation>;
  fileVarLocations?: Record<string, SourceLocation>;
  /** Direct child groups. */
  children: string[];
  /** Hosts listed directly in this group. */
  hosts: string[];
  location?: SourceLocation;
  /** `ansible_group_priority` from the inventory (default 1): orders sibling groups when merging vars. Not a variable. */
  priority?: number;
}

export interface Inventory {
  /** Hosts in the order they were first defined (the order Ansible uses to run them). */
  hosts: Map<string, InventoryHost>;
  /** Always contains 'all' and 'ungrouped'. */
  groups: Map<string, InventoryGroup>;
  /** The inventory sources given (-i), resolved to absolute paths. */
  sources: string[];
  /** Directory of the first source (inventory_dir). */
  dir: string;
  /** The directories whose group_vars/ and host_vars/ were read with the inventory (a directory source itself, a file's directory). */
  varsDirs: string[];
  /** Counts in-memory changes (add_host, group_by) during a run: caches of derived data compare it. */
  revision?: number;
}
