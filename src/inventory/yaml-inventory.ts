// Ansible's YAML inventory format: groups at the top level (usually `all`), each with `hosts`, `children`, `vars`.
// The schema reports shape problems; this walk builds what it can and skips what the schema already flagged.
import { diagnostic } from '../errors.js';
import { validateAgainstSchema } from '../schema/validate.js';
import { inventorySchema } from '../schema/inventory-schema.js';
import type { LoadedYaml, PathSegment } from '../source/yaml.js';
import { splitHostPort } from './address.js';
import type { InventoryBuilder } from './builder.js';
import { expandHostRange, HostRangeError } from './ranges.js';

export function readYamlInventory(loaded: LoadedYaml, builder: InventoryBuilder): void {
  const out = builder.diagnostics;
  out.push(...loaded.diagnostics);
  if (loaded.value === undefined) return;
  const data = loaded.value;
  if (data === null) {
    out.push(diagnostic('empty-inventory', 'the inventory file is empty', { file: loaded.file, line: 1, col: 1 }, undefined, 'warning'));
    return;
  }
  if (isMapping(data) && 'plugin' in data) {
    out.push(
      diagnostic('inventory-plugin', 'this is an inventory plugin configuration (`plugin:`); ha-run reads static inventories only', loaded.locate(['plugin'], { key: true })),
    );
    return;
  }
  out.push(...validateAgainstSchema(data, inventorySchema, loaded, [], { allowTemplates: false }));
  if (!isMapping(data)) return;
  for (const [name, group] of Object.entries(data)) readGroup(name, group, [name], loaded, builder);
}

function readGroup(name: string, data: unknown, path: PathSegment[], loaded: LoadedYaml, builder: InventoryBuilder): void {
  if (data !== null && !isMapping(data)) return;
  builder.group(name, loaded.locate(path, { key: true }));
  if (data === null) return;
  // Sections in the order written, as Ansible walks them: that order decides host order.
  for (const [section, value] of Object.entries(data)) {
    if (section === 'vars' && isMapping(value)) {
      for (const [key, v] of Object.entries(value)) builder.setGroupVar(name, key, v, loaded.locate([...path, 'vars', key]));
    } else if (section === 'children') {
      for (const [child, childData] of Object.entries(sectionEntries(value))) {
        const childPath = [...path, 'children', child];
        readGroup(child, childData, childPath, loaded, builder);
        builder.addChild(name, child, loaded.locate(childPath, { key: true }));
      }
    } else if (section === 'hosts') {
      for (const [entry, hostVars] of Object.entries(sectionEntries(value))) readHost(entry, hostVars, name, [...path, 'hosts', entry], loaded, builder);
    }
  }
}

function readHost(entry: string, hostVars: unknown, group: string, path: PathSegment[], loaded: LoadedYaml, builder: InventoryBuilder): void {
  const location = loaded.locate(path, { key: true });
  const { pattern, port } = splitHostPort(entry);
  let names: string[];
  try {
    names = expandHostRange(pattern);
  } catch (err) {
    if (!(err instanceof HostRangeError)) throw err;
    builder.diagnostics.push(diagnostic('bad-range', err.message, location, 'ranges look like node[1:3], web[01:10:2] or db-[a:c]'));
    return;
  }
  for (const host of names) {
    const isNew = !builder.hosts.has(host);
    builder.addHostToGroup(host, group, location);
    if (port !== undefined && isNew) builder.setHostVar(host, 'ansible_port', port);
    if (isMapping(hostVars)) {
      for (const [key, value] of Object.entries(hostVars)) builder.setHostVar(host, key, value);
    }
  }
}

/** `hosts: web1` is Ansible shorthand for `hosts: {web1: null}`. */
function sectionEntries(section: unknown): Record<string, unknown> {
  if (typeof section === 'string') return { [section]: null };
  return isMapping(section) ? section : {};
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
