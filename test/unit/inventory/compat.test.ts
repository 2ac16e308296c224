// ha-run inventory vs ansible-inventory (ansible-core 2.14) on varied inventories: --list (groups, hosts and
// merged vars), --list --export, --graph --vars, and --host must print the same.
// All ansible-inventory runs happen in one Python process (test/compat/inventory/ansible_inventory_batch.py).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInventoryCommand, type InventoryCommandOptions } from '../../../src/commands/inventory.js';
import { parseYaml } from '../../../src/source/yaml.js';
import { ansibleAvailable, runAnsibleBatch } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/inventory/compat');
const available = ansibleAvailable();

interface Case {
  name: string;
  dir: string;
  sources: string[];
  host: string;
  graphGroup?: string;
  /** `--playbook-dir`: group_vars/host_vars beside a playbook count too. */
  playbookDir?: string;
  /** ansible-inventory cannot print vault values in --graph --vars without the vault password. */
  graphWithoutVars?: boolean;
}

const cases: Case[] = [
  { name: 'YAML: ranges, host:port, nested children, vars dirs, bare-name vars file', dir: 'yaml-nested', sources: ['hosts.yml'], host: 'web01', graphGroup: 'site' },
  { name: 'INI: sections, typed k=v, ranges, pending children, [all:vars]', dir: 'ini-basic', sources: ['hosts.ini'], host: 'web1' },
  { name: 'directory source: sorted files, ignored names, subdirectory, json vars', dir: 'dir-source', sources: ['inv'], host: 'redis2' },
  { name: 'several -i sources, YAML and INI, each with group_vars/host_vars', dir: 'multi', sources: ['a/hosts.yml', 'b/hosts'], host: 'shared' },
  { name: 'group priority, depth and inline vs file vars', dir: 'priority', sources: ['inventory.yml'], host: 'h1', graphGroup: 'parent' },
  {
    name: 'YAML edge cases: groups defined twice, shorthand sections, IP ranges, !vault, !unsafe, YAML 1.1 scalars',
    dir: 'yaml-edges',
    sources: ['inventory.yaml'],
    host: 'd1',
    graphWithoutVars: true,
  },
  { name: 'INI: explicit [all] and [ungrouped], a grouped host leaves ungrouped', dir: 'ini-special-groups', sources: ['hosts'], host: 's1' },
  { name: '--playbook-dir: playbook group_vars/host_vars after their inventory counterparts', dir: 'playbook-dir', sources: ['hosts.yml'], host: 'w1', playbookDir: 'pb' },
  { name: 'comma-separated host list', dir: '.', sources: ['alpha,beta:2222, gamma.example.com,'], host: 'beta' },
];

type Variant = 'list' | 'export' | 'graph' | 'host' | 'yaml';
const variants: Variant[] = ['list', 'export', 'graph', 'host', 'yaml'];

function ansibleArgs(c: Case, v: Variant): string[] {
  const inv = [...c.sources.flatMap((s) => ['-i', s]), ...(c.playbookDir ? ['--playbook-dir', c.playbookDir] : [])];
  if (v === 'list') return [...inv, '--list'];
  if (v === 'export') return [...inv, '--list', '--export'];
  if (v === 'graph') return [...inv, '--graph', ...(c.graphWithoutVars ? [] : ['--vars']), ...(c.graphGroup ? [c.graphGroup] : [])];
  if (v === 'yaml') return [...inv, '--list', '--yaml', '--export'];
  return [...inv, '--host', c.host];
}

function ourOptions(c: Case, v: Variant): InventoryCommandOptions {
  const base = { inventory: c.sources, playbookDir: c.playbookDir };
  if (v === 'list') return { ...base, list: true };
  if (v === 'export') return { ...base, list: true, export: true };
  if (v === 'graph') return { ...base, graph: true, vars: !c.graphWithoutVars };
  if (v === 'yaml') return { ...base, list: true, yaml: true, export: true };
  return { ...base, host: c.host };
}

async function ours(c: Case, v: Variant): Promise<string> {
  let out = '';
  const code = await runInventoryCommand(v === 'graph' ? c.graphGroup : undefined, ourOptions(c, v), {
    out: (s) => (out += s),
    err: () => {},
    cwd: join(FIXTURES, c.dir),
  });
  expect(code).toBe(0);
  return out;
}

describe.skipIf(!available)('ha-run inventory matches ansible-inventory', () => {
  const expected = new Map<string, string>();

  beforeAll(() => {
    const jobs = cases.flatMap((c) => variants.map((v) => ({ cwd: join(FIXTURES, c.dir), args: ansibleArgs(c, v) })));
    const results = runAnsibleBatch<{ code: number; stdout: string }[]>('ansible_inventory_batch.py', jobs);
    let i = 0;
    for (const c of cases) {
      for (const v of variants) {
        const r = results[i++]!;
        if (r.code !== 0) throw new Error(`ansible-inventory ${ansibleArgs(c, v).join(' ')} exited ${r.code}`);
        expected.set(`${c.dir}|${v}`, r.stdout);
      }
    }
  });

  for (const c of cases) {
    describe(c.name, () => {
      it('--list: same groups, hosts and merged host vars', async () => {
        expect(JSON.parse(await ours(c, 'list'))).toEqual(JSON.parse(expected.get(`${c.dir}|list`)!));
      });
      it('--list --export: same group vars and unmerged host vars', async () => {
        expect(JSON.parse(await ours(c, 'export'))).toEqual(JSON.parse(expected.get(`${c.dir}|export`)!));
      });
      it('--graph --vars: same text', async () => {
        expect(await ours(c, 'graph')).toBe(expected.get(`${c.dir}|graph`));
      });
      it('--host: same text', async () => {
        expect(await ours(c, 'host')).toBe(expected.get(`${c.dir}|host`));
      });
      it('--list --yaml --export: same YAML document', async () => {
        // Compared as data: quoting style may differ (PyYAML leaves `y` bare, our dumper quotes it), and
        // our dumper writes a `!vault` value as its JSON form {__ansible_vault: ...}.
        const asData = (text: string): unknown => JSON.parse(JSON.stringify(parseYaml(text, 'out.yml').value));
        expect(asData(await ours(c, 'yaml'))).toEqual(asData(expected.get(`${c.dir}|yaml`)!));
      });
    });
  }
});
