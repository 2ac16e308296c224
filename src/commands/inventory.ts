// `ha-run inventory -i INV (--list | --graph [GROUP] | --host NAME)`: the inventory as ha-run reads it,
// printed like `ansible-inventory` so the two can be compared line for line.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode, HaRunError, ValidationError, hasErrors, type Diagnostic } from '../errors.js';
import { formatDiagnostic, sortDiagnostics, sourceReader } from '../output/diagnostics.js';
import { SecretMasker } from '../output/mask.js';
import type { Inventory } from '../inventory/types.js';
import type { PlaybookVars } from '../inventory/host-vars.js';
import { loadVarsBeside } from '../inventory/vars-dirs.js';
import { loadInventory } from '../inventory/load.js';
import { ansibleJson, displayedHostVars, graphInventory, listInventory, yamlInventory } from '../inventory/listing.js';
import { VAULT_VALUE_CODE } from '../source/vault.js';
import { dumpYaml } from '../source/yaml-dump.js';
import { selectHosts } from '../inventory/patterns.js';
import { didYouMean } from '../util/did-you-mean.js';
import { action } from './action.js';
import { revealedValues } from '../vault/revealed.js';
import type { VaultCliOptions } from '../vault/vault-id.js';
import { useVaultOptions, withVaultOptions } from './vault-options.js';

export interface InventoryCommandOptions extends VaultCliOptions {
  inventory?: string[];
  list?: boolean;
  graph?: boolean;
  host?: string;
  vars?: boolean;
  export?: boolean;
  yaml?: boolean;
  limit?: string;
  playbookDir?: string;
}

export interface InventoryCommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd?: string;
}

export function registerInventory(program: Command): void {
  withVaultOptions(program.command('inventory'))
    .description('Show the inventory as ha-run reads it (same output as ansible-inventory)')
    .argument('[group]', 'group to start the --graph at (default: all)')
    .option('-i, --inventory <source>', 'inventory file, directory or comma-separated host list (repeatable)', collect, [])
    .option('--list', 'all groups and hosts with their variables, as JSON')
    .option('--graph', 'the group tree')
    .option('--host <name>', "one host's merged variables, as JSON")
    .option('--vars', 'with --graph: show variables too')
    .option('--export', 'with --list: group variables under groups, host variables unmerged')
    .option('-y, --yaml', 'with --list or --host: YAML instead of JSON')
    .option('-l, --limit <pattern>', 'only hosts matching this pattern (also @file)')
    .option('--playbook-dir <dir>', "also merge the group_vars/ and host_vars/ beside a playbook in this directory")
    .action(
      action(async (group: string | undefined, options: InventoryCommandOptions) => {
        await useVaultOptions(options);
        return runInventoryCommand(group, options, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
      }),
    );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The command without commander, so tests can run it in-process. Throws HaRunError/ValidationError. */
export async function runInventoryCommand(group: string | undefined, options: InventoryCommandOptions, io: InventoryCommandIo): Promise<number> {
  const actions = [options.list, options.graph, options.host !== undefined].filter(Boolean).length;
  if (actions !== 1) {
    throw new HaRunError('bad-options', 'give exactly one of --list, --graph or --host', { exitCode: ExitCode.badOptions });
  }
  const sources = options.inventory ?? [];
  if (sources.length === 0) throw new HaRunError('bad-options', 'no inventory given: use -i FILE, -i DIR or -i "host1,host2,"', { exitCode: ExitCode.badOptions });
  const loaded = loadInventory(sources, { cwd: io.cwd });
  const { inventory } = loaded;
  // Without a password, a listing shows `!vault` values undecrypted (as ansible-inventory does); a run refuses them.
  const diagnostics = loaded.diagnostics.filter((d) => d.code !== VAULT_VALUE_CODE);
  if (hasErrors(diagnostics)) throw new ValidationError(diagnostics);
  printWarnings(diagnostics, io.err);
  const hosts = options.limit === undefined ? undefined : new Set(selectHosts(inventory, 'all', { limit: options.limit, cwd: io.cwd }));
  const playbook = playbookVars(inventory, options.playbookDir, io.cwd);
  // Unlike ansible-inventory, passwords and other secret-named values are masked (team rule: never print
  // secrets): by name in the data listed, at any length; as text wherever they appear (6 characters or more).
  const masker = secretsOf(inventory, playbook);
  const out = (text: string): void => io.out(masker.maskString(text));
  if (options.host !== undefined) {
    if (!inventory.hosts.has(options.host) || (hosts && !hosts.has(options.host))) {
      throw new HaRunError('unknown-host', `no host '${options.host}' in the inventory${didYouMean(options.host, [...(hosts ?? inventory.hosts.keys())])}`, {
        exitCode: ExitCode.badOptions,
      });
    }
    out(render(masker.mask(displayedHostVars(inventory, options.host, options.export, playbook)), options.yaml) + '\n');
    return ExitCode.ok;
  }
  if (options.graph) {
    const text = graphInventory(inventory, group ?? 'all', { vars: options.vars, hosts, playbook, mask: (vars) => masker.mask(vars) });
    if (text === undefined) {
      const hint = didYouMean(group ?? '', [...inventory.groups.keys()]);
      throw new HaRunError('unknown-group', `--graph needs a group name; there is no group '${group}'${hint}`, { exitCode: ExitCode.badOptions });
    }
    out(text + '\n');
    return ExitCode.ok;
  }
  const listing = { export: options.export, hosts, playbook };
  out(render(masker.mask(options.yaml ? yamlInventory(inventory, listing) : listInventory(inventory, listing)), options.yaml) + '\n');
  return ExitCode.ok;
}

function render(value: unknown, yaml: boolean | undefined): string {
  // Plain data for the dumper: `!vault` values become {__ansible_vault: ...}, `!unsafe` ones plain strings.
  return yaml ? dumpYaml(JSON.parse(JSON.stringify(value))).replace(/\n$/, '') : ansibleJson(value);
}

/** `--playbook-dir`: the vars beside the playbook, read for the inventory's names; problems make the input invalid. */
function playbookVars(inventory: Inventory, dir: string | undefined, cwd = process.cwd()): PlaybookVars | undefined {
  if (dir === undefined) return undefined;
  const beside = loadVarsBeside(resolve(cwd, dir), { groups: inventory.groups.keys(), hosts: inventory.hosts.keys() });
  const problems = beside.diagnostics.filter((d) => d.code !== VAULT_VALUE_CODE);
  if (hasErrors(problems)) throw new ValidationError(problems);
  return beside;
}

function secretsOf(inventory: Inventory, playbook: PlaybookVars | undefined): SecretMasker {
  const masker = new SecretMasker();
  for (const entry of [...inventory.groups.values(), ...inventory.hosts.values()]) {
    masker.addFromVars(entry.vars);
    masker.addFromVars(entry.fileVars);
  }
  for (const vars of [...(playbook?.groupVars.values() ?? []), ...(playbook?.hostVars.values() ?? [])]) masker.addFromVars(vars);
  // Given a vault password, vaulted files and `!vault` values are read, and every value from them is masked.
  for (const value of revealedValues()) masker.add(value);
  return masker;
}

function printWarnings(diagnostics: Diagnostic[], write: (s: string) => void): void {
  const read = sourceReader();
  for (const d of sortDiagnostics(diagnostics)) write(formatDiagnostic(d, read) + '\n');
}
