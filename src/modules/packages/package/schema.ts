// package's arguments: name, state and use, plus apt's own arguments, which Ansible passes through
// to the package manager's module.
import type { ArgsSchema } from '../../types.js';
import { aptSchema, type AptArgs } from '../apt/schema.js';

export interface PackageArgs extends Omit<AptArgs, 'pkg' | 'package' | 'state'> {
  state: string;
  use?: string;
}

const { pkg: _pkg, package: _package, name, state, ...aptOnly } = aptSchema.properties as Record<string, Record<string, unknown>>;

export const packageSchema: ArgsSchema = {
  type: 'object',
  description: "Manages packages with the target's package manager (ansible_pkg_mgr); ha-run drives apt.",
  additionalProperties: false,
  required: ['name', 'state'],
  properties: {
    name: { ...name, description: 'Package names (a list or comma-separated), as the package manager takes them.' },
    state: { ...state, description: 'present, absent or latest (and what the package manager accepts).' },
    use: { type: 'string', default: 'auto', description: "The package manager's module to use; 'auto' reads ansible_pkg_mgr." },
    ...aptOnly,
  },
};
