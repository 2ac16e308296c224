// `target.push(...items)` passes every item as an argument and overflows the stack past ~100k items
// (a group of 200k hosts, a file with that many problems); this appends them one by one.
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
