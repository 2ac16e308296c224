// The module contract. A module describes; the executor decides `changed`, honours check mode and
// performs the writes. Two shapes:
//  - declarative: gather (read-only) + plan (pure) -> changes with ops the executor applies;
//  - action: run() for what cannot be planned (command, debug, set_fact, wait_for, ...).
import type { Connection, PutData } from '../connection/types.js';
import type { TemplateSyntax } from '../template/index.js';

/** A JSON Schema (draft 2020-12 subset ajv understands) for a module's arguments. */
export type ArgsSchema = Record<string, unknown>;

export interface FileDiff {
  path?: string;
  before: string;
  after: string;
}

/** One step of applying a change; executed on the target through the connection. */
export type Op =
  | {
      kind: 'exec';
      command: string;
      stdin?: string | Buffer;
      /** Register the command's trimmed stdout under this result key (e.g. 'backup_file'). */
      resultKey?: string;
    }
  | {
      kind: 'put';
      path: string;
      /** A big controller file is streamed from disk, never read whole. */
      data: PutData;
      mode?: string;
      owner?: string;
      group?: string;
      unsafeWrites?: boolean;
      /** A temporary file the next op moves into place or removes (validate): by itself not a change. */
      scratch?: boolean;
    };

export interface Change {
  /** Why this is a change, for a person: "mode 0644 -> 0600", "content differs (sha256)". */
  summary: string;
  diff?: FileDiff;
  ops: Op[];
}

export interface RenderOptions {
  /**
   * The text is a template FILE (the template module): string literals use Python's escapes, as
   * Jinja2 reads them, and a `#jinja2:` first line changes the settings.
   */
  file?: boolean;
  /** The file's own path: what it includes or imports is looked up next to it and in templates/. */
  path?: string;
  /** A file's Jinja2 delimiters and whitespace rules, when not Ansible's defaults. */
  syntax?: Partial<TemplateSyntax>;
  /** Variables only this file sees (ansible_managed, template_path...). */
  vars?: Record<string, unknown>;
}

/** What the executor gives a module for one host and one task. */
export interface ModuleContext {
  host: string;
  conn: Connection;
  check: boolean;
  diff: boolean;
  /** All variables visible to the task on this host (already merged by precedence). */
  vars: Record<string, unknown>;
  /** Render a template string with the task's variables (a template file with `file: true`, see RenderOptions). */
  render(template: string, options?: RenderOptions): string;
  /**
   * Evaluate a bare Jinja2 expression (`var`, `that`) to its value; modules fall back to render when absent.
   * `condition`: read as Ansible reads a condition (inside `{% if %}`: string literals decode their escapes).
   */
  evaluate?(expression: string, options?: { condition?: boolean }): unknown;
  /** Find a controller-side file the way Ansible does (role files/templates dirs, playbook dir). */
  findFile(kind: 'files' | 'templates' | 'vars' | 'tasks', path: string): string;
  /** Milliseconds the module may spend before it should give up (wait_for, pause). */
  signal?: AbortSignal;
}

export interface ModuleResult {
  changed: boolean;
  failed?: boolean;
  skipped?: boolean;
  msg?: string;
  /** One readable reason per change made (or that would be made in check mode). */
  reasons?: string[];
  diff?: FileDiff[];
  /** Facts to set on the host (set_fact, setup, include_vars). */
  facts?: Record<string, unknown>;
  /** Anything else registered: rc, stdout, stderr, stat, content, ... */
  [key: string]: unknown;
}

/** What an async job runs on the target (see ModuleBase.asyncJob). */
export interface AsyncJobSpec {
  script: string;
  stdin?: string;
  /** JSON kept with the job, from which its result is built later (perhaps by a later run's async_status). */
  meta: unknown;
}

/** What an async job printed, and when by the target's clock. */
export interface AsyncJobOutput {
  rc: number;
  stdout: string;
  stderr: string;
  startedAt: Date;
  endedAt: Date;
}

/** How a module runs as an async job: what the job runs, and its result from what it printed. */
export interface AsyncJobSupport<Args> {
  start(args: Args): AsyncJobSpec;
  result(meta: unknown, output: AsyncJobOutput): ModuleResult;
}

interface ModuleBase<Args> {
  /** Short name, e.g. 'copy'. The registry also answers to 'ansible.builtin.copy'. */
  name: string;
  /** Extra names: FQCNs outside ansible.builtin, legacy names. */
  aliases?: string[];
  /** The collection whose fully qualified name it answers to; ansible.builtin when absent. */
  collection?: string;
  schema: ArgsSchema;
  /** Accepts a free-form string (`command: ls -l`), stored as args._raw_params. */
  freeForm?: boolean;
  /**
   * The free-form text is a command line (command, shell, raw, script): `k=v` words other than the
   * command options (chdir=, creates=, ...) are part of the command, not arguments.
   */
  commandLine?: boolean;
  /**
   * A stand-in for a module an `action:` names with a template (`action: "{{ ansible_facts.pkg_mgr }}"`):
   * the executor renders this name for the host and runs the module it names (templated-action.ts).
   */
  templatedName?: string;
  /**
   * `async:` fails the task with Ansible's "async is not supported for this task." (its action plugin
   * refuses it: copy, template, fetch, script...). Controller-only modules refuse it too.
   */
  refusesAsync?: boolean;
  /** Runs on the controller only (debug, set_fact, assert, fail, meta, pause, include_vars). */
  controllerOnly?: boolean;
  /** It lets time pass (pause): what was read of the hosts before it may be out of date after it. */
  waits?: boolean;
  /**
   * An action whose run only reads its host through the fact library (stat, find): look-ahead may read
   * for it early, and looks past it to the tasks that follow.
   */
  readsOnly?: boolean;
  /**
   * An action whose run first asks whether it has anything to do with a read (command's creates and
   * removes) and takes a kept answer when there is one: look-ahead makes that read early, and looks past
   * the task when it would stop there. A task that would run changes things: look-ahead stops at it.
   */
  readsBeforeRunning?: boolean;
  /**
   * Its result is the controller's own values (set_fact, include_vars: Ansible's "clean facts"), so it
   * enters variables as it is; every other module's result is target data, never rendered again.
   */
  resultIsControllerData?: boolean;
  /** Its arguments become variables as they are (set_fact): unsafe values reach it still unsafe. */
  keepsUnsafeArgs?: boolean;
  /**
   * How reporters show its result: 'show-result' always shows it, only what was asked (debug);
   * 'command' is ad-hoc's `rc=N >>` form followed by the command's output (command, shell, raw, script);
   * 'facts': its result is the facts it gathered (setup): ad-hoc output and JSON events carry them as
   * `ansible_facts`, a playbook's text output never prints them, at any verbosity (as Ansible's).
   */
  output?: 'show-result' | 'command' | 'facts';
  /**
   * Where the variables in its result's `facts` go: host facts (set_fact, the default), include_vars'
   * own precedence level, the gathered facts (setup: also shown as `ansible_<name>`), or the gathered
   * facts under their own names (getent: `getent_passwd` and `ansible_facts.getent_passwd`, as Ansible
   * injects the facts a module returns).
   */
  setsVars?: 'host-facts' | 'include-vars' | 'gathered-facts' | 'named-facts';
  /**
   * What validation can know of the variables it defines: its argument names (set_fact), the vars file
   * it reads (include_vars), or one name made of a prefix and an argument's value (getent's getent_<database>).
   */
  definesVars?: 'argument-names' | 'vars-file' | { prefix: string; argument: string };
  /** The argument that names a controller-side template file, whose variables validation checks too (template's `src`). */
  templateFileArg?: string;
  /**
   * Its result asks for a change of the run's inventory (`add_host`, `add_group`): the executor makes
   * it and the result's `changed` says whether anything changed (add_host, group_by).
   */
  changesInventory?: boolean;
  /** Runs once per task, on the first host, whatever the play's hosts (add_host, as Ansible's BYPASS_HOST_LOOP). */
  bypassHostLoop?: boolean;
  /**
   * Can run as a background job on the target (`async:` with `poll:`, and async_status): the job's
   * script, and how its output becomes this module's result.
   */
  asyncJob?: AsyncJobSupport<Args>;
  /** A play-control action (meta): the executor runs it once across the task's hosts, not per host. */
  playControl?: boolean;
  /**
   * Arguments that hold secrets (a password, a key): their rendered values are masked in all output,
   * whatever the variables they came from are called (see src/executor/task-secrets.ts).
   */
  secretArgs?: string[];
  /** Result keys that hold secrets (a private key's content): masked in all output like secretArgs. */
  secretResults?: string[];
  /**
   * Its Ansible counterpart returns a `diff` in every mode, as one mapping (known_hosts: before, after,
   * before_header, after_header), which playbooks test: the result's `diff` (made by the module) is
   * registered whatever the diff mode, and shown only in diff mode.
   */
  returnsDiff?: boolean;
  /** Example args for docs and tests (never used at run time). */
  _args?: Args;
}

export interface DeclarativeModule<Args = Record<string, unknown>, Facts = unknown> extends ModuleBase<Args> {
  kind: 'declarative';
  /**
   * Steps that run before gathering whatever the plan finds, and are no change by themselves
   * (systemd's daemon_reload: what is read afterwards depends on it). Skipped in check mode.
   */
  prelude?(args: Args): Change[];
  gather(ctx: ModuleContext, args: Args): Promise<Facts>;
  plan(args: Args, facts: Facts): Change[];
  /**
   * Values to register besides changed/diff (e.g. path, mode after the change). `facts` are read
   * after the changes were applied, `before` are the facts the plan saw.
   */
  result?(args: Args, facts: Facts, changes: Change[], before?: Facts): Record<string, unknown>;
}

export interface ActionModule<Args = Record<string, unknown>> extends ModuleBase<Args> {
  kind: 'action';
  run(ctx: ModuleContext, args: Args): Promise<ModuleResult>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Module<Args = any, Facts = any> = DeclarativeModule<Args, Facts> | ActionModule<Args>;
