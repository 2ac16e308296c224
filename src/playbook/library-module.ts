// A module shipped as a file beside the playbook or in a role (`library/NAME.py`), as Ansible finds
// them. ha-run does not run these: they are programs for the target's Python. Naming the file turns
// "couldn't resolve module" into a message that says why.
import { readdirSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';

/** The `library/` file for module `name` next to the task's file or its role (the parent of tasks/), if any. */
export function libraryModuleFile(name: string, taskFile: string | undefined): string | undefined {
  if (taskFile === undefined) return undefined;
  const short = name.split('.').pop()!;
  const dirs = [dirname(taskFile), dirname(dirname(taskFile))].map((d) => join(d, 'library'));
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    const file = entries.find((e) => basename(e, extname(e)) === short);
    if (file !== undefined) return join(dir, file);
  }
  return undefined;
}

/** The sentence for a task that names such a module. */
export function libraryModuleMessage(name: string, file: string): string {
  const shown = relative(process.cwd(), file);
  return `'${name}' is a module shipped as a program (${shown && !shown.startsWith('..') ? shown : file}); ha-run runs only its own modules, which need no Python on the target`;
}
