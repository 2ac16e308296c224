// The groups whose variables apply to a host, in the order they merge (later wins).
import { groupsOf } from '../inventory/index.js';
import type { Inventory } from '../inventory/types.js';

/**
 * `all` first, then every group the host belongs to (directly or through a child group), parents
 * before children (by depth from `all`), siblings by `ansible_group_priority` then name, like Ansible.
 */
export function groupOrder(inventory: Inventory, host: string): string[] {
  return groupsOf(inventory, host);
}
