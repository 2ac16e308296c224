// Every module by every name it answers to. Adding a module to ./all.ts adds its schema everywhere.
import type { Module } from './types.js';
import { allModules } from './all.js';
import { knownTemplatedAction } from './templated-action.js';

const byName = new Map<string, Module>();
for (const m of allModules) {
  for (const name of [m.name, `${m.collection ?? 'ansible.builtin'}.${m.name}`, `ansible.legacy.${m.name}`, ...(m.aliases ?? [])]) {
    if (byName.has(name)) throw new Error(`module name registered twice: ${name}`);
    byName.set(name, m);
  }
}

/** The module for a short or fully qualified name (or an `action:` template already loaded), or undefined. */
export function findModule(name: string): Module | undefined {
  return byName.get(name) ?? knownTemplatedAction(name);
}

/** Every name a module answers to (for "did you mean" and editor schemas). */
export function moduleNames(): string[] {
  return [...byName.keys()];
}

export function modules(): readonly Module[] {
  return allModules;
}
