// memtotal_mb, memfree_mb, swap and the memory_mb breakdown, from /proc/meminfo (kB → MB, floored).
import type { Sections } from './script.js';

export function memoryFacts(sections: Sections): Record<string, unknown> {
  const kb: Record<string, number> = {};
  for (const line of (sections.meminfo ?? '').split('\n')) {
    const m = /^(\w+(?:\(\w+\))?):\s+(\d+)/.exec(line);
    if (m) kb[m[1]] = Number(m[2]);
  }
  const mb = (key: string) => Math.floor((kb[key] ?? 0) / 1024);
  const total = mb('MemTotal');
  const free = mb('MemFree');
  const nocacheFree = Math.floor(((kb.MemFree ?? 0) + (kb.Buffers ?? 0) + (kb.Cached ?? 0)) / 1024);
  const swapTotal = mb('SwapTotal');
  const swapFree = mb('SwapFree');
  return {
    memtotal_mb: total,
    memfree_mb: free,
    swaptotal_mb: swapTotal,
    swapfree_mb: swapFree,
    memory_mb: {
      real: { total, used: total - free, free },
      nocache: { free: nocacheFree, used: total - nocacheFree },
      swap: { total: swapTotal, free: swapFree, used: swapTotal - swapFree, cached: mb('SwapCached') },
    },
  };
}
