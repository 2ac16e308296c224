// Ansible's implicit localhost: a pattern naming localhost, 127.0.0.1 or ::1 that matches nothing in the
// inventory gets a host that runs on the controller (connection local). It is made on first use under
// the name used then (the other two names then mean it too), and belongs to no group: `all` and globs
// do not match it, yet `all`'s variables apply to it (its own connection setting wins over them).
import type { Inventory, InventoryHost } from './types.js';

export const LOCALHOST_NAMES: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** The implicit localhost of this inventory, made now if it does not exist yet; its name. */
export function addImplicitLocalhost(inventory: Inventory, name: string): string {
  const existing = [...inventory.hosts.values()].find((h) => h.implicit);
  if (existing) return existing.name;
  const host: InventoryHost = { name, vars: { ansible_connection: 'local' }, fileVars: {}, groups: [], implicit: true };
  inventory.hosts.set(name, host);
  return name;
}

export function isImplicit(inventory: Inventory, host: string): boolean {
  return inventory.hosts.get(host)?.implicit === true;
}

/** Hosts the inventory itself defines (without the implicit localhost). */
export function inventoryHostCount(inventory: Inventory): number {
  return [...inventory.hosts.values()].filter((h) => !h.implicit).length;
}
