// Rule: a `template:` or `copy:` source written without templates exists on the controller,
// searched the way Ansible does (along the task's search path, see search-path.ts), and is not
// vault-encrypted.
import { closeSync, readSync } from 'node:fs';
import { diagnostic, type Diagnostic } from '../../errors.js';
import { openRegularFile } from '../../source/read-file.js';
import { isVaultEncrypted, vaultSourceNotSupported } from '../../source/vault.js';
import { isTemplateString } from '../../schema/validate.js';
import { isDirectory, searchFile } from '../paths.js';
import { controllerDirs, taskSearchPath } from '../search-path.js';
import { sourceOf, writtenValue } from '../source-map.js';
import type { Playbook, Task } from '../types.js';
import { tasksOf } from '../walk.js';

const SOURCE_DIRS: Record<string, string> = { template: 'templates', copy: 'files' };

export function sourceFilesExist(playbook: Playbook): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Set<Task>();
  for (const play of playbook.plays) {
    for (const { task, role } of tasksOf(play)) {
      const kind = SOURCE_DIRS[task.module];
      const src = task.args.src;
      if (kind === undefined || seen.has(task) || typeof src !== 'string' || isTemplateString(src) || task.args.remote_src === true) continue;
      seen.add(task);
      const { found: file, searched } = searchFile(src, controllerDirs(kind, taskSearchPath(task, role, play.playbookDir)));
      // copy also takes a directory (its contents with a trailing '/', the directory itself without).
      // Ansible decrypts a vaulted source on the way; ha-run would copy its ciphertext.
      if (file && startsVaulted(file)) found.push(vaultSourceNotSupported(file));
      if (file || (kind === 'files' && (src.endsWith('/') || searched.some(isDirectory)))) continue;
      const where = sourceOf(task);
      const location = where ? where.loaded.locate([...where.path, ...argsKey(writtenValue(where)), 'src']) : task.location;
      found.push(diagnostic('file-not-found', `${task.module} source '${src}' not found`, location, `looked in: ${searched.join(', ')}`));
    }
  }
  return found;
}

function startsVaulted(file: string): boolean {
  try {
    const { fd } = openRegularFile(file);
    try {
      const head = Buffer.alloc(64);
      return isVaultEncrypted(head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('latin1'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The key the module arguments sit under in the written task (so the error points at `src:` itself). */
function argsKey(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  const keys = Object.keys(node);
  const key = keys.find((k) => /(^|\.)(template|copy)$/.test(k)) ?? keys.find((k) => k === 'action' || k === 'local_action');
  return key === undefined ? [] : [key];
}
