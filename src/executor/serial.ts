// `serial:` batches, as Ansible computes them: each entry a count or a percentage of the play's hosts
// (rounded down, at least 1); the last entry repeats until every host is in a batch.

export function batchSize(spec: number | string, total: number): number {
  if (typeof spec === 'string' && spec.trim().endsWith('%')) {
    const pct = Number.parseFloat(spec.trim().slice(0, -1));
    return Math.floor((pct / 100) * total) || 1;
  }
  const n = typeof spec === 'number' ? spec : Number.parseInt(spec, 10);
  // 0 (or nonsense, which validation already refused) means "all hosts at once", like Ansible.
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : total;
}

export function serialBatches<T>(hosts: readonly T[], serial: readonly (number | string)[]): T[][] {
  if (hosts.length === 0) return [];
  if (serial.length === 0) return [[...hosts]];
  const batches: T[][] = [];
  let start = 0;
  for (let i = 0; start < hosts.length; i++) {
    const size = batchSize(serial[Math.min(i, serial.length - 1)]!, hosts.length);
    batches.push(hosts.slice(start, start + size));
    start += size;
  }
  return batches;
}
