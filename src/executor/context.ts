// The state a run and a play carry while the executor walks them.
import type { Inventory } from '../inventory/types.js';
import type { SecretMasker } from '../output/mask.js';
import type { Slice } from '../output/events.js';
import type { Reporter } from '../output/reporter.js';
import type { Handler, Play, Role, Task, TaskItem } from '../playbook/types.js';
import type { RunnablePlay } from './play-keywords.js';
import type { Scope } from './scope.js';
import type { ConnectionPool } from './deps.js';
import type { IncludeLoader } from './dynamic-include.js';
import type { HandlerQueue } from './handlers.js';
import type { HostStates } from './host-state.js';
import type { RunStats } from './stats.js';

export interface RunOptions {
  check: boolean;
  diff: boolean;
  /** Hosts worked on at once (Ansible's forks). */
  forks: number;
  verbosity: number;
  tags: string[];
  skipTags: string[];
  startAtTask?: string;
  extraVars: Record<string, unknown>;
  limit?: string;
  knownHostsFile?: string;
  trustNewHostKeys: boolean;
  /** What turned trust-on-first-use on when it was not --trust-new-host-keys (host_key_checking=False). */
  trustNewHostKeysBy?: string;
  /** ssh options from ansible.cfg (ssh_args...), under each host's own ansible_ssh_*_args. */
  sshArgs?: string;
  connectTimeoutMs?: number;
  /** --force-handlers: the default of every play's force_handlers. */
  forceHandlers?: boolean;
  /** -u, -c, --private-key, -T: connection variables for hosts whose vars and play keywords set none. */
  connectionDefaults?: Record<string, string>;
  /** --slice K/N: this run is one of N (its hosts are already narrowed; the events say which). */
  slice?: Slice;
}

export interface RunContext {
  options: RunOptions;
  inventory: Inventory;
  report: Required<Reporter>;
  masker: SecretMasker;
  stats: RunStats;
  hosts: HostStates;
  pool: ConnectionPool;
  /** group_vars/ and host_vars/ beside the playbook. */
  playbookVars: { groupVars: Map<string, Record<string, unknown>>; hostVars: Map<string, Record<string, unknown>> };
  playbookFile: string;
  /** Task files of templated include_tasks, loaded at run time. */
  includes: IncludeLoader;
  /** Set on SIGINT: no new task starts. */
  interrupted: boolean;
  /** --start-at-task not reached yet. */
  startAt?: string;
  /** Why the run stopped early (any_errors_fatal, max_fail_percentage, all hosts failed). */
  aborted?: string;
  /** A `debugger` keyword stopped the run where Ansible's debugger would have opened (exit 99). */
  debuggerStop?: boolean;
}

export interface PlayContext {
  run: RunContext;
  play: RunnablePlay;
  /** Every host the play targets (ansible_play_hosts_all). */
  playHosts: string[];
  /** The current serial batch (ansible_play_batch). */
  batch: string[];
  handlers: HandlerQueue;
  /** The role of each role handler. */
  handlerRoles: Map<Handler, Role>;
  /** This batch stopped for everyone (end_batch, end_play, a fatal failure). */
  ended: boolean;
  /** Templated vars_files, read per host at its first task of the play. */
  varsFilesByHost: Map<string, Record<string, unknown>>;
  /** `meta: end_play`: the remaining batches do not run either. */
  endPlay: boolean;
  /** For each role identity, the hosts it has run on in this play (Ansible runs a role once per play). */
  rolesRun: Map<string, Set<string>>;
  /** The include parameters (`vars` of include_role/import_role) each role last ran with, per host: its handlers see them too. */
  roleParams: Map<Role, Map<string, Record<string, unknown>>>;
  /** The task list being run and where in it: the tasks ahead whose facts may be read early (lookahead.ts). */
  lookahead?: { scope: Scope; items: readonly TaskItem[]; index: number };
}
