// The variables Ansible gives a template file it renders (the template module and lookup('template')):
// ansible_managed and template_host/path/fullpath/destpath/mtime/uid/run_date.
import { readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { PyDateTime } from './datetime.js';

/**
 * ansible-core 2.14's DEFAULT_MANAGED_STR. It may hold {host}, {uid}, {file} and strftime codes,
 * but only when changed in ansible.cfg, which ha-run does not read: the default is plain text.
 */
export const ANSIBLE_MANAGED = 'Ansible managed';

/** The names templateVariables() defines. */
export const TEMPLATE_VARIABLE_NAMES: readonly string[] = [
  'template_host',
  'template_path',
  'template_fullpath',
  'template_destpath',
  'template_mtime',
  'template_uid',
  'template_run_date',
  'ansible_managed',
];

export interface TemplateFile {
  /** The name as the task or lookup gave it. */
  src: string;
  /** Where it was found on the controller. */
  file: string;
  /** The template module's dest. */
  dest?: string;
}

export function templateVariables({ src, file, dest }: TemplateFile): Record<string, unknown> {
  const stat = statSync(file);
  return {
    template_host: hostname(),
    template_path: src,
    template_fullpath: file,
    template_destpath: dest ?? null,
    template_mtime: new PyDateTime(stat.mtime, false),
    template_uid: userName(stat.uid),
    template_run_date: new PyDateTime(new Date(), false),
    ansible_managed: ANSIBLE_MANAGED,
  };
}

/** The login name of a uid on the controller, else the number (as Ansible falls back to it). */
function userName(uid: number): string {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [name, , id] = line.split(':');
      if (name && Number(id) === uid) return name;
    }
  } catch {
    // no passwd file: the number it is
  }
  return String(uid);
}
