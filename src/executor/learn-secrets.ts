// Every secret the inventory, the playbooks and -e carry, learned before anything is printed (a run's
// output, or a --list-* listing). Secret-named values that are templates are learned as rendered with the
// play's vars and -e (as a play's name is shown); a task renders them again with all its variables.
import type { SecretMasker } from '../output/mask.js';
import { inventoryHostVars, renderValue } from './deps.js';
import type { PreparedPlaybook } from './prepare.js';
import { rolesOf } from '../playbook/walk.js';

type Vars = Record<string, unknown>;

export function learnSecrets(masker: SecretMasker, prepared: PreparedPlaybook[], extraVars: Vars): void {
  // Once per template text: with 60k hosts sharing a group's value this stays linear and cheap. A value that
  // differs per host is learned again, rendered for that host, before each task (task-secrets.ts).
  const rendered = new Map<string, unknown>();
  const renderWith = (vars: Vars) => (template: string) => {
    if (!rendered.has(template)) {
      let value: unknown;
      try {
        value = renderValue(template, { vars: { ...vars, ...extraVars } });
      } catch {
        // not renderable without a host's facts: learned per task instead
      }
      rendered.set(template, value);
    }
    return rendered.get(template);
  };
  masker.addFromVars(extraVars, renderWith({}));
  for (const p of prepared) {
    for (const host of p.inventory.hosts.keys()) {
      const vars = inventoryHostVars(p.inventory, host);
      masker.addFromVars(vars, renderWith(vars));
    }
    for (const v of [...p.playbookVars.groupVars.values(), ...p.playbookVars.hostVars.values()]) masker.addFromVars(v, renderWith(v));
    for (const play of p.playbook.plays) {
      const render = renderWith({ ...play.varsFromFiles, ...play.vars });
      masker.addFromVars(play.vars, render);
      if (play.varsFromFiles) masker.addFromVars(play.varsFromFiles, render);
      for (const role of rolesOf(play)) [role.defaults, role.vars, role.params].forEach((v) => masker.addFromVars(v, renderWith({ ...role.defaults, ...role.vars, ...role.params })));
    }
  }
}
