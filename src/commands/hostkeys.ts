// `ha-run hostkeys scan|trust -i INV [PATTERN]`: pin the host keys of an inventory explicitly, before a run.
// scan prints each host's offered keys and how they stand against the known_hosts file ha-run uses for it
// (changes nothing); trust records the new ones there, announcing each. A changed key is only replaced with
// --replace-changed; a revoked one never.
import type { Command } from 'commander';
import { keepsNothing } from '../connection/host-key-record.js';
import { findings, trustFindings, type KeyFinding, type TrustAction } from '../connection/host-key-pinning.js';
import { knownHostName } from '../connection/known-hosts.js';
import { resolveTarget } from '../connection/target.js';
import { ExitCode, HaRunError, ValidationError, hasErrors } from '../errors.js';
import { renderConnectionVars } from '../executor/connection-vars.js';
import { inventoryHostVars, selectHosts } from '../executor/deps.js';
import { loadInventory } from '../inventory/load.js';
import { visibleControls } from '../output/terminal-safe.js';
import { action } from './action.js';

export interface HostKeysOptions {
  inventory?: string[];
  knownHosts?: string;
  replaceChanged?: boolean;
}

export interface HostKeysIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd?: string;
}

type Mode = 'scan' | 'trust';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerHostKeys(program: Command): void {
  const hostkeys = program.command('hostkeys').description("Show or pin the SSH host keys of an inventory's hosts");
  const io: HostKeysIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
  for (const mode of ['scan', 'trust'] as const) {
    const cmd = hostkeys
      .command(mode)
      .description(
        mode === 'scan'
          ? "print each host's keys and SHA256 fingerprints, and whether known_hosts knows them (changes nothing)"
          : 'record the keys of hosts not yet known in the known_hosts file ha-run uses, announcing each',
      )
      .argument('[pattern]', 'hosts to look at (default: all)')
      .option('-i, --inventory <path>', 'inventory file, directory or host list (repeatable)', collect)
      .option('--known-hosts <file>', 'known_hosts file to check (and record) keys in, instead of each host\'s own');
    if (mode === 'trust') cmd.option('--replace-changed', 'replace a recorded key that CHANGED with the one the host offers now (only after checking it)');
    cmd.action(action(async (pattern: string | undefined, o: HostKeysOptions) => runHostKeysCommand(mode, pattern ?? 'all', o, io)));
  }
}

export async function runHostKeysCommand(mode: Mode, pattern: string, o: HostKeysOptions, io: HostKeysIo): Promise<number> {
  if (!o.inventory || o.inventory.length === 0) {
    throw new HaRunError('missing-inventory', 'no inventory given', { exitCode: ExitCode.badOptions, hint: 'pass one with -i INVENTORY' });
  }
  const { inventory, diagnostics } = loadInventory(o.inventory, { cwd: io.cwd });
  if (hasErrors(diagnostics)) throw new ValidationError(diagnostics);
  const hosts = selectHosts(inventory, pattern);
  if (hosts.length === 0) io.err(`[WARNING]: no hosts matched '${pattern}'\n`);
  let exitCode: number = ExitCode.ok;
  for (const host of hosts) {
    const ok = await oneHost(mode, host, { ...inventoryHostVars(inventory, host), inventory_hostname: host }, o, io);
    if (!ok) exitCode = ExitCode.hostsUnreachable;
  }
  return exitCode;
}

/** False when the host could not be scanned, or its keys could not be trusted. */
async function oneHost(mode: Mode, host: string, vars: Record<string, unknown>, o: HostKeysOptions, io: HostKeysIo): Promise<boolean> {
  let target;
  try {
    target = resolveTarget(renderConnectionVars(host, vars), { host, ...(o.knownHosts ? { knownHostsFile: o.knownHosts } : {}) });
  } catch (err) {
    io.err(`${host}: ${visibleControls((err as Error).message)}\n`);
    return false;
  }
  if (target.kind === 'local') {
    io.out(`${host}: local connection, no host key\n`);
    return true;
  }
  const s = target.ssh;
  let keys;
  try {
    // Loaded only when scanning: ssh2's WebAssembly must not load for every command (validate under ulimit -v).
    const { scanHostKeys } = await import('../connection/host-key-scan.js');
    keys = await scanHostKeys(s);
  } catch (err) {
    io.err(`${host}: ${visibleControls((err as Error).message)}\n`);
    return false;
  }
  const name = knownHostName(s.address, s.port);
  const found = findings({ own: s.knownHostsFile, global: s.globalKnownHostsFiles }, name, keys);
  if (mode === 'scan') {
    for (const f of found) io.out(`${keyLine(host, name, f)}  ${scanStatus(f, s.knownHostsFile)}\n`);
    return true;
  }
  if (keepsNothing(s.knownHostsFile)) {
    io.err(`${host}: cannot record keys in ${s.knownHostsFile}: it keeps nothing; give a real file with --known-hosts FILE (or UserKnownHostsFile)\n`);
    return false;
  }
  const actions = trustFindings(s.knownHostsFile, name, found, o.replaceChanged === true);
  for (const a of actions) io.out(`${trustLine(host, name, a, s.knownHostsFile)}\n`);
  return actions.every((a) => a.done !== 'refused');
}

function keyLine(host: string, name: string, f: KeyFinding): string {
  return `${host}  ${name}  ${visibleControls(f.keyType)}  ${f.fingerprint}`;
}

function where(f: KeyFinding): string {
  return `${f.entryFile}:${f.entry?.line}`;
}

function scanStatus(f: KeyFinding, file: string): string {
  if (f.status === 'known') return `known (${where(f)})`;
  if (f.status === 'new') return `new (not in ${file})`;
  if (f.status === 'revoked') return `REVOKED (${where(f)})`;
  return `CHANGED: ${where(f)} holds another ${f.entry!.keyType} key for this host`;
}

function trustLine(host: string, name: string, a: TrustAction, file: string): string {
  const key = keyLine(host, name, a.finding);
  switch (a.done) {
    case 'kept':
      return `known: ${key} (${where(a.finding)})`;
    case 'recorded':
      return `RECORDED: ${key} in ${file}`;
    case 'replaced':
      return `REPLACED: ${key} in ${file} (removed line ${a.removed!.line}: ${a.removed!.keyType} ${a.removed!.fingerprint})`;
    case 'refused': {
      const f = a.finding;
      if (f.status === 'changed') {
        const how = f.entryFile === file ? 'check it with the host\'s owner, then run again with --replace-changed' : `${f.entryFile} is not the file ha-run records into: edit it yourself`;
        return `REFUSED, KEY CHANGED: ${key}: ${where(f)} holds another ${f.entry!.keyType} key. Someone may be intercepting the connection, or the host was reinstalled: ${how}`;
      }
      if (f.status === 'revoked') return `REFUSED, KEY REVOKED: ${key} (${where(f)})`;
      return `not recorded: ${key} (another key of this host changed or is revoked)`;
    }
  }
}
