// Helpers shared by the inventory tests: temporary file trees and Ansible's own code as the reference.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes files (path → content) under a fresh temporary directory and returns it. */
export function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ha-run-inv-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** The Python that has ansible-core (Debian's package), not whatever `python3` a version manager puts first. */
export const ANSIBLE_PYTHON = '/usr/bin/python3';
export const COMPAT_DIR = join(import.meta.dirname, '../../compat/inventory');

/** Whether ansible-core can be imported; on CI it must be (`.ci/run` installs it), elsewhere the compat tests skip. */
export function ansibleAvailable(): boolean {
  let ok = true;
  try {
    execFileSync(ANSIBLE_PYTHON, ['-c', 'import ansible.inventory.manager, ansible.cli.inventory'], { stdio: 'ignore' });
  } catch {
    ok = false;
  }
  if (!ok && process.env.CI) throw new Error('ansible-core is required for the inventory compat tests on CI');
  return ok;
}

/** Runs one of the batch scripts in test/compat/inventory/ with `input` as JSON on stdin; returns its JSON answer. */
export function runAnsibleBatch<T>(script: string, input: unknown): T {
  const out = execFileSync(ANSIBLE_PYTHON, [join(COMPAT_DIR, script)], {
    input: JSON.stringify(input),
    env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_DEPRECATION_WARNINGS: 'False' },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  return JSON.parse(out.toString()) as T;
}
