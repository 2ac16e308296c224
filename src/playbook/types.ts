// The canonical, validated shape of playbooks: what the loader produces and the executor runs.
// Written forms (with_items, free-form args, import_tasks, roles) are normalized into this.
import type { Diagnostic, SourceLocation } from '../errors.js';

/** Keywords a task, block, include, role or play can carry and its children inherit. */
export interface InheritableKeywords {
  /** Conditions, each a bare Jinja2 expression (no `{{ }}`), all must hold. */
  when: string[];
  /** A boolean, or a template decided per host (one rendering to `omit` leaves the outer value in force). */
  become?: boolean | string;
  becomeUser?: string;
  /** 'sudo' or a template that must render to it (executor/task-connection.ts). */
  becomeMethod?: string;
  /** Blocks and import_tasks: handlers notified by the tasks inside that name none of their own. */
  notify?: string[];
  /** A mapping, a template rendering to one, or a list of those merged in order (executor/environment.ts). */
  environment?: Record<string, unknown> | string | unknown[];
  tags: string[];
  vars: Record<string, unknown>;
  ignoreErrors?: boolean | string;
  checkMode?: boolean | string;
  diff?: boolean | string;
  noLog?: boolean | string;
  delegateTo?: string;
  /** Connection keywords as written (templates allowed); the host's connection variables win over them. */
  connection?: string;
  remoteUser?: string;
  port?: number | string;
  /** A boolean, or a template rendered with the first host's variables. */
  runOnce?: boolean | string;
  anyErrorsFatal?: boolean | string;
  /** always, never, on_failed, on_unreachable, on_skipped, or a template: see executor/debugger.ts. */
  debugger?: string;
}

export interface LoopControl {
  loopVar?: string;
  indexVar?: string;
  label?: string;
  pause?: number;
  extended?: boolean;
  /** With extended: false leaves ansible_loop.allitems out (a long list copied into every item). */
  extendedAllitems?: boolean;
}

export interface Task extends InheritableKeywords {
  kind: 'task';
  name?: string;
  /** Arguments that do not fit the module: a warning, made an error where every run reaches the task. */
  argsProblems?: Diagnostic[];
  /** Canonical short module name ('copy'), whatever form was written. */
  module: string;
  /** The module's name as written (`ansible_failed_task.action`). */
  action?: string;
  /** Module arguments; free-form text is kept as `_raw_params` (Ansible's convention). */
  args: Record<string, unknown>;
  /** `loop` or `with_items` (a list, or a template string that renders to one). */
  loop?: unknown;
  /** Which written form produced `loop` (with_items flattens one level, like Ansible). */
  loopForm?: 'loop' | `with_${string}`;
  loopControl?: LoopControl;
  register?: string;
  notify: string[];
  changedWhen?: string[] | boolean;
  failedWhen?: string[] | boolean;
  until?: string;
  retries?: number | string;
  delay?: number | string;
  /** `async:` seconds (a number, or a template rendered at run time). */
  async?: number | string;
  /** `poll:` seconds between checks of an async job; 0 = fire and forget. */
  poll?: number | string;
  /** For handlers: extra topics they answer to. */
  listen: string[];
  location: SourceLocation;
  /** Set when the task comes from a role. */
  role?: RoleRef;
}

export interface Block extends InheritableKeywords {
  kind: 'block';
  name?: string;
  /** Set when the block stands for an `import_tasks` (the imported file's tasks, with the import's keywords). */
  importedFrom?: string;
  block: TaskItem[];
  rescue: TaskItem[];
  always: TaskItem[];
  location: SourceLocation;
  role?: RoleRef;
}

/** `include_tasks`: resolved at run time (the file name may be templated). */
export interface IncludeTasks extends InheritableKeywords {
  kind: 'include_tasks';
  name?: string;
  /** File path as written (may contain a template). */
  file: string;
  /** Pre-loaded when the path is static, so it is validated before anything runs. */
  tasks?: TaskItem[];
  loop?: unknown;
  loopForm?: Task['loopForm'];
  loopControl?: LoopControl;
  location: SourceLocation;
  role?: RoleRef;
  /** `apply:` keywords: given to the included tasks (the include's own keywords only decide whether it runs). */
  apply?: InheritableKeywords;
  /** As a handler: extra topics it answers to. */
  listen?: string[];
  /** `register:` the include's own result (the file it included, or why it was skipped or failed). */
  register?: string;
  /** A static file name that does not exist: a warning, made an error where every run reaches the include. */
  missing?: Diagnostic;
}

/** `include_role`: resolved at run time too; pre-loaded when the name is static. */
export interface IncludeRole extends InheritableKeywords {
  kind: 'include_role';
  name?: string;
  roleName: string;
  role?: RoleRef;
  included?: Role;
  location: SourceLocation;
  /** True for `import_role` (expanded when the playbook is loaded), false for `include_role`. */
  static?: boolean;
  /** `tasks_from` / `vars_from` / `defaults_from` / `handlers_from` file names (without the directory). */
  from?: { tasks?: string; vars?: string; defaults?: string; handlers?: string };
  /** `apply:` keywords (include_role only). */
  apply?: InheritableKeywords;
  /** include_role only: `register:` its own result. */
  register?: string;
  /** include_role only: a static role name that does not exist (as for IncludeTasks). */
  missing?: Diagnostic;
  /** include_role only: the role is included once per item. */
  loop?: unknown;
  loopForm?: Task['loopForm'];
  loopControl?: LoopControl;
}

export type TaskItem = Task | Block | IncludeTasks | IncludeRole;

/** What a handlers list holds: tasks, and include_tasks whose tasks run when it is notified (as in Ansible). */
export type Handler = Task | IncludeTasks;

export interface RoleRef {
  name: string;
  /** Directory of the role on the controller (for files/, templates/, role_path). */
  path: string;
}

export interface Role {
  ref: RoleRef;
  /** Parameters given where the role is used (`- role: x` + extra keys, or `vars:`). */
  params: Record<string, unknown>;
  defaults: Record<string, unknown>;
  vars: Record<string, unknown>;
  tasks: TaskItem[];
  handlers: Handler[];
  /** Keywords written on the role entry in the play (when, tags, become...). */
  keywords: InheritableKeywords;
  location: SourceLocation;
  /** meta/main.yml `dependencies:`, in order; each runs before this role. */
  dependencies?: Role[];
  /** The role whose meta/main.yml lists this one (its keywords, vars and params reach this role too). */
  parent?: Role;
  /** meta/main.yml `allow_duplicates: true`: runs every time it is listed, not once per play. */
  allowDuplicates?: boolean;
  /** Same identity = the same role for Ansible's once-per-play rule (its directory, parameters, when, tags, vars). */
  identity?: string;
}

/** One `vars_prompt` entry: asked on the terminal before the run, unless -e gives the variable. */
export interface VarsPrompt {
  name: string;
  /** The question; `input for NAME` when absent. */
  prompt?: string;
  default?: unknown;
  /** Hide the answer (and mask it in output); true unless `private: false`. */
  private: boolean;
  confirm: boolean;
  unsafe: boolean;
  location: SourceLocation;
}

export interface Play extends InheritableKeywords {
  name?: string;
  varsPrompt?: VarsPrompt[];
  /** Host pattern, as written (may be a list joined with ','). */
  hosts: string;
  varsFiles: string[];
  /** A boolean, or a template rendered with the play's variables as it starts (executor/play-keywords.ts). */
  gatherFacts: boolean | string;
  /** Batches: numbers or percentages ('30%'), the last repeating. Empty means all hosts at once. */
  serial: (number | string)[];
  maxFailPercentage?: number | string;
  /** Handlers run for hosts that failed in a section too, at the flush that ends it (force_handlers). */
  forceHandlers?: boolean | string;
  preTasks: TaskItem[];
  roles: Role[];
  tasks: TaskItem[];
  postTasks: TaskItem[];
  handlers: Handler[];
  /** Directory of the playbook file this play came from (playbook_dir). */
  playbookDir: string;
  /** Always 'linear' (the only strategy ha-run implements). */
  strategy?: 'linear';
  /** Variables read from the static `vars_files` (in order; later files win). Templated paths are left to run time. */
  varsFromFiles?: Record<string, unknown>;
  location: SourceLocation;
}

export interface Playbook {
  /** The file given on the command line. */
  file: string;
  /** Plays in order, with import_playbook expanded. */
  plays: Play[];
  /** Every file read to build it (playbooks, task files, role files, vars files). */
  files?: string[];
}
