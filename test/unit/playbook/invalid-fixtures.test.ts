// Every file in test/fixtures/invalid/ goes through the validator; its NAME.expected.json lists the
// diagnostics it must produce (code, line:col, message substring), no more and no fewer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError, type Diagnostic } from '../../../src/errors.js';
import { validateRun } from '../../../src/playbook/validate-run.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/invalid');
const VALID = resolve(import.meta.dirname, '../../fixtures/valid');
const INVENTORY = join(FIXTURES, 'support/inventory.yml');

interface Expected {
  kind: 'playbook' | 'tasks' | 'vars' | 'inventory';
  limit?: string;
  diagnostics: { code: string; at: string; message: string; file?: string; severity?: 'error' | 'warning' }[];
}

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();

/** Runs one fixture the way its kind is used: as a playbook, a tasks file, a vars file or an inventory. */
function diagnosticsOf(file: string, expected: Expected): Diagnostic[] {
  const scratch = mkdtempSync(join(tmpdir(), 'ha-run-fixture-'));
  const wrap = (body: string) => {
    const playbook = join(scratch, 'site.yml');
    writeFileSync(playbook, `- hosts: all\n  gather_facts: false\n${body}`);
    return playbook;
  };
  const options = {
    playbook: file,
    inventorySources: [INVENTORY],
    ...(expected.limit === undefined ? {} : { limit: expected.limit }),
  };
  if (expected.kind === 'tasks') options.playbook = wrap(`  tasks:\n    - import_tasks: ${JSON.stringify(file)}\n`);
  if (expected.kind === 'vars') options.playbook = wrap(`  vars_files:\n    - ${JSON.stringify(file)}\n`);
  if (expected.kind === 'inventory') {
    options.playbook = join(FIXTURES, 'support/valid-play.yml');
    options.inventorySources = [file];
  }
  try {
    return validateRun(options).diagnostics;
  } catch (err) {
    if (err instanceof ValidationError) return err.diagnostics;
    throw err;
  }
}

describe('invalid fixtures', () => {
  it('has at least 40 fixtures, each with an expectation', () => {
    const inputs = readdirSync(FIXTURES).filter((f) => /\.(ya?ml|ini)$/.test(f));
    expect(inputs.map((f) => f.replace(/\.(ya?ml|ini)$/, '')).sort()).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  it.each(names)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
    const file = join(FIXTURES, `${name}.yml`);
    const actual = diagnosticsOf(file, expected).map((d) => ({
      code: d.code,
      at: d.location ? `${d.location.line}:${d.location.col}` : '',
      file: d.location ? relative(FIXTURES, d.location.file) : '',
      severity: d.severity,
      message: d.message,
    }));
    const wanted = expected.diagnostics.map((e) => ({
      code: e.code,
      at: e.at,
      file: e.at === '' ? '' : (e.file ?? `${name}.yml`),
      severity: e.severity ?? 'error',
      message: expect.stringContaining(e.message),
    }));
    expect(actual).toEqual(expect.arrayContaining(wanted));
    expect(actual).toHaveLength(wanted.length);
  });
});

describe('valid fixtures', () => {
  it.each(['everything.yml', 'small.yml'])('%s validates without a problem', (name) => {
    const run = validateRun({ playbook: join(VALID, name), inventorySources: [join(VALID, 'inventory.yml')] });
    expect(run.diagnostics).toEqual([]);
    expect(run.hostsByPlay.every((hosts) => hosts !== undefined && hosts.length > 0)).toBe(true);
  });

  it('ansible-playbook agrees that everything.yml is valid', () => {
    expect(ansibleSyntaxCheck(join(VALID, 'everything.yml'), join(VALID, 'inventory.yml'))).toContain('playbook: ');
  });
});

function ansibleSyntaxCheck(playbook: string, inventory: string): string {
  return execFileSync('ansible-playbook', ['--syntax-check', '-i', inventory, playbook], { encoding: 'utf8', env: { ...process.env, ANSIBLE_NOCOLOR: '1' } });
}
