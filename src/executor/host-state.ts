// What the run remembers about each host across tasks and plays: gathered facts, set_fact/register
// values, include_vars, and whether it is still in the game.
export interface FailureMemo {
  task: { name: string; action: string; module: string; file?: string; line?: number };
  result: Record<string, unknown>;
}

export class HostState {
  /** `ansible_facts` (setup); also shown as `ansible_*`. */
  facts: Record<string, unknown> = {};
  /** Facts that are variables under their own name, not as `ansible_*` (what getent returns). */
  ownNamedFacts = new Set<string>();
  /** set_fact and registered results: they outlive the play, like Ansible's. */
  hostFacts: Record<string, unknown> = {};
  /** include_vars results. */
  includeVars: Record<string, unknown> = {};
  /** Failed a task (not ignored, not rescued): leaves the play and later plays. */
  failed = false;
  unreachable = false;
  /** `meta: end_host` in the current play. */
  endedPlay = false;
  /** The last failure, for `ansible_failed_task` / `ansible_failed_result` in rescue. */
  lastFailure?: FailureMemo;

  constructor(readonly name: string) {}

  /** Still takes part in the current play. */
  get active(): boolean {
    return !this.failed && !this.unreachable && !this.endedPlay;
  }
}

export class HostStates {
  private readonly map = new Map<string, HostState>();
  get(name: string): HostState {
    let s = this.map.get(name);
    if (!s) {
      s = new HostState(name);
      this.map.set(name, s);
    }
    return s;
  }
}
