// --tags / --skip-tags, with Ansible's special tags: `always` runs unless skipped by name, `never`
// runs only when asked for by name, `all`, `tagged`, `untagged`.

export interface TagSelection {
  /** --tags; empty means all. */
  only: readonly string[];
  /** --skip-tags. */
  skip: readonly string[];
}

export function shouldRunByTags(taskTags: readonly string[], sel: TagSelection): boolean {
  const tags = new Set(taskTags.length > 0 ? taskTags : ['untagged']);
  const untagged = taskTags.length === 0;
  const only = new Set(sel.only.length > 0 ? sel.only : ['all']);
  const skip = new Set(sel.skip);
  const overlaps = (set: Set<string>) => [...tags].some((t) => set.has(t));

  let run: boolean;
  if (tags.has('always')) run = true;
  else if (only.has('all') && !tags.has('never')) run = true;
  else if (overlaps(only)) run = true;
  else if (only.has('tagged') && !untagged && !tags.has('never')) run = true;
  else run = false;

  if (run && skip.size > 0) {
    if (skip.has('all')) {
      if (!tags.has('always') || skip.has('always')) run = false;
    } else if (overlaps(skip)) run = false;
    else if (skip.has('tagged') && !untagged) run = false;
  }
  return run;
}

/** `--tags a,b --tags c` → ['a', 'b', 'c']. */
export function splitTagOption(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((t) => t.trim()).filter((t) => t !== '');
}
