// Rule: a static include_vars file (a name without templates) is read before the run, so its problems
// (YAML syntax, a vault-encrypted file or `!vault` value) are found now instead of mid-run.
import type { Diagnostic } from '../../errors.js';
import { isTemplateString } from '../../schema/validate.js';
import { loadYamlFile, type LoadedYaml } from '../../source/yaml.js';
import { searchFile } from '../paths.js';
import { controllerDirs, taskSearchPath } from '../search-path.js';
import type { Playbook, Task } from '../types.js';
import { tasksOf } from '../walk.js';
import { findModule } from '../../modules/registry.js';

/** The file a static `include_vars` task reads, loaded; undefined when only the run can tell (templated, dir=, missing). */
export function staticIncludeVarsFile(task: Task, searchPath: string[]): LoadedYaml | undefined {
  if (findModule(task.module)?.definesVars !== 'vars-file') return undefined;
  const file = task.args.file ?? task.args._raw_params;
  if (typeof file !== 'string' || isTemplateString(file)) return undefined;
  const found = searchFile(file, controllerDirs('vars', searchPath)).found;
  return found === undefined ? undefined : loadYamlFile(found);
}

export function includeVarsFilesLoad(playbook: Playbook): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const play of playbook.plays) {
    for (const { task, role } of tasksOf(play)) found.push(...(staticIncludeVarsFile(task, taskSearchPath(task, role, play.playbookDir))?.diagnostics ?? []));
  }
  return found;
}
