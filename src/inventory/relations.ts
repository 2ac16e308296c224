// How groups and hosts relate: a host's groups (transitively), a group's hosts (through its children),
// and the `groups` magic variable. Orders follow Ansible's so that `hosts: web` runs hosts in its order.
import type { Inventory, InventoryGroup } from './types.js';

/**
 * Parents and depths, computed once per inventory and reused for every host: recomputing them for each
 * host made a 10k-group inventory quadratic. Recomputed if groups were added since, or the run changed
 * the inventory (add_host, group_by: its revision).
 */
const shapes = new WeakMap<Inventory['groups'], { size: number; revision: number; parents: Map<string, string[]>; depths: Map<string, number> }>();

function shapeOf(inventory: Inventory): { parents: Map<string, string[]>; depths: Map<string, number> } {
  let shape = shapes.get(inventory.groups);
  const revision = inventory.revision ?? 0;
  if (!shape || shape.size !== inventory.groups.size || shape.revision !== revision) {
    const parents = computeParents(inventory);
    shape = { size: inventory.groups.size, revision, parents, depths: computeDepths(inventory, parents) };
    shapes.set(inventory.groups, shape);
  }
  return shape;
}

/** Direct parents of every group, from the children lists. */
export function parentsMap(inventory: Inventory): Map<string, string[]> {
  return shapeOf(inventory).parents;
}

function computeParents(inventory: Inventory): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  for (const name of inventory.groups.keys()) parents.set(name, []);
  for (const group of inventory.groups.values()) {
    for (const child of group.children) parents.get(child)?.push(group.name);
  }
  return parents;
}

/** Distance from `all` along the longest path (Ansible's group depth): children merge after parents. */
export function groupDepths(inventory: Inventory): Map<string, number> {
  return shapeOf(inventory).depths;
}

function computeDepths(inventory: Inventory, parents: Map<string, string[]>): Map<string, number> {
  const depths = new Map<string, number>();
  const depthOf = (name: string, guard: Set<string>): number => {
    const known = depths.get(name);
    if (known !== undefined) return known;
    if (guard.has(name)) return 0; // cycles are refused when loading; never loop here anyway
    guard.add(name);
    const ps = parents.get(name) ?? [];
    const depth = ps.length === 0 ? 0 : Math.max(...ps.map((p) => depthOf(p, guard) + 1));
    guard.delete(name);
    depths.set(name, depth);
    return depth;
  };
  for (const name of inventory.groups.keys()) depthOf(name, new Set());
  return depths;
}

/** Ansible's sort_groups: by depth, then ansible_group_priority, then name. */
export function sortGroups(inventory: Inventory, names: Iterable<string>, depths = groupDepths(inventory)): string[] {
  const priority = (g: string): number => inventory.groups.get(g)?.priority ?? 1;
  return [...names].sort((a, b) => depths.get(a)! - depths.get(b)! || priority(a) - priority(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Every group the host is in, directly or through a child group, including `all`; in merge order (sortGroups). */
export function groupsOf(inventory: Inventory, host: string): string[] {
  const entry = inventory.hosts.get(host);
  if (!entry) return [];
  const parents = parentsMap(inventory);
  const seen = new Set<string>(['all']);
  const todo = [...entry.groups];
  while (todo.length > 0) {
    const g = todo.pop()!;
    if (seen.has(g)) continue;
    seen.add(g);
    for (const parent of parents.get(g) ?? []) todo.push(parent);
  }
  return sortGroups(inventory, seen);
}

/** Groups reachable from `group` (itself first, then breadth-first through children, in definition order). */
export function descendantGroups(inventory: Inventory, group: string): InventoryGroup[] {
  const start = inventory.groups.get(group);
  if (!start) return [];
  const ordered = [start];
  const seen = new Set([group]);
  for (let i = 0; i < ordered.length; i++) {
    for (const child of ordered[i]!.children) {
      const g = inventory.groups.get(child);
      if (g && !seen.has(child)) {
        seen.add(child);
        ordered.push(g);
      }
    }
  }
  return ordered;
}

/** The hosts of a group and of all its descendants, without duplicates, in Ansible's order. */
export function groupHosts(inventory: Inventory, group: string): string[] {
  const hosts = new Set<string>();
  for (const g of descendantGroups(inventory, group)) for (const h of g.hosts) hosts.add(h);
  if (group === 'all') for (const h of inventory.hosts.values()) if (!h.implicit) hosts.add(h.name);
  return [...hosts];
}

/** The `groups` magic variable: every group (incl. `all` and `ungrouped`) → its hosts. */
export function groupsMap(inventory: Inventory): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const name of inventory.groups.keys()) map[name] = groupHosts(inventory, name);
  return map;
}
