// Maps (labels, driver and log options) compared as community.docker compares them: every key
// asked must be there with the same value; more keys on the object are fine.

/** The keys of `wanted` whose value `have` does not hold. */
export function differingKeys(wanted: Record<string, string | number> | undefined, have: unknown): string[] {
  const current = (have ?? {}) as Record<string, unknown>;
  return Object.entries(wanted ?? {}).filter(([k, v]) => current[k] !== String(v)).map(([k]) => k);
}

/** `--flag k=v` words for a map. */
export function keyValueWords(flag: string, map: Record<string, string | number> | undefined): string[] {
  return Object.entries(map ?? {}).flatMap(([k, v]) => [flag, `${k}=${v}`]);
}
