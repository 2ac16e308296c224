// processor list and counts (sockets, cores per socket, threads per core, vcpus, nproc) from /proc/cpuinfo.
import { sectionLines, type Sections } from './script.js';

export function cpuFacts(sections: Sections): Record<string, unknown> {
  const processor: string[] = [];
  const sockets = new Set<string>();
  let cores = 0;
  let siblings = 0;
  let index = 0;
  for (const block of (sections.cpuinfo ?? '').split(/\n\s*\n/)) {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      const m = /^([^:]+?)\s*:\s*(.*)$/.exec(line);
      if (m) fields[m[1]] = m[2];
    }
    if (fields.processor === undefined) continue;
    processor.push(String(index++), fields.vendor_id ?? '', fields['model name'] ?? fields.Processor ?? fields.cpu ?? '');
    if (fields['physical id'] !== undefined) sockets.add(fields['physical id']);
    if (fields['cpu cores']) cores = Number(fields['cpu cores']);
    if (fields.siblings) siblings = Number(fields.siblings);
  }
  const count = Math.max(sockets.size, 1);
  const coresPerSocket = cores || Math.max(index / count, 1);
  const threadsPerCore = siblings && cores ? Math.max(Math.floor(siblings / cores), 1) : 1;
  const nproc = Number(sectionLines(sections, 'nproc')[0]) || index;
  return {
    processor,
    processor_count: count,
    processor_cores: coresPerSocket,
    processor_threads_per_core: threadsPerCore,
    processor_vcpus: threadsPerCore * coresPerSocket * count,
    processor_nproc: nproc,
  };
}
