// ssh_config(5) host patterns: `*` and `?` wildcards, a comma- or space-separated list, `!pattern` negating.
// A name matches a list when some pattern matches it and no negated one does.

function wildcard(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(name);
}

export function hostMatches(patterns: string[], name: string): boolean {
  let matched = false;
  for (const raw of patterns.flatMap((p) => p.split(','))) {
    if (raw === '') continue;
    if (raw.startsWith('!')) {
      if (wildcard(raw.slice(1), name)) return false;
    } else if (wildcard(raw, name)) {
      matched = true;
    }
  }
  return matched;
}
