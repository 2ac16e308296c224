// A whole run: prepared playbooks → plays → recap and Ansible's exit code. Connections open lazily,
// are shared per host, and are closed at the end (also on Ctrl-C).
import { ExitCode } from '../errors.js';
import type { SecretMasker } from '../output/mask.js';
import { formatLocation } from '../output/diagnostics.js';
import type { Reporter } from '../output/reporter.js';
import type { RunContext, RunOptions } from './context.js';
import { ConnectionPool } from './deps.js';
import { IncludeLoader } from './dynamic-include.js';
import { learnSecrets } from './learn-secrets.js';
import { HostStates } from './host-state.js';
import { runPlay } from './play-runner.js';
import type { PreparedPlaybook } from './prepare.js';
import { RunStats } from './stats.js';
import { exitCodeFor, type StopSignal } from './exit-code.js';
import { onRevealed } from '../vault/revealed.js';

export interface RunSetup {
  reporter: Required<Reporter>;
  masker: SecretMasker;
  logFile?: string;
}

export async function runPlaybooks(prepared: PreparedPlaybook[], options: RunOptions, setup: RunSetup): Promise<number> {
  const started = Date.now();
  const { reporter, masker } = setup;
  learnSecrets(masker, prepared, options.extraVars);
  // Values decrypted from a vault, before the run and during it (include_vars), are secrets.
  const forgetVaultValues = onRevealed((value) => masker.add(value));
  const pool = new ConnectionPool({
    knownHostsFile: options.knownHostsFile,
    trustOnFirstUse: options.trustNewHostKeys,
    ...(options.trustNewHostKeysBy ? { trustedBy: options.trustNewHostKeysBy } : {}),
    ...(options.sshArgs ? { sshArgs: options.sshArgs } : {}),
    // Every key taken on first use is announced: terminal, JSON events and the log.
    onHostKeyRecorded: (record) => void reporter.hostKeyRecorded(record),
    connectTimeoutMs: options.connectTimeoutMs,
  });
  const stats = new RunStats();
  const hosts = new HostStates();
  let run: RunContext | undefined;
  // First Ctrl-C or SIGTERM: stop starting tasks, close connections, print the recap, exit 99 (SIGINT) or
  // 143 (SIGTERM). A second signal exits at once. (`on`, not `once`: a listener must stay, or signal-exit
  // (used by the terminal view's cursor handling) re-raises the signal and the process dies before the recap.)
  let stoppedBy: StopSignal | undefined;
  const onStop = (signal: StopSignal) => {
    if (stoppedBy) process.exit(exitCodeFor(stats, stoppedBy));
    stoppedBy = signal;
    if (run) run.interrupted = true;
    void pool.closeAll();
  };
  process.on('SIGINT', onStop);
  process.on('SIGTERM', onStop);
  const slice = options.slice ? { slice: options.slice } : {};
  await reporter.runStart({ playbooks: prepared.map((p) => p.playbook.file), check: options.check, diff: options.diff, logFile: setup.logFile, ...slice });
  try {
    for (const p of prepared) {
      run = {
        options,
        inventory: p.inventory,
        report: reporter,
        masker,
        stats,
        hosts,
        pool,
        playbookVars: p.playbookVars,
        playbookFile: p.playbook.file,
        includes: new IncludeLoader(),
        interrupted: stoppedBy !== undefined,
        // Once found, --start-at-task is spent for the playbooks that follow too.
        startAt: run ? run.startAt : options.startAtTask,
      };
      // Located, like validate's, so a warning about a task that is never reached can be found.
      for (const w of p.warnings) await reporter.warning({ message: w.message, ...(w.location ? { location: w.location } : {}) });
      for (const [i, play] of p.playbook.plays.entries()) {
        if (run.interrupted || run.aborted) break;
        // Hosts that failed or were unreachable in an earlier play sit out the rest of the run.
        const matched = p.inventory.revision ? p.rematchHosts(i) : (p.hostsPerPlay[i] ?? []);
        if (p.inventory.revision && matched.length === 0) await reporter.warning({ message: `could not match host pattern '${play.hosts}'; the play is skipped` });
        const playHosts = matched.filter((h) => !hosts.get(h).failed && !hosts.get(h).unreachable);
        await runPlay(run, play, playHosts);
      }
      if (run.interrupted || run.aborted) break;
    }
    if (run?.startAt) await reporter.warning({ message: `--start-at-task '${run.startAt}' matched no task: nothing ran` });
  } finally {
    process.removeListener('SIGINT', onStop);
    process.removeListener('SIGTERM', onStop);
    await pool.closeAll();
  }
  const exitCode = run?.debuggerStop && !stoppedBy ? ExitCode.interrupted : exitCodeFor(stats, stoppedBy);
  await reporter.runEnd({
    stats: stats.snapshot(),
    exitCode,
    durationMs: Date.now() - started,
    roundTrips: Object.fromEntries(pool.facts.roundTrips()),
    ...(setup.logFile ? { logFile: setup.logFile } : {}),
    ...slice,
    ...(stoppedBy ? { aborted: `interrupted (${stoppedBy}): connections closed` } : run?.aborted ? { aborted: run.aborted } : {}),
  });
  forgetVaultValues();
  return exitCode;
}
