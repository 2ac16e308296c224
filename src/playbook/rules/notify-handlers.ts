// Rule: every `notify:` names a handler of the play (by name, by `listen`, or as `role : handler`).
import { diagnostic, type Diagnostic } from '../../errors.js';
import { isTemplateString } from '../../schema/validate.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { sourceOf, writtenValue } from '../source-map.js';
import type { PathSegment } from '../../source/yaml.js';
import { isMap } from '../keywords.js';
import type { Play, Playbook, TaskItem } from '../types.js';
import { rolesOf, walkPlay } from '../walk.js';

export function notifyNamesAHandler(playbook: Playbook): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const play of playbook.plays) {
    // A role chosen at run time may bring handlers we cannot see: say nothing rather than something wrong.
    if ([...walkPlay(play)].some(({ item }) => item.kind === 'include_role' && !item.included)) continue;
    const known = handlerNames(play);
    // A templated handler name is rendered at run time: any notify that fits its fixed parts may be it.
    const templated = [...known].filter(isTemplateString).map(templatePattern);
    // Tasks, blocks or import_tasks whose notify the tasks inside use, and includes' `apply: {notify}`.
    for (const { item } of walkPlay(play)) {
      const written = notifyWritten(item);
      if (!written) continue;
      written.names.forEach((name, i) => {
        if (known.has(name) || isTemplateString(name) || templated.some((p) => p.test(name))) return;
        const src = sourceOf(item);
        const value = src ? writtenValue(src, written.path) : undefined;
        const location = src && value !== undefined ? src.loaded.locate([...src.path, ...written.path, ...(Array.isArray(value) ? [i] : [])]) : item.location;
        found.push(diagnostic('unknown-handler', `notify names no handler of this play: '${name}'${didYouMean(name, known)}`, location, 'define it under `handlers:` (or `listen:` on a handler)'));
      });
    }
  }
  return found;
}

/** The handler names an item notifies, and where they are written (relative to the item). */
function notifyWritten(item: TaskItem): { names: string[]; path: PathSegment[] } | undefined {
  if (item.kind === 'task' || item.kind === 'block') return item.notify ? { names: item.notify, path: ['notify'] } : undefined;
  return item.apply?.notify ? { names: item.apply.notify, path: applyNotifyPath(item) } : undefined;
}

/** `apply:` sits under the include's own key (`include_tasks: {apply: ...}`) or under `args:`. */
function applyNotifyPath(item: TaskItem): PathSegment[] {
  const src = sourceOf(item);
  const raw = src ? writtenValue(src) : undefined;
  if (!isMap(raw)) return [];
  const key = Object.keys(raw).find((k) => isMap(raw[k]) && isMap((raw[k] as Record<string, unknown>).apply));
  return key === undefined ? [] : [key, 'apply', 'notify'];
}

function handlerNames(play: Play): Set<string> {
  const names = new Set<string>();
  const add = (handlers: Play['handlers'], roleName?: string) => {
    for (const h of handlers) {
      for (const n of [...(h.name === undefined ? [] : [h.name]), ...(h.listen ?? [])]) {
        names.add(n);
        if (roleName !== undefined) names.add(`${roleName} : ${n}`);
      }
    }
  };
  add(play.handlers);
  for (const role of rolesOf(play)) add(role.handlers, role.ref.name);
  return names;
}

/** `restart {{ svc }}` -> /^restart .*$/: the text outside {{ }} and {% %} must be there as written. */
function templatePattern(name: string): RegExp {
  const fixed = name.split(/\{\{.*?\}\}|\{%.*?%\}/s).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${fixed.join('.*')}$`, 's');
}
