// The site's domain rules (playbooks/validate.yml) refuse a wrong inventory before connecting: each
// problem is a validation error at the inventory line it is about, with the site's own message.
// Validate-only: nothing here connects, so the hosts are made-up names.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError, type Diagnostic } from '../../../src/errors.js';
import { validateRun } from '../../../src/playbook/validate-run.js';

const SITE = resolve(import.meta.dirname, '../../../playbooks/site.yml');

/** A sound site inventory; each test changes one thing in it. */
const GOOD = `all:
  vars:
    rancher_db_password: a-real-secret-of-some-length
    mysql_replication_password: another-real-secret
  children:
    mysql:
      vars:
        mysql_max_connections: 500
      children:
        mysql_primary:
          hosts:
            db1: { mysql_server_id: 1 }
        mysql_replicas:
          hosts:
            db2: { mysql_server_id: 2 }
            db3: { mysql_server_id: 3 }
    loadbalancer:
      hosts:
        lb1:
    rancher_servers:
      hosts:
        rancher[1:3]:
    rancher_agents:
      hosts:
        agent1:
`;

function inventoryFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ha-run-site-validation-')), 'inventory.yml');
  writeFileSync(file, text);
  return file;
}

/** The site's refusals for this inventory text ([] when it validates). */
function refusals(text: string, extraVars?: Record<string, unknown>): { file: string; problems: Diagnostic[] } {
  const file = inventoryFile(text);
  try {
    validateRun({ playbook: SITE, inventorySources: [file], extraVars });
    return { file, problems: [] };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return { file, problems: err.diagnostics.filter((d) => d.severity === 'error') };
  }
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string): { line: number; col: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in the inventory`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before.at(-1)!.length + 1 };
}

function expectOneRefusal(text: string, message: RegExp, pointsAt: string, extraVars?: Record<string, unknown>): void {
  const { file, problems } = refusals(text, extraVars);
  expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(message)]);
  expect(problems[0]!.code).toBe('inventory-assertion');
  expect(problems[0]!.location).toEqual({ file, ...at(text, pointsAt) });
}

describe('the site refuses a wrong inventory before connecting', () => {
  it('accepts a sound inventory', () => {
    expect(refusals(GOOD).problems).toEqual([]);
  });

  it('leaves generated passwords to the run: validation writes no secret file', () => {
    const text = GOOD.replace(/    rancher_db_password: .*\n    mysql_replication_password: .*\n/, '');
    const { file, problems } = refusals(text);
    expect(problems).toEqual([]);
    expect(existsSync(join(dirname(file), 'rancher-secrets'))).toBe(false);
  });

  it('a missing mysql_primary group, at the inventory', () => {
    const text = GOOD.replace(/        mysql_primary:\n          hosts:\n            db1: \{ mysql_server_id: 1 \}\n/, '');
    expectOneRefusal(text, /no host in the group mysql_primary/, 'all:');
  });

  it('two primaries, at the mysql_primary group', () => {
    const text = GOOD.replace('db1: { mysql_server_id: 1 }', 'db1: { mysql_server_id: 1 }\n            db4: { mysql_server_id: 4 }');
    expectOneRefusal(text, /mysql_primary must hold exactly one host; it has 2 \(db1, db4\)/, 'mysql_primary:');
  });

  it('4 server nodes, at the rancher_servers group', () => {
    expectOneRefusal(GOOD.replace('rancher[1:3]', 'rancher[1:4]'), /rancher_servers must hold 1, 3 or 5 hosts.*it has 4/, 'rancher_servers:');
  });

  it('a placeholder or empty password, at its value', () => {
    expectOneRefusal(GOOD.replace('a-real-secret-of-some-length', 'change-me-in-production'), /rancher_db_password is empty or a placeholder/, 'change-me-in-production');
    expectOneRefusal(GOOD.replace('another-real-secret', '""'), /mysql_replication_password is empty or a placeholder/, '""');
  });

  it('a placeholder given with -e: refused, at the assertion (no inventory line holds it)', () => {
    const { problems } = refusals(GOOD, { rancher_db_password: 'change-me' });
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/rancher_db_password is empty or a placeholder/)]);
    expect(problems[0]!.location?.file).toMatch(/playbooks\/roles\/rancher_ha\/tasks\/validate\.yml$/);
  });

  it('too few connections, a non-utf8 database, a backup interval outside 10-20 minutes, at each value', () => {
    expectOneRefusal(GOOD.replace('mysql_max_connections: 500', 'mysql_max_connections: 100'), /mysql_max_connections is 100; .* at least 250/, '100');
    const utf8mb4 = GOOD.replace('mysql_max_connections: 500', 'mysql_max_connections: 500\n        rancher_db_encoding: utf8mb4');
    expectOneRefusal(utf8mb4, /must be utf8 .* not utf8mb4/, 'utf8mb4');
    const hourly = GOOD.replace('mysql_max_connections: 500', "mysql_max_connections: 500\n        mysql_backup_minutes: '0'");
    expectOneRefusal(hourly, /mysql_backup_minutes is '0'/, "'0'");
  });

  it('a value set on one host points at that host, with the host named', () => {
    const text = GOOD.replace('db2: { mysql_server_id: 2 }', 'db2: { mysql_server_id: 2, mysql_max_connections: 200 }');
    const { file, problems } = refusals(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.location).toEqual({ file, ...at(text, '200 }') });
    expect(problems[0]!.hint).toMatch(/^db2: `mysql_max_connections \| int >= 250` is false/);
  });

  it('several problems are reported at once', () => {
    const text = GOOD.replace('rancher[1:3]', 'rancher[1:2]').replace('mysql_max_connections: 500', 'mysql_max_connections: 10');
    // The connection limit is reported once per MySQL host that has it (the same line: once).
    expect(refusals(text).problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/it has 2/),
      expect.stringMatching(/mysql_max_connections is 10/),
    ]);
  });
});
