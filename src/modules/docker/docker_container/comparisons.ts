// community.docker's `comparisons`: per option, how the existing container is compared with the
// task. `strict`: exactly what is asked (a set or map may hold nothing more); `allow_more_present`:
// everything asked must be there, more is fine (sets and maps only); `ignore`: never compared.
// `'*'` sets every option first (strict or ignore). `purge_networks: true` is `networks: strict`.
import { ModuleFailure } from '../../failure.js';
import type { DockerContainerArgs } from './schema.js';

export type Comparison = 'strict' | 'ignore' | 'allow_more_present';

/** How an option's value is shaped: a single value, an ordered list, a set, or a map. */
export type Shape = 'value' | 'list' | 'set' | 'dict';

export interface Compared {
  name: string;
  shape: Shape;
  /** Other names the task may use for it (ports for published_ports). */
  aliases?: readonly string[];
  /** community.docker's default when comparisons does not name it. */
  defaultComparison?: Comparison;
}

/** Options compared outside the option table: the image and the networks. */
export const IMAGE_COMPARED: Compared = { name: 'image', shape: 'value' };
export const NETWORKS_COMPARED: Compared = { name: 'networks', shape: 'set' };

export function defaultComparison(c: Compared): Comparison {
  return c.defaultComparison ?? (c.shape === 'value' || c.shape === 'list' ? 'strict' : 'allow_more_present');
}

/** Each option's comparison for this task, checked as community.docker checks `comparisons`. */
export function comparisonsFor(args: DockerContainerArgs, compared: readonly Compared[]): Map<string, Comparison> {
  const byName = new Map(compared.flatMap((c) => [c.name, ...(c.aliases ?? [])].map((n) => [n, c] as const)));
  const result = new Map(compared.map((c) => [c.name, defaultComparison(c)]));
  if (args.purge_networks) result.set('networks', 'strict');
  const asked = args.comparisons ?? {};
  const star = asked['*'];
  if (star !== undefined) {
    if (star === 'allow_more_present') throw new ModuleFailure("The wildcard can only be used with comparison modes 'strict' and 'ignore'!");
    // networks follow the wildcard only when the task lists networks.
    for (const c of compared) if (c.name !== 'networks' || args.networks !== undefined) result.set(c.name, star);
  }
  const seen = new Map<string, string>();
  for (const [key, mode] of Object.entries(asked)) {
    if (key === '*') continue;
    const option = byName.get(key);
    if (!option) throw new ModuleFailure(`Unknown module option '${key}' in comparisons dict! ha-run compares: ${[...byName.keys()].sort().join(', ')}`);
    const other = seen.get(option.name);
    if (other !== undefined) throw new ModuleFailure(`Both '${key}' and '${other}' (aliases of ${option.name}) are specified in comparisons dict!`);
    seen.set(option.name, key);
    if (mode === 'allow_more_present' && option.shape === 'value') {
      throw new ModuleFailure(`Option '${key}' is a value and not a set/list/dict, so its comparison cannot be allow_more_present`);
    }
    result.set(option.name, mode);
  }
  return result;
}
