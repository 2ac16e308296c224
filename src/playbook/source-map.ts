// Where each normalized node was written: the YAML file and the path inside it. Kept beside the model
// (not in it) so the model stays plain data, while static rules can still point at any key of a task.
import type { LoadedYaml, PathSegment } from '../source/yaml.js';

export interface NodeSource {
  loaded: LoadedYaml;
  path: PathSegment[];
}

const sources = new WeakMap<object, NodeSource>();

export function recordSource(node: object, loaded: LoadedYaml, path: readonly PathSegment[]): void {
  sources.set(node, { loaded, path: [...path] });
}

/** The YAML a play, task, block, include or role came from; undefined for nodes built by hand. */
export function sourceOf(node: object): NodeSource | undefined {
  return sources.get(node);
}

/** The value as written at the node's path plus `more` (undefined when there is none). */
export function writtenValue(source: NodeSource, more: readonly PathSegment[] = []): unknown {
  let node: unknown = source.loaded.value;
  for (const seg of [...source.path, ...more]) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}
