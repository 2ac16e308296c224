// Collects hosts and groups from any number of inventory sources, the way Ansible's InventoryData does:
// definitions merge, the first definition decides order and location, `all`/`ungrouped` are kept right.
import { diagnostic, type Diagnostic, type SourceLocation } from '../errors.js';
import { splitHostPort } from './address.js';
import { expandHostRange, HostRangeError } from './ranges.js';
import type { Inventory, InventoryGroup, InventoryHost } from './types.js';

export const PRIORITY_VAR = 'ansible_group_priority';

export class InventoryBuilder {
  readonly hosts = new Map<string, InventoryHost>();
  readonly groups = new Map<string, InventoryGroup>();
  readonly diagnostics: Diagnostic[] = [];
  private readonly parents = new Map<string, string[]>();
  /** Each group's hosts as a set beside its ordered list: adding a host stays constant time in a group of a million. */
  private readonly groupMembers = new Map<string, Set<string>>();

  constructor() {
    this.group('all');
    this.group('ungrouped');
    this.addChild('all', 'ungrouped');
  }

  group(name: string, location?: SourceLocation): InventoryGroup {
    let group = this.groups.get(name);
    if (!group) {
      group = { name, vars: {}, fileVars: {}, children: [], hosts: [], location };
      this.groups.set(name, group);
      this.parents.set(name, []);
    } else if (!group.location && location) {
      group.location = location;
    }
    return group;
  }

  host(name: string, location?: SourceLocation): InventoryHost {
    let host = this.hosts.get(name);
    if (!host) {
      host = { name, vars: {}, fileVars: {}, groups: [], location };
      this.hosts.set(name, host);
    } else if (!host.location && location) {
      host.location = location;
    }
    return host;
  }

  addHostToGroup(hostName: string, groupName: string, location?: SourceLocation): void {
    const host = this.host(hostName, location);
    const group = this.group(groupName);
    let members = this.groupMembers.get(groupName);
    if (!members) this.groupMembers.set(groupName, (members = new Set()));
    if (!members.has(hostName)) {
      members.add(hostName);
      group.hosts.push(hostName);
    }
    // A host is in a handful of groups: its own list is short.
    if (!host.groups.includes(groupName)) host.groups.push(groupName);
  }

  /**
   * One host entry as written in an inventory (`web[1:3]:2222`): expands the range, adds every host to the
   * group with the port (only on a host's first definition, as Ansible) and the variables (each written
   * where `varLocation` says, else on the entry's line). False if the range is bad.
   */
  addHostEntry(
    entry: string,
    groupName: string,
    vars: Record<string, unknown>,
    location?: SourceLocation,
    varLocation: (key: string) => SourceLocation | undefined = () => location,
  ): boolean {
    const { pattern, port } = splitHostPort(entry);
    let names: string[];
    try {
      names = expandHostRange(pattern);
    } catch (err) {
      if (!(err instanceof HostRangeError)) throw err;
      this.diagnostics.push(diagnostic('bad-range', err.message, location, 'ranges look like node[1:3], web[01:10:2] or db-[a:c]'));
      return false;
    }
    for (const name of names) {
      const isNew = !this.hosts.has(name);
      this.addHostToGroup(name, groupName, location);
      if (port !== undefined && isNew) this.setHostVar(name, 'ansible_port', port, location);
      for (const [key, value] of Object.entries(vars)) this.setHostVar(name, key, value, varLocation(key));
    }
    return true;
  }

  /** Makes `child` a child group of `parent`; refuses (with a diagnostic) an edge that would close a cycle. */
  addChild(parentName: string, childName: string, location?: SourceLocation): boolean {
    const parent = this.group(parentName);
    this.group(childName, location);
    if (parent.children.includes(childName)) return true;
    if (parentName === childName || this.ancestorsOf(parentName).has(childName)) {
      this.diagnostics.push(
        diagnostic(
          'group-cycle',
          parentName === childName
            ? `group '${childName}' cannot be a child of itself`
            : `group '${childName}' cannot be a child of '${parentName}': '${childName}' is already its ancestor, which makes a loop`,
          location,
          'a group may not contain itself, directly or through its children',
        ),
      );
      return false;
    }
    parent.children.push(childName);
    this.parents.get(childName)!.push(parentName);
    return true;
  }

  setGroupVar(groupName: string, key: string, value: unknown, location?: SourceLocation): void {
    const group = this.group(groupName);
    if (key === PRIORITY_VAR) {
      const priority = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
      if (Number.isInteger(priority)) group.priority = priority;
      else this.diagnostics.push(diagnostic('wrong-type', `'${PRIORITY_VAR}' must be a whole number, not ${JSON.stringify(value)}`, location));
      return;
    }
    group.vars[key] = value;
    if (location) (group.varLocations ??= {})[key] = location;
  }

  setHostVar(hostName: string, key: string, value: unknown, location?: SourceLocation): void {
    const host = this.host(hostName);
    host.vars[key] = value;
    if (location) (host.varLocations ??= {})[key] = location;
  }

  private ancestorsOf(name: string): Set<string> {
    const seen = new Set<string>();
    const todo = [...(this.parents.get(name) ?? [])];
    while (todo.length > 0) {
      const next = todo.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(...(this.parents.get(next) ?? []));
    }
    return seen;
  }

  /** Ansible's reconcile step: top-level groups under `all`, hosts without a group in `ungrouped`. */
  finish(sources: string[], dir: string, varsDirs: string[] = []): Inventory {
    for (const name of this.groups.keys()) {
      if (name !== 'all' && this.parents.get(name)!.length === 0) this.addChild('all', name);
    }
    const ungrouped = this.groups.get('ungrouped')!;
    const leaveUngrouped = new Set<string>();
    for (const host of this.hosts.values()) {
      const own = host.groups.some((g) => g !== 'all' && g !== 'ungrouped');
      const inUngrouped = host.groups.includes('ungrouped');
      if (own && inUngrouped) {
        host.groups = host.groups.filter((g) => g !== 'ungrouped');
        leaveUngrouped.add(host.name);
      } else if (!own && !inUngrouped) {
        this.addHostToGroup(host.name, 'ungrouped');
      }
    }
    if (leaveUngrouped.size > 0) ungrouped.hosts = ungrouped.hosts.filter((h) => !leaveUngrouped.has(h));
    for (const [name, group] of this.groups) {
      const host = this.hosts.get(name);
      if (host) {
        this.diagnostics.push(
          diagnostic(
            'host-group-conflict',
            `'${name}' is both a host and a group; patterns and 'groups' lookups will be ambiguous`,
            host.location ?? group.location,
            'rename the host or the group',
            'warning',
          ),
        );
      }
    }
    return { hosts: this.hosts, groups: this.groups, sources, dir, varsDirs };
  }
}

