// `ha-run --version`: what `ansible --version` tells (the version, the config file in use, where roles are
// looked for, where the program is, the runtime), so a bug report carries it all.
export interface VersionFacts {
  version: string;
  /** The ansible.cfg in use; undefined prints None, as Ansible does without one. */
  configFile?: string;
  /** Where role names are looked for besides the playbook's own roles/ directory. */
  rolesPath: string[];
  executable: string;
  nodeVersion: string;
}

export function versionText(f: VersionFacts): string {
  return [
    `ha-run ${f.version}`,
    `  config file = ${f.configFile ?? 'None'}`,
    `  configured roles path = ${JSON.stringify(['<playbook dir>/roles', ...f.rolesPath])}`,
    `  executable location = ${f.executable}`,
    `  node version = ${f.nodeVersion}`,
  ].join('\n');
}
