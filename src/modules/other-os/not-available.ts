// A module of another OS family (yum on RedHat, pacman on Arch...): known by name so that roles
// written for several families validate, its arguments checked, and a clear failure if a task
// using it actually runs on a host (behind `when: ansible_os_family == ...` it is simply skipped).
import type { ActionModule } from '../types.js';
import { optionSchema, type OptionTable } from './option-schema.js';

export interface OtherOsModuleSpec {
  name: string;
  /** The collection it comes from: community.general modules answer to that prefix. */
  collection: 'ansible.builtin' | 'community.general';
  /** The OS family it serves, as ansible_os_family names it. */
  family: string;
  purpose: string;
  options: OptionTable;
  required?: string[];
}

export function otherOsModule(spec: OtherOsModuleSpec): ActionModule {
  return {
    kind: 'action',
    name: spec.name,
    collection: spec.collection,
    controllerOnly: true,
    schema: optionSchema(spec.name, `${spec.purpose} (${spec.family} hosts; ha-run checks its arguments but does not run it).`, spec.options, spec.required),
    async run(ctx) {
      const family = ctx.vars.ansible_os_family;
      // Facts are target data (wrapped text), hence String().
      const on = family === undefined || family === null ? '' : ` (this host's os_family is ${String(family)})`;
      return {
        changed: false,
        failed: true,
        msg:
          `${spec.name} is not available on this target${on}: ha-run knows ${spec.name}'s arguments but does not run it. ` +
          `Run the task only where it applies, e.g. when: ansible_os_family == '${spec.family}', or use a module for this host's family.`,
      };
    },
  };
}
