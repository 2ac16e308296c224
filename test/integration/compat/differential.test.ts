// Differential test: each suite's cases (test/compat/differential/playbook/*.yml, one play per case)
// run by ansible-playbook on `diff-ansible` (the whole playbook in one run) and by ha-run on
// `diff-harun` (each case as its own playbook, so one bug cannot hide the cases after it), two fresh
// identical twins, twice each. Every task's status (and per-item status in loops), the exit code, the
// recap and every file left behind (type, mode, owner, group, link target, content) must match, after
// the first run and after the re-run. A suite may name its own pair of hosts instead of the twins
// (the docker cases run on dock2 for Ansible and dock1 for ha-run) and prepare them first.
// Documented differences: DIFFERENCES.md; known bugs: known-bugs.ts.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ansibleOutcomes } from '../../compat/differential/ansible-json.js';
import { allCaseNames, caseNames, writeCasePlaybooks } from '../../compat/differential/cases.js';
import { harunOutcomes } from '../../compat/differential/harun-json.js';
import { knownBug, knownBugs } from '../../compat/differential/known-bugs.js';
import { expectedRecap, reconcile, type KnownDifference } from '../../compat/differential/known-differences.js';
import { outcomeLine, type TaskOutcome } from '../../compat/differential/outcome.js';
import { runAnsible, runHaRun, SUITES, TWINS, type Suite, type ToolRun } from '../../compat/differential/tools.js';
import { CASES_ROOT, caseEntries, caseOf, parseSnapshot, snapshotCommand, type TreeEntry } from '../../compat/differential/tree.js';
import { buildCli } from '../executor/cli.js';
import { lockTwins } from '../../compat/differential/twin-lock.js';
import { labExec, testLab } from '../support/lab.js';

const ROUNDS = [1, 2] as const;
const RECAP_KEYS = ['ok', 'changed', 'failed', 'skipped', 'rescued', 'ignored', 'unreachable'] as const;

interface HaRunCase {
  run: ToolRun;
  outcomes: TaskOutcome[];
  stats: Record<string, number> | undefined;
}
interface Round {
  ansible: { run: ToolRun; outcomes: TaskOutcome[]; stats: Record<string, number> | undefined; tree: TreeEntry[] };
  harun: { cases: Map<string, HaRunCase>; outcomes: TaskOutcome[]; tree: TreeEntry[] };
  applied: KnownDifference[];
}
type CaseFile = { name: string; path: string };

async function snapshot(host: string): Promise<TreeEntry[]> {
  const r = await labExec(host, snapshotCommand());
  if (r.exitCode !== 0) throw new Error(`snapshot of ${host} failed: ${r.stderr}`);
  return parseSnapshot(r.stdout);
}

async function clean(host: string): Promise<void> {
  const r = await labExec(host, `rm -rf ${CASES_ROOT}`);
  if (r.exitCode !== 0) throw new Error(`cleaning ${host} failed: ${r.stderr}`);
}

async function prepare(suite: Suite, hosts: { ansible: string; harun: string }): Promise<void> {
  const steps: [string, string | undefined][] = [[hosts.ansible, suite.prepare?.both], [hosts.harun, suite.prepare?.both], [hosts.ansible, suite.prepare?.ansible]];
  for (const [host, cmd] of steps) {
    if (!cmd) continue;
    const r = await labExec(host, cmd);
    if (r.exitCode !== 0) throw new Error(`preparing ${host} for ${suite.title} failed: ${r.stderr}`);
  }
}

async function runHaRunCases(cli: string, suite: Suite, files: CaseFile[], inventory: string): Promise<Map<string, HaRunCase>> {
  const cases = new Map<string, HaRunCase>();
  for (const f of files) {
    const host = (suite.hosts ?? TWINS).harun;
    const run = await runHaRun(cli, suite, f.path, inventory, host);
    try {
      const report = harunOutcomes(run.stdout, host);
      cases.set(f.name, { run, outcomes: report.outcomes, stats: report.stats });
    } catch (err) {
      // Unreadable output is this case's failure, shown by its tests; the other cases go on.
      cases.set(f.name, { run: { ...run, stderr: `${(err as Error).message}\n${run.stderr}` }, outcomes: [], stats: undefined });
    }
  }
  return cases;
}

async function playRound(cli: string, suite: Suite, inventory: string, files: CaseFile[], all: string): Promise<Round> {
  const hosts = suite.hosts ?? TWINS;
  const [a, cases] = await Promise.all([
    runAnsible({ ...suite, playbook: all }, inventory, hosts.ansible),
    runHaRunCases(cli, suite, files, inventory),
  ]);
  let ansible;
  try {
    ansible = ansibleOutcomes(a.stdout, hosts.ansible);
  } catch (err) {
    throw new Error(`ansible-playbook output could not be read (exit ${a.exitCode}): ${(err as Error).message}\n${a.stderr.slice(-3000)}`);
  }
  const { outcomes, applied } = reconcile([...cases.values()].flatMap((c) => c.outcomes), ansible.outcomes);
  const [aTree, hTree] = await Promise.all([snapshot(hosts.ansible), snapshot(hosts.harun)]);
  return {
    ansible: { run: a, outcomes: ansible.outcomes, stats: ansible.stats, tree: aTree },
    harun: { cases, outcomes, tree: hTree },
    applied,
  };
}

/** Recap counts under one naming (Ansible's json callback says `failures`), summed over runs. */
function recap(statsList: (Record<string, number> | undefined)[]): Record<string, number> {
  const sum: Record<string, number> = Object.fromEntries(RECAP_KEYS.map((k) => [k, 0]));
  for (const s of statsList) for (const k of RECAP_KEYS) sum[k]! += s?.[k] ?? (k === 'failed' ? (s?.failures ?? 0) : 0);
  return sum;
}

let cli: string | undefined;
function haRunCli(): string {
  // HA_RUN_CLI: an already built dist/ha-run.js (saves the compile when iterating on the cases).
  cli ??= process.env.HA_RUN_CLI ?? buildCli();
  return cli;
}

function differentialSuite(suite: Suite): void {
  const cases = caseNames(suite.playbook);
  if (cases.length === 0) return; // none selected by HA_RUN_DIFF_CASES
  const rounds: Round[] = [];
  let setupError: Error | undefined;
  let caseDir: string | undefined;

  describe(`${suite.title} (${suite.args.join(' ')})`, () => {
    beforeAll(async () => {
      try {
        const lab = testLab();
        const written = writeCasePlaybooks(suite.playbook);
        caseDir = written.dir;
        const hosts = suite.hosts ?? TWINS;
        await Promise.all([clean(hosts.ansible), clean(hosts.harun)]);
        await prepare(suite, hosts);
        for (const _ of ROUNDS) rounds.push(await playRound(haRunCli(), suite, lab.inventory, written.files, written.all));
      } catch (err) {
        setupError = err as Error;
      }
    }, 4_200_000); // two rounds, each up to runAnsible's limit

    afterAll(() => {
      if (caseDir) rmSync(caseDir, { recursive: true, force: true });
    });

    function round(n: number): Round {
      if (setupError) throw setupError;
      const r = rounds[n - 1];
      if (!r) throw new Error(`round ${n} did not run`);
      return r;
    }

    for (const n of ROUNDS) {
      describe(`run ${n}${n === 2 ? ' (re-run on the converged hosts)' : ' (fresh hosts)'}`, () => {
        it('ansible-playbook itself succeeded (every failure in the cases is ignored or rescued)', () => {
          const a = round(n).ansible.run;
          expect(a.exitCode, a.stderr.slice(-3000)).toBe(0);
        });

        // Known recap bugs, and status bugs (they change the counts too), make this an expected failure.
        const recapBug = knownBugs.some((b) => cases.includes(b.case) && (b.aspect === 'statuses' || b.aspect === 'recap') && b.runs.includes(n));
        (recapBug ? it.fails : it)('the recaps agree', () => {
          const r = round(n);
          const a = recap([r.ansible.stats]);
          const h = recap([...r.harun.cases.values()].map((c) => c.stats));
          // Each documented difference that applied moves one task from Ansible's counters to ha-run's.
          expect(h).toEqual(expectedRecap(a, r.applied));
        });

        it('leaves no files outside the cases', () => {
          const r = round(n);
          const stray = (t: TreeEntry[]) => t.filter((e) => !caseOf(e.path.split('/')[0]!, cases)).map((e) => e.path);
          expect(stray(r.harun.tree)).toEqual(stray(r.ansible.tree));
        });

        for (const name of cases) {
          const statusBug = knownBug(name, 'statuses', n);
          const filesBug = knownBug(name, 'files', n);

          (statusBug ? it.fails : it)(`${name}: exit code and task statuses${statusBug ? ` (known bug: ${statusBug.mismatch})` : ''}`, () => {
            const r = round(n);
            const lines = (o: TaskOutcome[]) => o.filter((t) => t.play === name).map(outcomeLine);
            const expected = lines(r.ansible.outcomes);
            expect(expected.length, 'ansible-playbook ran no task of this case').toBeGreaterThan(0);
            const mine = r.harun.cases.get(name);
            expect(mine, 'ha-run did not run this case').toBeDefined();
            expect(
              { exitCode: mine!.run.exitCode, tasks: lines(r.harun.outcomes) },
              `ha-run stderr:\n${mine!.run.stderr.slice(-3000)}`,
            ).toEqual({ exitCode: r.ansible.run.exitCode, tasks: expected });
          });

          (filesBug ? it.fails : it)(`${name}: files left behind${filesBug ? ` (known bug: ${filesBug.mismatch})` : ''}`, () => {
            const r = round(n);
            expect(caseEntries(r.harun.tree, name, cases)).toEqual(caseEntries(r.ansible.tree, name, cases));
          });
        }
      });
    }
  });
}

describe('differential: ha-run against ansible-playbook on twin hosts', () => {
  let unlock: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    unlock = await lockTwins(labExec, TWINS.ansible);
  }, 2_500_000);
  afterAll(async () => {
    await unlock?.();
  });

  it('has enough cases to mean something', () => {
    expect(SUITES.flatMap((s) => allCaseNames(s.playbook)).length).toBeGreaterThanOrEqual(30);
  });

  for (const suite of SUITES) differentialSuite(suite);
});
