// Runs the differential playbook with each tool against its own twin host.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PLAYBOOK = fileURLToPath(new URL('./playbook/site.yml', import.meta.url));

/** A playbook of cases and the command-line arguments both tools get for it. */
export interface Suite {
  title: string;
  playbook: string;
  args: string[];
  /** An inventory directory beside the playbook, given as a second `-i` after the lab's inventory. */
  inventoryDir?: string;
  /** The hosts each tool runs on, when not the twins (cases that need a Docker engine, say). */
  hosts?: SuiteHosts;
  /**
   * Shell commands run as root before the first round: on both hosts (a clean start for state kept
   * outside the cases' directories), and on Ansible's host only (what its modules need there).
   */
  prepare?: { both?: string; ansible?: string };
}

export interface SuiteHosts {
  ansible: string;
  harun: string;
}

export const TWINS: SuiteHosts = { ansible: 'diff-ansible', harun: 'diff-harun' };

export const SUITES: Suite[] = [
  // `diff_skip` is skipped on the command line (the `tags` case checks it really is).
  { title: 'cases', playbook: PLAYBOOK, args: ['--skip-tags', 'diff_skip'] },
  {
    title: 'tag selection',
    playbook: fileURLToPath(new URL('./playbook/tag-selection.yml', import.meta.url)),
    args: ['--tags', 'selected', '--skip-tags', 'unwanted'],
  },
  // Fresh paths in check mode, twice: the second run proves the first created nothing.
  { title: 'check mode', playbook: fileURLToPath(new URL('./playbook/check-mode.yml', import.meta.url)), args: ['--check'] },
  // An inventory directory with its own group_vars/ inside a playbook directory that has group_vars/ too.
  { title: 'inventory directory', playbook: fileURLToPath(new URL('./inventory-dir/site.yml', import.meta.url)), args: [], inventoryDir: 'inventory' },
  // Vaulted group_vars, vars_files, include_vars and inline values, under two vault ids.
  {
    title: 'ansible vault',
    playbook: fileURLToPath(new URL('./vault/site.yml', import.meta.url)),
    args: ['--vault-id', `diff@${fileURLToPath(new URL('./vault/vault-pass-diff.txt', import.meta.url))}`, '--vault-password-file', fileURLToPath(new URL('./vault/vault-pass-default.txt', import.meta.url))],
  },
  // community.docker against ha-run's docker modules, on the two Docker engine hosts. Ansible's
  // modules need the Docker SDK for Python on their host; ha-run's need only the docker CLI.
  {
    title: 'docker',
    playbook: fileURLToPath(new URL('./docker/site.yml', import.meta.url)),
    args: [],
    hosts: { ansible: 'dock2', harun: 'dock1' },
    prepare: {
      // `docker network rm` takes no -f (Docker 20.10): containers first, so no network is in use.
      both: `docker container ls -aq --filter name=hadiff- | xargs -r docker container rm -f >/dev/null; docker network ls -q --filter name=hadiff- | xargs -r docker network rm >/dev/null; docker volume ls -q --filter name=hadiff- | xargs -r docker volume rm -f >/dev/null; docker image ls -q --filter reference='hadiff/*' | xargs -r docker image rm -f >/dev/null; true`,
      ansible: 'python3 -c "import docker" 2>/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-docker; } >/dev/null',
    },
  },
];

/** `-i` for each inventory: the lab's, then the suite's own directory beside the playbook being run. */
function inventoryArgs(suite: Suite, playbook: string, inventory: string): string[] {
  return ['-i', inventory, ...(suite.inventoryDir ? ['-i', join(dirname(playbook), suite.inventoryDir)] : [])];
}

export interface ToolRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ToolRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(program, args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs }, (err, stdout, stderr) => {
      // A numeric code is the tool's exit status; anything else (timeout, spawn error) is reported as 1.
      const numeric = typeof err?.code === 'number';
      const why = err?.killed ? `${program} was stopped after ${timeoutMs / 1000} s (its time limit)` : err?.message;
      resolve({
        exitCode: err ? (numeric ? (err.code as number) : 1) : 0,
        stdout,
        stderr: err && !numeric ? `${stderr}\n${why}` : stderr,
        seconds: (Date.now() - started) / 1000,
      });
    });
  });
}

/**
 * A suite's whole playbook in one ansible-playbook run (it is slow per invocation). The cases suite
 * takes ansible-playbook 10-12 minutes on a quiet 2-core machine and more beside the other test files:
 * hence the long limit, and pipelining (a fifth less time; one SSH command per module run).
 */
export function runAnsible(suite: Suite, inventory: string, host: string, timeoutMs = 1_800_000): Promise<ToolRun> {
  return run('ansible-playbook', [...inventoryArgs(suite, suite.playbook, inventory), '--limit', host, ...suite.args, suite.playbook], {
    ANSIBLE_STDOUT_CALLBACK: 'json',
    ANSIBLE_LOAD_CALLBACK_PLUGINS: '1',
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_RETRY_FILES_ENABLED: '0',
    ANSIBLE_PIPELINING: '1',
  }, timeoutMs);
}

/**
 * One case of a suite: `playbook` is the case's own one-play file, `cli` a built dist/ha-run.js (the
 * test builds one from this checkout into a private directory).
 */
export function runHaRun(cli: string, suite: Suite, playbook: string, inventory: string, host: string, timeoutMs = 120_000): Promise<ToolRun> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing`);
  return run(process.execPath, [cli, playbook, ...inventoryArgs(suite, playbook, inventory), '--limit', host, ...suite.args, '--json'], {}, timeoutMs);
}
