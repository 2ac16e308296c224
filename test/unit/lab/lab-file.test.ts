import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { loadLabFile } from '../../../src/lab/lab-file.js';

const dir = mkdtempSync(join(tmpdir(), 'ha-run-labfile-'));
let count = 0;
function labFile(text: string): string {
  const file = join(dir, `lab${++count}.yml`);
  writeFileSync(file, text);
  return file;
}

function problems(text: string): { code: string; message: string; at: string }[] {
  try {
    loadLabFile(labFile(text));
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return err.diagnostics.map((d) => ({ code: d.code, message: d.message, at: `${d.location?.line}:${d.location?.col}` }));
  }
  throw new Error('expected the lab file to be rejected');
}

describe('loadLabFile', () => {
  it('reads hosts with kinds (plain by default), groups, host/group/lab vars', () => {
    const spec = loadLabFile(
      labFile(`name: demo
vars: { region: lab }
groups:
  db:
    vars: { port: 3306 }
hosts:
  db1: { kind: systemd, groups: [db], vars: { id: 1 } }
  web1:
`),
    );
    expect(spec.name).toBe('demo');
    expect(spec.vars).toEqual({ region: 'lab' });
    expect(spec.groupVars).toEqual({ db: { port: 3306 } });
    expect(spec.hosts).toEqual([
      { name: 'db1', kind: 'systemd', groups: ['db'], vars: { id: 1 } },
      { name: 'web1', kind: 'plain', groups: [], vars: {} },
    ]);
  });

  it('reports unknown keys at their position, at every level', () => {
    expect(problems(`name: demo
colour: red
hosts:
  a:
    kind: plain
    group: [x]
`)).toEqual([
      { code: 'unknown-key', message: expect.stringContaining('`colour`'), at: '2:1' },
      { code: 'unknown-key', message: expect.stringContaining('`group`'), at: '6:5' },
    ]);
  });

  it('rejects a bad kind, bad names and reserved groups, all at once', () => {
    const found = problems(`name: Demo_Lab
hosts:
  Bad_Host: { kind: vm }
  ok: { groups: [all, "bad-group"] }
`);
    expect(found.map((p) => `${p.code}@${p.at}`)).toEqual([
      'lab-invalid-name@1:7',
      'lab-invalid-name@3:3',
      'lab-invalid-kind@3:21',
      'lab-invalid-name@4:18',
      'lab-invalid-name@4:23',
    ]);
  });

  it('requires name and hosts, and hosts must not be empty', () => {
    expect(problems('vars: {}\n').map((p) => p.code)).toEqual(['lab-missing-key', 'lab-missing-key']);
    expect(problems('name: x\nhosts: {}\n')).toEqual([{ code: 'lab-invalid', message: expect.any(String), at: '2:8' }]);
  });

  it('rejects group vars for a group no host is in (a typo, most likely)', () => {
    expect(problems(`name: x
groups:
  dbs: { vars: { a: 1 } }
hosts:
  h: { groups: [db] }
`)).toEqual([{ code: 'lab-unknown-group', message: expect.stringContaining('`dbs`'), at: '3:3' }]);
  });

  it('reads stand-in images by inventory key and rejects unknown stand-ins and bad keys at their place', () => {
    const spec = loadLabFile(labFile('name: x\nimages: { rancher_server: rancher-server }\nhosts: { h: }\n'));
    expect(spec.images).toEqual({ rancher_server: 'rancher-server' });
    expect(problems('name: x\nimages:\n  web: nginx\n  "bad-key": rancher-server\nhosts: { h: }\n')).toEqual([
      { code: 'lab-invalid-image', message: expect.stringContaining('rancher-server'), at: '3:8' },
      { code: 'lab-invalid-name', message: expect.stringContaining('bad-key'), at: '4:3' },
    ]);
  });

  it('passes YAML syntax errors and a missing file through with their codes', () => {
    expect(problems('name: [x\n').map((p) => p.code)[0]).toBe('yaml-syntax');
    expect(() => loadLabFile(join(dir, 'absent.yml'))).toThrow(ValidationError);
  });

  it('accepts the shipped lab files', () => {
    const ha = loadLabFile('lab/ha.yml');
    expect(ha.hosts.map((h) => `${h.name}:${h.kind}`)).toEqual([
      'db1:systemd', 'db2:systemd', 'db3:systemd', 'lb1:systemd',
      'rancher1:docker', 'rancher2:docker', 'rancher3:docker', 'agent1:docker',
    ]);
    expect(ha.hosts.find((h) => h.name === 'db1')!.groups).toEqual(['mysql', 'mysql_primary']);
    const test = loadLabFile('test/lab.yml');
    expect(test.name).toBe('hatest');
    // Docker-engine hosts cost an image layer and a daemon each: only the Docker modules' two.
    expect(test.hosts.filter((h) => h.kind === 'docker').map((h) => h.name)).toEqual(['dock1', 'dock2']);
  });
});
