// `action: "{{ ansible_facts.pkg_mgr }}"`: a task whose module is named by a template is known only on
// the host, as in Ansible. The stand-in below lets the playbook load; its arguments are checked against the
// real module's schema when the task runs, after the executor renders the name and swaps the module in.
import { ModuleFailure } from './failure.js';
import type { ActionModule } from './types.js';

const standIns = new Map<string, ActionModule>();

export function templatedActionModule(name: string): ActionModule {
  let module = standIns.get(name);
  if (!module) {
    module = {
      kind: 'action',
      name,
      templatedName: name,
      schema: { type: 'object', description: `The arguments of the module '${name}' names on each host (checked when the task runs).` },
      async run() {
        // The executor runs the module the name renders to; reaching this is a bug in ha-run.
        throw new ModuleFailure(`the module named by '${name}' was not resolved before running`);
      },
    };
    standIns.set(name, module);
  }
  return module;
}

/** The stand-in for a template name that an `action:` used, or undefined. */
export function knownTemplatedAction(name: string): ActionModule | undefined {
  return standIns.get(name);
}
