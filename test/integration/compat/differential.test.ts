// Differential test: the same playbook (test/compat/differential/playbook/site.yml, one play per case)
// run by ansible-playbook on `diff-ansible` and by ha-run on `diff-harun`, two fresh identical twins,
// twice each. Every task's status (and per-item status in loops) and every file left behind (type,
// mode, owner, group, link target, content) must match, after the first run and after the re-run.
import { beforeAll, describe, expect, it } from 'vitest';
import { ansibleOutcomes } from '../../compat/differential/ansible-json.js';
import { caseNames } from '../../compat/differential/cases.js';
import { harunOutcomes } from '../../compat/differential/harun-json.js';
import { reconcile, type KnownDifference } from '../../compat/differential/known-differences.js';
import { outcomeLine, type TaskOutcome } from '../../compat/differential/outcome.js';
import { runAnsible, runHaRun, type ToolRun } from '../../compat/differential/tools.js';
import { CASES_ROOT, caseEntries, parseSnapshot, snapshotCommand, type TreeEntry } from '../../compat/differential/tree.js';
import { labExec, testLab } from '../support/lab.js';

const ANSIBLE_HOST = 'diff-ansible';
const HARUN_HOST = 'diff-harun';
const ROUNDS = [1, 2] as const;

interface ToolRound {
  run: ToolRun;
  outcomes: TaskOutcome[];
  stats: Record<string, number> | undefined;
  tree: TreeEntry[];
}
interface Round {
  ansible: ToolRound;
  harun: ToolRound;
  applied: KnownDifference[];
}

async function snapshot(host: string): Promise<TreeEntry[]> {
  const r = await labExec(host, snapshotCommand());
  if (r.exitCode !== 0) throw new Error(`snapshot of ${host} failed: ${r.stderr}`);
  return parseSnapshot(r.stdout);
}

async function clean(host: string): Promise<void> {
  const r = await labExec(host, `rm -rf ${CASES_ROOT}`);
  if (r.exitCode !== 0) throw new Error(`cleaning ${host} failed: ${r.stderr}`);
}

function safeParse<T>(what: string, run: ToolRun, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new Error(`${what} output could not be read (exit ${run.exitCode}): ${(err as Error).message}\nstderr:\n${run.stderr.slice(-3000)}`);
  }
}

async function playRound(inventory: string): Promise<Round> {
  const [a, h] = await Promise.all([runAnsible(inventory, ANSIBLE_HOST), runHaRun(inventory, HARUN_HOST)]);
  const ansible = safeParse('ansible-playbook', a, () => ansibleOutcomes(a.stdout, ANSIBLE_HOST));
  const harun = safeParse('ha-run', h, () => harunOutcomes(h.stdout, HARUN_HOST));
  const { outcomes, applied } = reconcile(harun.outcomes, ansible.outcomes);
  const [aTree, hTree] = await Promise.all([snapshot(ANSIBLE_HOST), snapshot(HARUN_HOST)]);
  return {
    ansible: { run: a, outcomes: ansible.outcomes, stats: ansible.stats, tree: aTree },
    harun: { run: h, outcomes, stats: harun.stats, tree: hTree },
    applied,
  };
}

/** Ansible's recap counts, named like ha-run's (the json callback says `failures`). */
function recapOf(stats: Record<string, number> | undefined): Record<string, number> {
  const s = stats ?? {};
  return { ok: s.ok ?? 0, changed: s.changed ?? 0, failed: s.failed ?? s.failures ?? 0, skipped: s.skipped ?? 0, rescued: s.rescued ?? 0, ignored: s.ignored ?? 0, unreachable: s.unreachable ?? 0 };
}

const cases = caseNames();
const rounds: Round[] = [];
let setupError: Error | undefined;

describe('differential: ha-run against ansible-playbook on twin hosts', () => {
  beforeAll(async () => {
    try {
      const lab = testLab();
      await Promise.all([clean(ANSIBLE_HOST), clean(HARUN_HOST)]);
      for (const _ of ROUNDS) rounds.push(await playRound(lab.inventory));
    } catch (err) {
      setupError = err as Error;
    }
  }, 1_200_000);

  function round(n: number): Round {
    if (setupError) throw setupError;
    const r = rounds[n - 1];
    if (!r) throw new Error(`round ${n} did not run`);
    return r;
  }

  it('has enough cases to mean something', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const n of ROUNDS) {
    describe(`run ${n}${n === 2 ? ' (re-run on the converged hosts)' : ' (fresh hosts)'}`, () => {
      it('both tools exit with the same code, and the recaps agree', () => {
        const r = round(n);
        expect(r.harun.run.exitCode, `ha-run stderr:\n${r.harun.run.stderr.slice(-3000)}`).toBe(r.ansible.run.exitCode);
        // A documented difference changes the counts; then only failures and reachability must agree.
        const a = recapOf(r.ansible.stats);
        const h = recapOf(r.harun.stats);
        if (r.applied.length === 0) expect(h).toEqual(a);
        else expect({ failed: h.failed, unreachable: h.unreachable }).toEqual({ failed: a.failed, unreachable: a.unreachable });
      });

      it('leaves no files outside the cases', () => {
        const r = round(n);
        const stray = (t: TreeEntry[]) => t.filter((e) => !cases.some((c) => e.path.split('/')[0]!.startsWith(c))).map((e) => e.path);
        expect(stray(r.harun.tree)).toEqual(stray(r.ansible.tree));
      });

      for (const name of cases) {
        it(`${name}: task statuses`, () => {
          const r = round(n);
          const lines = (o: TaskOutcome[]) => o.filter((t) => t.play === name).map(outcomeLine);
          const expected = lines(r.ansible.outcomes);
          expect(expected.length, 'ansible-playbook ran no task of this case').toBeGreaterThan(0);
          expect(lines(r.harun.outcomes)).toEqual(expected);
        });

        it(`${name}: files left behind`, () => {
          const r = round(n);
          expect(caseEntries(r.harun.tree, name)).toEqual(caseEntries(r.ansible.tree, name));
        });
      }
    });
  }
});
