// Directories named by ANSIBLE_ROLES_PATH, searched for role names after the playbook's own roles/.
import { delimiter, resolve } from 'node:path';

export function rolesPathFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.ANSIBLE_ROLES_PATH ?? '').split(delimiter).filter((p) => p !== '').map((p) => resolve(p));
}
