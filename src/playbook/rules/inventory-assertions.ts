// Assertions about the inventory, checked before connecting. The plays a playbook starts with that
// only assert (no fact gathering, every task an `assert`) can depend on nothing but the inventory,
// -e, and the play's and roles' variables: nothing has run yet. So validation evaluates them for
// each of their hosts, and a false assertion is an error (nothing runs) at the inventory line of the
// variable or group it reads, with the assert's own message. An assertion that needs what only a
// run knows (a fact, a registered result, a lookup that writes a file) is left to the run.
import { diagnostic, type Diagnostic, type SourceLocation } from '../../errors.js';
import { roleDefaultsLayers, roleParams, roleVarsLayers } from '../../executor/role-vars.js';
import { shouldRunByTags, type TagSelection } from '../../executor/tags.js';
import { relative } from 'node:path';
import { locateHostVariable, type Inventory, type VarsBeside } from '../../inventory/index.js';
import { looksSecret, SecretMasker } from '../../output/mask.js';
import { constantKeysRead, evaluateCondition, referencedVariables, renderValue, TemplateError, type TemplateContext } from '../../template/index.js';
import { magicVars, mergeVars, type Vars } from '../../vars/index.js';
import type { Play, Playbook, Role, Task, TaskItem } from '../types.js';

export interface InventoryAssertionsInput {
  playbook: Playbook;
  inventory: Inventory;
  hostsByPlay: (string[] | undefined)[];
  varsBesidePlaybook: VarsBeside;
  extraVars?: Vars;
  tags?: TagSelection;
}

/** An assert task with what it inherits from the blocks, imports and role around it. */
interface Found {
  task: Task;
  role?: Role;
  when: string[];
  tags: string[];
  vars: Vars[];
  runOnce: boolean;
}

export function inventoryAssertionsHold(input: InventoryAssertionsInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [i, play] of input.playbook.plays.entries()) {
    const found = assertionsOnly(play);
    if (!found) break; // from here on, earlier plays may have changed what the assertions read
    for (const f of found) {
      if (!shouldRunByTags(f.tags, input.tags ?? { only: [], skip: [] })) continue;
      const hosts = input.hostsByPlay[i] ?? [];
      for (const host of f.runOnce ? hosts.slice(0, 1) : hosts) out.push(...check(input, play, f, host));
    }
  }
  return out;
}

/** The play's assert tasks, or undefined when it gathers facts or does anything else. */
function assertionsOnly(play: Play): Found[] | undefined {
  if (play.gatherFacts || play.roles.length > 0 || play.handlers.length > 0) return undefined;
  if (play.ignoreErrors !== undefined && play.ignoreErrors !== false) return undefined;
  const found: Found[] = [];
  const base = { when: play.when, tags: play.tags, vars: [] as Vars[], runOnce: play.runOnce === true };
  const walk = (items: readonly TaskItem[], around: Omit<Found, 'task'>): boolean =>
    items.every((item) => {
      // A failure the play forgives is no reason to refuse the run.
      if (item.ignoreErrors !== undefined && item.ignoreErrors !== false) return false;
      if (item.kind === 'task' && item.failedWhen !== undefined) return false;
      const here = { ...around, when: [...around.when, ...item.when], tags: [...around.tags, ...item.tags], vars: [...around.vars, item.vars] };
      if (item.kind === 'task') {
        if (item.module !== 'assert' || item.loop !== undefined) return false;
        found.push({ ...here, vars: around.vars, task: item, runOnce: around.runOnce || item.runOnce === true });
        return true;
      }
      if (item.kind === 'block') return item.rescue.length === 0 && walk([...item.block, ...item.always], { ...here, runOnce: around.runOnce || item.runOnce === true });
      if (item.kind === 'include_role' && item.static && item.included) {
        const role = item.included;
        if ((role.dependencies ?? []).length > 0) return false;
        return walk(role.tasks, { ...here, role, when: [...here.when, ...role.keywords.when], tags: [...here.tags, ...role.keywords.tags] });
      }
      return false;
    });
  return walk([...play.preTasks, ...play.tasks, ...play.postTasks], base) ? found : undefined;
}

function check(input: InventoryAssertionsInput, play: Play, f: Found, host: string): Diagnostic[] {
  const ctx: TemplateContext = { vars: hostVars(input, play, f, host), beforeRun: true };
  for (const condition of f.when) if (evaluated(() => evaluateCondition(condition, ctx)) !== true) return [];
  const args = f.task.args as { that: unknown; fail_msg?: unknown; msg?: unknown };
  const that = (Array.isArray(args.that) ? args.that : [args.that]) as (string | boolean)[];
  const out: Diagnostic[] = [];
  for (const assertion of that) {
    if (evaluated(() => evaluateCondition(assertion, ctx)) !== false) continue;
    const written = args.fail_msg ?? args.msg ?? 'Assertion failed';
    const rendered = evaluated(() => renderValue(written, ctx)) ?? written;
    const message = secretsMasked(Array.isArray(rendered) ? rendered.join('\n') : String(rendered), written, ctx);
    const { line, col } = f.task.location;
    const file = relative(process.cwd(), f.task.location.file) || f.task.location.file;
    const where = typeof assertion === 'string' ? inventoryLocation(input, play, f, host, assertion) : undefined;
    out.push(
      diagnostic(
        'inventory-assertion',
        message,
        where ?? f.task.location,
        `${host}: \`${String(assertion)}\` is false (${f.task.name ? `"${f.task.name}", ` : ''}${file}:${line}:${col})`,
      ),
    );
  }
  return out;
}

/** A message that prints a secret-named variable (`{{ db_password }}`) shows it masked, as a run would. */
function secretsMasked(message: string, written: unknown, ctx: TemplateContext): string {
  const masker = new SecretMasker(1);
  const texts = (Array.isArray(written) ? written : [written]).filter((t): t is string => typeof t === 'string');
  const names = texts.flatMap((t) => referencedVariables(t).names).filter(looksSecret);
  for (const name of names) masker.addRendered(evaluated(() => renderValue(`{{ ${name} }}`, ctx)));
  return masker.maskString(message);
}

/** The value, or undefined when the expression needs what only the run knows (or fails as the run would report). */
function evaluated<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (err instanceof TemplateError) return undefined;
    throw err;
  }
}

/** What the assert task sees on this host before anything ran: no facts, no registered results. */
function hostVars(input: InventoryAssertionsInput, play: Play, f: Found, host: string): Vars {
  const { inventory, varsBesidePlaybook: beside } = input;
  const hosts = input.hostsByPlay[input.playbook.plays.indexOf(play)] ?? [];
  const magic = magicVars({
    inventory,
    host,
    playHosts: hosts,
    playbookDir: play.playbookDir,
    playName: play.name ?? play.hosts,
    roleName: f.role?.ref.name,
    rolePath: f.role?.ref.path,
    checkMode: false,
    diffMode: false,
    beforeRun: true,
    varsOf: (h) => mergeVars({ inventory, host: h, playbookGroupVars: beside.groupVars, playbookHostVars: beside.hostVars, playVars: play.vars, extraVars: input.extraVars ?? {} }),
  });
  return mergeVars({
    extraVars: input.extraVars ?? {},
    roleDefaults: roleDefaultsLayers(play, f.role),
    inventory,
    host,
    playbookGroupVars: beside.groupVars,
    playbookHostVars: beside.hostVars,
    facts: {},
    playVars: play.vars,
    varsFiles: play.varsFromFiles ? [play.varsFromFiles] : [],
    roleVars: roleVarsLayers(play, f.role),
    blockVars: f.vars,
    taskVars: f.task.vars,
    includeVars: {},
    hostFacts: {},
    roleParams: roleParams(f.role),
    includeParams: {},
    magic,
  });
}

/**
 * Where in the inventory the assertion's subject is written: the first variable it reads whose value
 * comes from the inventory, else the first group it names (`groups['db']`), else, for a group the
 * inventory lacks, the inventory itself.
 */
function inventoryLocation(input: InventoryAssertionsInput, play: Play, f: Found, host: string, assertion: string): SourceLocation | undefined {
  const { inventory } = input;
  const refs = referencedVariables(assertion, { expression: true });
  const overridden = (name: string): boolean =>
    [input.extraVars ?? {}, play.vars, play.varsFromFiles ?? {}, ...roleVarsLayers(play, f.role), ...f.vars, f.task.vars].some((v) => Object.hasOwn(v, name));
  for (const name of [...refs.names, ...refs.optional]) {
    if (overridden(name)) continue;
    const at = locateHostVariable(inventory, host, name, input.varsBesidePlaybook);
    if (at) return at;
  }
  for (const group of constantKeysRead(assertion, 'groups')) {
    const at = inventory.groups.get(group)?.location ?? inventory.groups.get('all')?.location;
    if (at) return at;
    const source = inventory.sources[0];
    if (source !== undefined) return { file: source, line: 1, col: 1 };
  }
  return undefined;
}
