// Whether apt's lists need `apt-get update`, judged as Ansible's apt module judges it: asked for by
// update_cache or by a cache_valid_time, and older than cache_valid_time (0: always).
import type { CacheTime } from '../apt-cache-time.js';
import type { AptArgs } from './schema.js';

/** The reason to update the lists, or undefined when they are fresh enough (or no update was asked). */
export function cacheUpdateReason(args: AptArgs, cache: CacheTime): string | undefined {
  const valid = args.cache_valid_time ?? 0;
  if (!args.update_cache && valid <= 0) return undefined;
  // Without a valid time Ansible updates every time (its clock has sub-second precision, so the
  // lists are never "as new as now").
  if (valid <= 0) return 'update the package cache';
  if (cache.mtime + valid >= cache.now) return undefined;
  const age = cache.mtime === 0 ? 'never updated' : `updated ${cache.now - cache.mtime} s ago`;
  return `update the package cache (${age}, older than ${valid} s)`;
}

/**
 * Ansible stops after the cache step (updated or fresh enough) when the task asked for it and names
 * no packages, no upgrade and no .deb: even autoremove and autoclean are then left undone.
 */
export function onlyCacheUpdate(args: AptArgs): boolean {
  if (!args.update_cache && (args.cache_valid_time ?? 0) <= 0) return false;
  const names = args.name ?? args.pkg ?? args.package ?? [];
  const upgrade = args.upgrade !== undefined && args.upgrade !== false && args.upgrade !== 'no';
  return names.length === 0 && !upgrade && !args.deb;
}
