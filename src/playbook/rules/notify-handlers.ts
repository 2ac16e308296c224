// Rule: every `notify:` names a handler of the play (by name, by `listen`, or as `role : handler`).
import { diagnostic, type Diagnostic } from '../../errors.js';
import { isTemplateString } from '../../schema/validate.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { sourceOf, writtenValue } from '../source-map.js';
import type { Play, Playbook } from '../types.js';
import { rolesOf, walkPlay } from '../walk.js';

export function notifyNamesAHandler(playbook: Playbook): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const play of playbook.plays) {
    // A role chosen at run time may bring handlers we cannot see: say nothing rather than something wrong.
    if ([...walkPlay(play)].some(({ item }) => item.kind === 'include_role' && !item.included)) continue;
    const known = handlerNames(play);
    // Tasks, and blocks or import_tasks whose notify the tasks inside use.
    const notifying = [...walkPlay(play)].map(({ item }) => item).filter((item) => item.kind === 'task' || item.kind === 'block');
    for (const item of notifying) {
      (item.notify ?? []).forEach((name, i) => {
        if (known.has(name) || isTemplateString(name)) return;
        const src = sourceOf(item);
        const location = src ? src.loaded.locate([...src.path, 'notify', ...(Array.isArray(writtenValue(src, ['notify'])) ? [i] : [])]) : item.location;
        found.push(diagnostic('unknown-handler', `notify names no handler of this play: '${name}'${didYouMean(name, known)}`, location, 'define it under `handlers:` (or `listen:` on a handler)'));
      });
    }
  }
  return found;
}

function handlerNames(play: Play): Set<string> {
  const names = new Set<string>();
  const add = (handlers: Play['handlers'], roleName?: string) => {
    for (const h of handlers) {
      for (const n of [...(h.name === undefined ? [] : [h.name]), ...h.listen]) {
        names.add(n);
        if (roleName !== undefined) names.add(`${roleName} : ${n}`);
      }
    }
  };
  add(play.handlers);
  for (const role of rolesOf(play)) add(role.handlers, role.ref.name);
  return names;
}
