// The variable layers roles bring, following Ansible's dependency rules: every role of the play (its
// dependencies first) is visible play-wide, and a task's own role comes last with what its
// dependencies and the roles that depend on it add.
import { ancestry } from '../playbook/roles.js';
import type { Play, Role } from '../playbook/types.js';

type Vars = Record<string, unknown>;

/** A role's layers of one kind: its dependencies' (recursively, in run order), then its own. */
function withDependencies(role: Role, kind: 'defaults' | 'vars'): Vars[] {
  return [...(role.dependencies ?? []).flatMap((d) => withDependencies(d, kind)), role[kind]];
}

function parents(role: Role): Role[] {
  return ancestry(role).slice(0, -1);
}

/** Role defaults, lowest first: the play's roles, then the task's role after its dependencies and parents. */
export function roleDefaultsLayers(play: Play, role: Role | undefined): Vars[] {
  const ofPlay = play.roles.flatMap((r) => withDependencies(r, 'defaults'));
  if (!role) return ofPlay;
  return [...ofPlay, ...(role.dependencies ?? []).flatMap((d) => withDependencies(d, 'defaults')), ...parents(role).map((p) => p.defaults), role.defaults];
}

/** Role vars, lowest first: the play's roles, then the task's role after its parents and dependencies. */
export function roleVarsLayers(play: Play, role: Role | undefined): Vars[] {
  const ofPlay = play.roles.flatMap((r) => withDependencies(r, 'vars'));
  if (!role) return ofPlay;
  return [...ofPlay, ...parents(role).map((p) => p.vars), ...(role.dependencies ?? []).flatMap((d) => withDependencies(d, 'vars')), role.vars];
}

/** Role parameters: those given to the roles that depend on this one, then its own. */
export function roleParams(role: Role | undefined): Vars {
  return role ? Object.assign({}, ...ancestry(role).map((r) => r.params)) : {};
}
