// Ansible's YAML inventory format: groups at the top level (usually `all`), each with `hosts`, `children`, `vars`.
// The schema reports shape problems; this walk builds what it can and skips what the schema already flagged.
import { diagnostic } from '../errors.js';
import { validateAgainstSchema } from '../schema/validate.js';
import { inventorySchema } from '../schema/inventory-schema.js';
import type { LoadedYaml, PathSegment } from '../source/yaml.js';
import type { InventoryBuilder } from './builder.js';
import { appendAll } from '../util/append.js';

export function readYamlInventory(loaded: LoadedYaml, builder: InventoryBuilder): void {
  const out = builder.diagnostics;
  appendAll(out, loaded.diagnostics);
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
  appendAll(out, validateAgainstSchema(data, inventorySchema, loaded, [], { allowTemplates: false }));
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
      for (const [entry, hostVars] of Object.entries(sectionEntries(value))) {
        const entryPath = [...path, 'hosts', entry];
        builder.addHostEntry(entry, name, isMapping(hostVars) ? hostVars : {}, loaded.locate(entryPath, { key: true }), (key) =>
          loaded.locate([...entryPath, key]),
        );
      }
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
