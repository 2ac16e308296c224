// Ansible's merge_hash with its defaults: mappings merged key by key, recursively; anything else
// (lists too) replaced by the newer value. What hash_behaviour=merge does to variables.

type Mapping = Record<string, unknown>;

export function isPlainMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function mergeHash(older: Mapping, newer: Mapping): Mapping {
  const out: Mapping = { ...older };
  for (const [key, value] of Object.entries(newer)) {
    const before = out[key];
    out[key] = isPlainMapping(before) && isPlainMapping(value) ? mergeHash(before, value) : value;
  }
  return out;
}
