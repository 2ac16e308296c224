// `ha-run lab up|down|status|ssh|inventory`: local Docker lab hosts with real OpenSSH.
import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import { ExitCode, HaRunError } from '../errors.js';
import { DEFAULT_LAB_FILE, defaultLabName } from '../lab/lab-names.js';
import { labPaths, readLabState } from '../lab/state.js';
import { action } from './action.js';

const say = (line: string) => process.stderr.write(`${line}\n`);

// The lab drives Docker through zx: loaded when a lab command runs, so playbook runs never pay for it.
const labUp = async (...a: Parameters<typeof import('../lab/lab-up.js').labUp>) => (await import('../lab/lab-up.js')).labUp(...a);
const labDown = async (...a: Parameters<typeof import('../lab/lab-down.js').labDown>) => (await import('../lab/lab-down.js')).labDown(...a);
const labStatus = async (...a: Parameters<typeof import('../lab/lab-status.js').labStatus>) => (await import('../lab/lab-status.js')).labStatus(...a);
const labSshArgs = async (...a: Parameters<typeof import('../lab/lab-ssh.js').labSshArgs>) => (await import('../lab/lab-ssh.js')).labSshArgs(...a);

export function registerLab(program: Command): void {
  const lab = program.command('lab').description('local Docker lab hosts with real OpenSSH, for trying playbooks safely');

  lab
    .command('up')
    .description(`build (or reuse) images and start the lab's hosts; prints the inventory path`)
    .argument('[lab-file]', 'lab file', DEFAULT_LAB_FILE)
    .action(
      action(async (file: string) => {
        const started = Date.now();
        const result = await labUp(file, (m) => say(`lab: ${m}`));
        for (const [host, change] of Object.entries(result.changes)) say(`  ${host.padEnd(16)} ${change}`);
        const all = Object.values(result.changes);
        const verdict = all.every((c) => c === 'unchanged') ? 'already up, nothing changed' : 'up';
        say(`lab '${result.spec.name}' ${verdict} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        process.stdout.write(`${result.paths.inventory}\n`);
      }),
    );

  namedLabCommand(lab, 'down', 'remove the lab: containers, network, volumes and state (cached images stay)', async (name) => {
    const removed = await labDown(name);
    if (removed.containers.length === 0 && !removed.network) say(`lab '${name}' was not up; nothing to remove`);
    else say(`lab '${name}' removed: ${removed.containers.length} containers, ${removed.volumes.length} volumes, network`);
  });

  namedLabCommand(lab, 'status', 'show each host of the lab: kind, port, address, state', async (name) => {
    const status = await labStatus(name);
    if (!status) {
      say(`lab '${name}' is not up`);
      return ExitCode.error;
    }
    const rows = [['HOST', 'KIND', 'PORT', 'ADDRESS', 'STATE', 'GROUPS']];
    for (const h of status.hosts) rows.push([h.name, h.kind, String(h.port), h.address, h.state, h.groups.join(',')]);
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows) process.stdout.write(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd() + '\n');
    return status.hosts.every((h) => h.state === 'running') ? ExitCode.ok : ExitCode.error;
  });

  lab
    .command('ssh')
    .description('open an ssh session (or run a command) on a lab host with the lab key and known_hosts')
    .argument('<host>', 'host name, optionally as USER@HOST (users: root, ha, app)')
    .argument('[command...]', 'command to run instead of a shell')
    .option('--lab <name>', 'lab to look in (default: the lab that has this host)')
    .action(
      action(async (target: string, command: string[], options: { lab?: string }) => {
        const args = await labSshArgs(target, command, options.lab);
        const ran = spawnSync('ssh', args, { stdio: 'inherit' });
        if (ran.error) throw new HaRunError('lab-ssh-missing', `cannot run ssh: ${ran.error.message}`, { hint: 'apt-get install -y openssh-client' });
        return ran.status ?? ExitCode.error;
      }),
    );

  namedLabCommand(lab, 'inventory', 'print the path of the inventory generated for the lab', async (name) => {
    if (!readLabState(name)) throw new HaRunError('lab-not-up', `lab '${name}' is not up`, { hint: `start it with: ha-run lab up` });
    process.stdout.write(`${labPaths(name).inventory}\n`);
  });
}

/** A subcommand that takes an optional lab name, defaulting to the default lab file's. */
function namedLabCommand(parent: Command, command: string, description: string, run: (lab: string) => Promise<number | void>): void {
  parent
    .command(command)
    .description(description)
    .argument('[name]', `lab name (default: the one in ${DEFAULT_LAB_FILE})`)
    .action(action(async (name?: string) => run(name ?? defaultLabName())));
}
