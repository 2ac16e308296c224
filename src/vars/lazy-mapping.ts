// A read-only dict whose values are computed on first access (hostvars: every host's variables,
// rendered in that host's context, without merging all of them up front).
export function lazyMapping(keys: () => string[], compute: (key: string) => unknown): Record<string, unknown> {
  const cache = new Map<string, unknown>();
  const has = (key: string | symbol) => typeof key === 'string' && keys().includes(key);
  const get = (key: string): unknown => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key);
  };
  return new Proxy({} as Record<string, unknown>, {
    get: (_t, key) => (has(key) ? get(key as string) : undefined),
    has: (_t, key) => has(key),
    ownKeys: () => keys(),
    getOwnPropertyDescriptor: (_t, key) => (has(key) ? { value: get(key as string), enumerable: true, configurable: true, writable: false } : undefined),
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
  });
}
