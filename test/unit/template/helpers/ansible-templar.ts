// Runs ansible-core's Templar once for a batch of templates (see ansible_templar.py).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { typedJson } from './typed-values.js';

/** `ok` holds floats typed as {float: repr} (see typed-values.ts). */
export type ReferenceResult = { ok: unknown } | { error: string };

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./ansible_templar.py', import.meta.url));

/** Whether ansible-core can be imported; tests are skipped (with a visible reason) when it cannot. */
export function ansibleAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import ansible.template'], { stdio: 'ignore' }).status === 0;
}

/**
 * With `searchpath` or `settings`, each template is rendered as the template module renders a file
 * (found in searchpath); settings[i] are Jinja2 settings by their Ansible names for templates[i].
 */
export function renderWithAnsible(vars: Record<string, unknown>, templates: string[], searchpath?: string[], settings?: Record<string, unknown>[]): ReferenceResult[] {
  const run = spawnSync(PYTHON, [SCRIPT], { input: typedJson({ vars, templates, searchpath, settings }), encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`ansible reference renderer failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ReferenceResult[];
}
