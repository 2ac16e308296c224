// The variables a task sees on a host: every precedence layer gathered from the run, play, role,
// blocks, includes and the host's own state, merged by src/vars (the one precedence order), plus the
// magic variables only the executor knows (play hosts, batch, failed task...).
import type { Task } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import { groupNames, magicVars, mergeVars } from './deps.js';
import { roleDefaultsLayers, roleParams, roleVarsLayers } from './role-vars.js';
import { blockVars, type Scope } from './scope.js';
import { searchPaths } from './search-path.js';
import { readTemplatedVarsFiles, templatedVarsFiles } from './vars-files.js';

type Vars = Record<string, unknown>;

/** `ansible_facts` plus each fact as `ansible_<name>`, or under its own name (Ansible's INJECT_FACTS_AS_VARS). */
export function factVars(facts: Vars, ownNamed: ReadonlySet<string> = new Set()): Vars {
  const out: Vars = { ansible_facts: facts };
  for (const [k, v] of Object.entries(facts)) out[k.startsWith('ansible_') || ownNamed.has(k) ? k : `ansible_${k}`] = v;
  return out;
}

/** What `hostvars[name]` holds: the host's inventory and playbook-side vars, facts, set_fact/register, -e. */
function otherHostVars(pc: PlayContext, name: string): Vars {
  const { run } = pc;
  const state = run.hosts.get(name);
  return mergeVars({
    inventory: run.inventory,
    host: name,
    playbookGroupVars: run.playbookVars.groupVars,
    playbookHostVars: run.playbookVars.hostVars,
    facts: factVars(state.facts, state.ownNamedFacts),
    playVars: pc.play.vars,
    includeVars: state.includeVars,
    hostFacts: state.hostFacts,
    extraVars: run.options.extraVars,
    // The host's own magic variables, as Ansible's hostvars[name] carries them.
    magic: hostMagic(pc, name),
  });
}

function hostMagic(pc: PlayContext, name: string): Vars {
  const { inventory } = pc.run;
  const source = inventory.sources[0];
  return {
    inventory_hostname: name,
    inventory_hostname_short: name.split('.')[0],
    group_names: groupNames(inventory, name),
    inventory_dir: inventory.dir,
    ...(source === undefined ? {} : { inventory_file: source }),
    playbook_dir: pc.play.playbookDir,
  };
}

/** The play's templated vars_files for a host, read once per play (rendered with the host's play-level vars). */
function runTimeVarsFiles(pc: PlayContext, host: string): Vars[] {
  const names = templatedVarsFiles(pc.play.varsFiles);
  if (names.length === 0) return [];
  let vars = pc.varsFilesByHost.get(host);
  if (!vars) {
    vars = readTemplatedVarsFiles(names, pc.play.playbookDir, taskVars(pc, { keywords: [pc.play] }, undefined, host, {}, false));
    pc.varsFilesByHost.set(host, vars);
  }
  return [vars];
}

export function taskVars(pc: PlayContext, scope: Scope, task: Pick<Task, 'vars'> | undefined, host: string, extra: Vars = {}, withRunTimeVarsFiles = true): Vars {
  const { run, play } = pc;
  const state = run.hosts.get(host);
  const role = scope.role;
  const activeHosts = pc.playHosts.filter((h) => run.hosts.get(h).active);
  const batchHosts = pc.batch.filter((h) => run.hosts.get(h).active);
  const magic = magicVars({
    inventory: run.inventory,
    host,
    playHosts: pc.playHosts,
    activeHosts,
    batchHosts,
    playbookDir: play.playbookDir,
    playName: play.name ?? play.hosts,
    roleName: role?.ref.name,
    rolePath: role?.ref.path,
    checkMode: run.options.check,
    diffMode: run.options.diff,
    varsOf: (h) => otherHostVars(pc, h),
  });
  Object.assign(magic, {
    ansible_run_tags: run.options.tags.length > 0 ? run.options.tags : ['all'],
    ansible_skip_tags: run.options.skipTags,
    ansible_verbosity: run.options.verbosity,
    ansible_forks: run.options.forks,
    ...(task && 'location' in task ? { ansible_search_path: searchPaths(pc, scope, task as Pick<Task, 'role' | 'location'>) } : {}),
    ...(state.lastFailure ? { ansible_failed_task: state.lastFailure.task, ansible_failed_result: state.lastFailure.result } : {}),
  });
  const merged = mergeVars({
    extraVars: run.options.extraVars,
    // Like Ansible (private_role_vars off): every play role's defaults and vars are visible play-wide;
    // the task's own role comes last so its values win.
    roleDefaults: roleDefaultsLayers(play, role),
    inventory: run.inventory,
    host,
    playbookGroupVars: run.playbookVars.groupVars,
    playbookHostVars: run.playbookVars.hostVars,
    facts: factVars(state.facts, state.ownNamedFacts),
    playVars: play.vars,
    varsFiles: [...(play.varsFromFiles ? [play.varsFromFiles] : []), ...(withRunTimeVarsFiles ? runTimeVarsFiles(pc, host) : [])],
    roleVars: roleVarsLayers(play, role),
    blockVars: blockVars(scope),
    taskVars: task?.vars ?? {},
    includeVars: state.includeVars,
    hostFacts: state.hostFacts,
    roleParams: roleParams(role),
    includeParams: scope.includeParams?.get(host) ?? {},
    magic,
  });
  // As Ansible's PlayContext.update_vars: a task sees the connection it uses even when no variable names it.
  if (merged.ansible_connection === undefined) merged.ansible_connection = defaultConnection(pc, scope, task, host);
  return Object.keys(extra).length > 0 ? Object.assign(merged, extra) : merged;
}

/** The connection keyword (task, block, role or play), else -c, else local for the implicit localhost, else ssh. */
function defaultConnection(pc: PlayContext, scope: Scope, task: Pick<Task, 'vars'> | undefined, host: string): unknown {
  const keyword = (task as Partial<Task> | undefined)?.connection ?? [...scope.keywords].reverse().find((k) => k.connection !== undefined)?.connection;
  if (keyword !== undefined) return keyword;
  const given = pc.run.options.connectionDefaults?.ansible_connection;
  if (given !== undefined) return given;
  return host === 'localhost' && !pc.run.inventory.hosts.has('localhost') ? 'local' : 'ssh';
}
