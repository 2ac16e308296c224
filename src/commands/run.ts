// `ha-run PLAYBOOK... -i INV` (the default command) and `ha-run adhoc PATTERN -m MODULE -a ARGS -i INV`:
// options → executor request; reporters chosen here (live view on a TTY, plain lines otherwise, JSON on
// request, and always the masked log file).
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CONNECT_TIMEOUT_SECONDS, connectTimeoutSeconds } from '../connection/connect-timeout.js';
import { ExitCode, HaRunError } from '../errors.js';
import { prepareAdhoc, type AdhocRequest } from '../executor/adhoc.js';
import type { RunOptions } from '../executor/context.js';
import { parseExtraVars } from '../executor/extra-vars.js';
import { learnSecrets } from '../executor/learn-secrets.js';
import { formatListing, shownPath, type ListMode } from '../executor/listing.js';
import { preparePlaybook, type PreparedPlaybook } from '../executor/prepare.js';
import { runPlaybooks } from '../executor/run-playbooks.js';
import { parseSlice, sliced } from '../executor/slice.js';
import { splitTagOption } from '../executor/tags.js';
import { SecretMasker } from '../output/mask.js';
import { createReporters, stdoutWriter } from '../output/setup.js';
import { diagnosticLines, diagnosticsOf } from '../output/diagnostic-events.js';
import { action } from './action.js';
import { activeConfig } from '../config/active.js';
import { applyConfig, DEFAULT_FORKS, type ConfigExtras } from '../config/cli-defaults.js';
import { unusedSummary } from '../config/dump.js';
import { formatDiagnostic } from '../output/diagnostics.js';
import { useVaultOptions, withVaultOptions } from './vault-options.js';
import { connectionPasswords, withPasswordOptions, type PasswordCliOptions } from './connection-passwords.js';
import { askVarsPrompts, type AskedSecrets } from './vars-prompt.js';
import type { VaultCliOptions } from '../vault/vault-id.js';

interface CliOptions extends VaultCliOptions, PasswordCliOptions {
  inventory?: string[];
  check?: boolean;
  diff?: boolean;
  limit?: string;
  tags?: string[];
  skipTags?: string[];
  startAtTask?: string;
  extraVars?: string[];
  forks?: string;
  listHosts?: boolean;
  listTasks?: boolean;
  listTags?: boolean;
  syntaxCheck?: boolean;
  verbose: number;
  json?: boolean;
  junit?: string;
  trustNewHostKeys?: boolean;
  knownHosts?: string;
  moduleName?: string;
  args?: string;
  become?: boolean;
  becomeUser?: string;
  user?: string;
  connection?: string;
  privateKey?: string;
  timeout?: string;
  forceHandlers?: boolean;
  slice?: string;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];
const count = (_v: string, prev: number) => prev + 1;

function withRunOptions(cmd: Command): Command {
  return withPasswordOptions(withVaultOptions(cmd))
    .option('-i, --inventory <path>', 'inventory file, directory or host list (repeatable)', collect)
    .option('-C, --check', "dry run: report what would change, change nothing")
    .option('-D, --diff', 'show differences in changed files')
    .option('-l, --limit <pattern>', 'further limit hosts with a pattern (or @file)')
    .option('-e, --extra-vars <vars>', 'k=v pairs, a JSON/YAML mapping or @file (repeatable)', collect)
    .option('-f, --forks <n>', `hosts worked on at once (default: forks in ansible.cfg, else ${DEFAULT_FORKS})`)
    .option('-v, --verbose', 'more output (-vv for more)', count, 0)
    .option('--json', 'print one JSON event per line instead of text')
    .option('--junit <file>', 'also write a JUnit XML report: a test case per task and host, as Ansible\'s junit callback')
    .option('--trust-new-host-keys', 'record host keys of hosts not yet in known_hosts (a changed key still fails)')
    .option('--known-hosts <file>', 'known_hosts file to verify (and record) host keys')
    .option('-b, --become', 'run operations with become (sudo)')
    .option('--become-user <user>', 'become this user')
    .option('-u, --user <user>', 'connect as this user (where neither the inventory nor the play says)')
    .option('-c, --connection <type>', 'ssh or local (where neither the inventory nor the play says)')
    .option('--private-key <file>', 'SSH private key file (where the inventory names none)')
    .option('-T, --timeout <seconds>', 'SSH connection timeout (where the inventory sets none)');
}

/** -u, -c, --private-key and -T as the connection variables they stand for. */
function connectionDefaults(o: CliOptions): Record<string, string> {
  const defaults: Record<string, string> = {};
  if (o.user !== undefined) defaults.ansible_user = o.user;
  if (o.connection !== undefined) {
    if (!['ssh', 'smart', 'paramiko', 'local'].includes(o.connection)) {
      throw new HaRunError('bad-option', `--connection must be ssh or local, not '${o.connection}'`, { exitCode: ExitCode.badOptions });
    }
    defaults.ansible_connection = o.connection;
  }
  if (o.privateKey !== undefined) defaults.ansible_ssh_private_key_file = o.privateKey;
  if (o.timeout !== undefined) {
    if (connectTimeoutSeconds(o.timeout) === undefined) {
      const { min, max } = CONNECT_TIMEOUT_SECONDS;
      throw new HaRunError('bad-option', `--timeout must be a whole number of seconds from ${min} to ${max}, not '${o.timeout}'`, { exitCode: ExitCode.badOptions });
    }
    defaults.ansible_timeout = o.timeout;
  }
  return defaults;
}

function runOptions(o: CliOptions, extras: ConfigExtras = {}): RunOptions {
  const forks = Number(o.forks ?? DEFAULT_FORKS);
  if (!Number.isInteger(forks) || forks < 1) throw new HaRunError('bad-option', `--forks must be a positive whole number, not '${o.forks}'`, { exitCode: ExitCode.badOptions });
  return {
    check: o.check === true,
    diff: o.diff === true,
    forks,
    verbosity: o.verbose ?? 0,
    tags: splitTagOption(o.tags),
    skipTags: splitTagOption(o.skipTags),
    startAtTask: o.startAtTask,
    extraVars: parseExtraVars(o.extraVars ?? []),
    limit: o.limit,
    knownHostsFile: o.knownHosts,
    trustNewHostKeys: o.trustNewHostKeys === true || extras.trustNewHostKeysBy !== undefined,
    ...(o.trustNewHostKeys !== true && extras.trustNewHostKeysBy ? { trustNewHostKeysBy: extras.trustNewHostKeysBy } : {}),
    ...(extras.sshArgs ? { sshArgs: extras.sshArgs } : {}),
    connectionDefaults: { ...(extras.sshRetries !== undefined ? { ansible_ssh_retries: String(extras.sshRetries) } : {}), ...connectionDefaults(o) },
    ...(o.forceHandlers ? { forceHandlers: true } : {}),
  };
}

/** Where ansible-playbook reads its inventory when given none. */
const DEFAULT_INVENTORY = '/etc/ansible/hosts';

/** The -i sources; without any, Ansible's default inventory file, or (as Ansible) only the implicit localhost. */
function inventoryOf(o: CliOptions): string[] {
  if (o.inventory && o.inventory.length > 0) return o.inventory;
  if (existsSync(DEFAULT_INVENTORY)) return [DEFAULT_INVENTORY];
  process.stderr.write(`[WARNING]: no inventory given (-i) and no ${DEFAULT_INVENTORY}: only the implicit localhost is available\n`);
  return [];
}

function listMode(o: CliOptions): ListMode | undefined {
  return o.listHosts ? 'hosts' : o.listTasks ? 'tasks' : o.listTags ? 'tags' : undefined;
}

/** -k/-K (or their password files): asked after validation, before anything connects; secrets from then on. */
async function addConnectionPasswords(options: RunOptions, o: CliOptions): Promise<AskedSecrets> {
  const passwords = await connectionPasswords(o);
  options.connectionDefaults = { ...options.connectionDefaults, ...passwords };
  return { values: Object.values(passwords), names: [] };
}

async function execute(prepared: PreparedPlaybook[], options: RunOptions, o: CliOptions, extras: ConfigExtras, asked: AskedSecrets, adhoc = false): Promise<number> {
  const out = createReporters({
    json: o.json === true,
    verbosity: options.verbosity,
    forks: options.forks,
    adhoc,
    ...(extras.logPath ? { logPath: extras.logPath } : {}),
    ...(o.junit ? { junit: o.junit } : {}),
  });
  asked.values.forEach((v) => out.masker.add(v));
  asked.names.forEach((n) => out.masker.addSecretName(n));
  try {
    return await runPlaybooks(prepared, options, { reporter: out.reporter, masker: out.masker, logFile: out.logFile });
  } finally {
    await out.close();
  }
}

export async function runCommand(targets: string[], cli: CliOptions): Promise<number> {
  const { options: o, extras } = configured(cli);
  await useVaultOptions(o);
  const options = runOptions(o, extras);
  const slice = o.slice === undefined ? undefined : parseSlice(o.slice);
  if (slice) options.slice = slice;
  const inventorySources = inventoryOf(o);
  if (o.moduleName) {
    // `ha-run -i INV PATTERN -m MODULE -a ARGS`: the ansible (ad-hoc) form.
    if (slice) throw new HaRunError('bad-option', '--slice is for playbook runs, not ad-hoc ones', { exitCode: ExitCode.badOptions });
    if (targets.length !== 1) throw new HaRunError('bad-option', 'an ad-hoc run takes exactly one host pattern', { exitCode: ExitCode.badOptions });
    return runAdhoc(adhocRequest(targets[0]!, o, extras, inventorySources), options, o, extras);
  }
  if (targets.length === 0) throw new HaRunError('bad-option', 'no playbook given', { exitCode: ExitCode.badOptions, hint: 'usage: ha-run PLAYBOOK.yml -i INVENTORY' });
  // Every playbook is proven valid before the first one touches a host.
  const all = targets.map((playbook) => {
    try {
      return preparePlaybook({ playbook, inventorySources, limit: options.limit, extraVars: options.extraVars, tags: { only: options.tags, skip: options.skipTags }, sliced: slice !== undefined });
    } catch (err) {
      // With --json, a run that cannot start says why in events too (people read stderr).
      const problems = o.json ? diagnosticsOf(err) : undefined;
      if (problems) stdoutWriter()(diagnosticLines(problems));
      throw err;
    }
  });
  // --slice: the hosts are partitioned over all the playbooks together, so a host is in one slice for the whole run.
  const prepared = slice ? sliced(all, slice) : all;
  if (o.become || o.becomeUser) {
    for (const p of prepared) for (const play of p.playbook.plays) Object.assign(play, o.become ? { become: true } : {}, o.becomeUser ? { becomeUser: o.becomeUser } : {});
  }
  // ansible.cfg's become settings are the plays' defaults: a play's own keywords win.
  const fromConfig = extras.playBecome;
  if (fromConfig) for (const p of prepared) for (const play of p.playbook.plays) {
    if (fromConfig.become) play.become ??= true;
    if (fromConfig.becomeUser !== undefined) play.becomeUser ??= fromConfig.becomeUser;
  }
  if (o.syntaxCheck || listMode(o)) await askVarsPrompts(prepared, options.extraVars, true);
  if (o.syntaxCheck) {
    const write = stdoutWriter();
    for (const p of prepared) write(`\nplaybook: ${shownPath(p.playbook.file)}\n`);
    return ExitCode.ok;
  }
  const mode = listMode(o);
  if (mode) {
    const sel = { only: options.tags, skip: options.skipTags };
    const write = stdoutWriter();
    // A play's name is shown rendered (with -e), so a listing masks secrets as a run's output does.
    const masker = new SecretMasker();
    learnSecrets(masker, prepared, options.extraVars);
    for (const p of prepared) write(formatListing(mode, p.playbook, p.hostsPerPlay, sel, options.extraVars, masker));
    return ExitCode.ok;
  }
  const passwords = await addConnectionPasswords(options, o);
  const prompted = await askVarsPrompts(prepared, options.extraVars);
  return execute(prepared, options, o, extras, { values: [...passwords.values, ...prompted.values], names: prompted.names });
}

/** The command line over ansible.cfg and ANSIBLE_*; the configuration's warnings are printed here. */
function configured(cli: CliOptions): { options: CliOptions; extras: ConfigExtras } {
  const config = activeConfig();
  for (const d of config.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  const unused = unusedSummary(config);
  if (unused) process.stderr.write(`warning: ${unused}\n`);
  return applyConfig(cli, config);
}

function adhocRequest(pattern: string, o: CliOptions, extras: ConfigExtras, inventorySources: string[]): AdhocRequest {
  const become = o.become ?? extras.playBecome?.become;
  const becomeUser = o.becomeUser ?? extras.playBecome?.becomeUser;
  return { pattern, module: o.moduleName!, args: o.args, inventorySources, limit: o.limit, become, becomeUser };
}

async function runAdhoc(req: AdhocRequest, options: RunOptions, o: CliOptions, extras: ConfigExtras): Promise<number> {
  const prepared = prepareAdhoc(req);
  if (o.listHosts) {
    stdoutWriter()(`  hosts (${prepared.hostsPerPlay[0]!.length}):\n${prepared.hostsPerPlay[0]!.map((h) => `    ${h}\n`).join('')}`);
    return ExitCode.ok;
  }
  return execute([prepared], options, o, extras, await addConnectionPasswords(options, o), true);
}

export function registerRun(program: Command): void {
  withRunOptions(
    program
      .command('run [playbooks...]', { isDefault: true })
      .description('Run playbooks against an inventory (the default command: `ha-run site.yml -i inventory`).'),
  )
    .option('-t, --tags <tags>', 'only run tasks with these tags (comma-separated, repeatable)', collect)
    .option('--skip-tags <tags>', 'skip tasks with these tags (comma-separated, repeatable)', collect)
    .option('--start-at-task <name>', 'start at the task with this name')
    .option('--force-handlers', 'run notified handlers on hosts that failed too (the default of force_handlers)')
    .option('--slice <K/N>', 'run only the K-th of N host partitions (hosts sorted by name, every N-th), for N controllers; merge their --json logs with `ha-run recap`')
    .option('--list-hosts', 'list the hosts each play would run on, then exit')
    .option('--list-tasks', 'list the tasks that would run, then exit')
    .option('--list-tags', 'list the tags, then exit')
    .option('--syntax-check', 'validate the playbooks, then exit')
    .option('-m, --module-name <module>', 'ad-hoc: run this module on the host pattern given instead of a playbook')
    .option('-a, --args <args>', 'ad-hoc: module arguments (free form, k=v or JSON)')
    .action(action(async (targets: string[], o: CliOptions) => runCommand(targets, o)));

  withRunOptions(
    program
      .command('adhoc <pattern>')
      .description('Run one module on the hosts matching PATTERN, like `ansible PATTERN -m MODULE -a ARGS`.'),
  )
    .requiredOption('-m, --module-name <module>', 'module to run')
    .option('-a, --args <args>', 'module arguments (free form, k=v or JSON)')
    .option('--list-hosts', 'list the matching hosts, then exit')
    .action(
      action(async (pattern: string, cli: CliOptions) => {
        const { options: o, extras } = configured(cli);
        await useVaultOptions(o);
        const options = runOptions(o, extras);
        return runAdhoc(adhocRequest(pattern, o, extras, inventoryOf(o)), options, o, extras);
      }),
    );
}
