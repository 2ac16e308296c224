// The schemas published for editors accept what ha-run accepts and reject what it rejects.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleNames } from '../../../src/modules/registry.js';
import { editorSchema } from '../../../src/schema/editor-schemas.js';
import { includeSchema } from '../../../src/schema/playbook-schema.js';
import { validateAgainstSchema } from '../../../src/schema/validate.js';
import { parseYaml } from '../../../src/source/yaml.js';

const ROOT = resolve(import.meta.dirname, '../../..');

function problems(kind: Parameters<typeof editorSchema>[0], text: string): string[] {
  const loaded = parseYaml(text, 'f.yml');
  return validateAgainstSchema(loaded.value, editorSchema(kind), loaded).map((d) => `${d.code} ${d.location?.line}:${d.location?.col} ${d.message}`);
}

describe('editor schemas', () => {
  it('accept the example playbook and every task file of its roles', () => {
    expect(problems('playbook', readFileSync(join(ROOT, 'playbooks/site.yml'), 'utf8'))).toEqual([]);
    const roles = join(ROOT, 'playbooks/roles');
    const taskFiles = readdirSync(roles).flatMap((role) =>
      ['tasks', 'handlers'].flatMap((dir) => {
        try {
          return readdirSync(join(roles, role, dir)).map((f) => join(roles, role, dir, f));
        } catch {
          return [];
        }
      }),
    );
    expect(taskFiles.length).toBeGreaterThan(3);
    for (const file of taskFiles) expect(problems('tasks', readFileSync(file, 'utf8')), file).toEqual([]);
    // Compiling the whole editor schema (every module's arguments) takes a while on a busy machine.
  }, 180_000);

  it('offer every registered module name (short and FQCN) as a task key', () => {
    const task = (editorSchema('tasks').$defs as Record<string, { properties?: Record<string, unknown> }>).task!;
    expect(moduleNames().length).toBeGreaterThan(0);
    for (const name of moduleNames()) expect(task.properties).toHaveProperty([name]);
  });

  it('reject an unknown key on a play and wrong module arguments', () => {
    expect(problems('playbook', '- hosts: all\n  tsks: []\n').join('\n')).toContain("unknown key 'tsks'");
    expect(problems('tasks', '- copy: { content: x, dest: /a, bakup: true }\n')).toEqual(["unknown-key 1:33 unknown key 'bakup' in 'copy' (did you mean 'backup'?)"]);
    expect(problems('tasks', '- copy: { content: x, dest: /a, backup: true }\n')).toEqual([]);
  });

  it('vars files are mappings', () => {
    expect(problems('vars', 'a: 1\n')).toEqual([]);
    expect(problems('vars', '- a\n')[0]).toMatch(/^wrong-type 1:1/);
  });

  it('include schemas accept the FQCN spelling', () => {
    const loaded = parseYaml('ansible.builtin.import_tasks: x.yml\nwhen: a\n', 'f.yml');
    expect(validateAgainstSchema(loaded.value, includeSchema('import_tasks', 'ansible.builtin.import_tasks'), loaded)).toEqual([]);
  });
});
