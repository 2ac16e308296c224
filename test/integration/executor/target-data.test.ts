// Target data is data (issue 9): templates planted in gathered facts (/etc/os-release on `victim`),
// in a command's output and in a slurped file arrive as text in files, output and the run's log;
// the controller's private key and its variables never leave the controller. Run twice.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labExec, testLab } from '../support/lab.js';
import { buildCli, fixtures, recapOf, runCli, totals } from './cli.js';

const host = 'victim';
const base = `/tmp/ha-run-target-data-${randomBytes(4).toString('hex')}`;
// Controller-side values a hostile target would like to read: one secret-named (masked in output,
// so the target's files prove it), one not (so output and log prove it).
const secretVar = `s3cret-${randomBytes(6).toString('hex')}`;
const siteMotto = `motto-${randomBytes(6).toString('hex')}`;
const planted = `{{ lookup('file', ansible_ssh_private_key_file) }}|{{ hostvars[inventory_hostname]['secret_var'] }}|{{ site_motto }}`;
const plantedFile = `{% for h in groups['all'] %}{{ hostvars[h]['secret_var'] }}{% endfor %}\n{{ site_motto }}`;
const runDir = mkdtempSync(join(tmpdir(), 'ha-run-target-data-'));
let osRelease: { link: string } | { content: string } | undefined;

function sh(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

async function inHost(cmd: string): Promise<string> {
  const r = await labExec(host, cmd);
  if (r.exitCode !== 0) throw new Error(`${cmd}: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

function run() {
  return runCli([join(fixtures, 'target-data.yml'), '-i', testLab().inventory, '-l', host, '-e', `base=${base}`, '-e', `secret_var=${secretVar}`, '-e', `site_motto=${siteMotto}`], { cwd: runDir });
}

function runLogs(): string {
  const dir = join(runDir, '.ha-run', 'logs');
  return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

beforeAll(async () => {
  buildCli();
  // Remember /etc/os-release (a symlink on Debian) before planting a template in VERSION_CODENAME.
  const link = (await labExec(host, 'readlink /etc/os-release')).stdout.trim();
  osRelease = link ? { link } : { content: await inHost('cat /etc/os-release') };
  const original = await inHost('cat /etc/os-release');
  const hostile = original.replace(/^VERSION_CODENAME=.*$/m, `VERSION_CODENAME="${planted}"`);
  expect(hostile).toContain(planted);
  await inHost(`rm -f /etc/os-release && printf '%s' ${sh(hostile)} >/etc/os-release`);
  await inHost(`mkdir -p ${base} && printf '%s\\n' ${sh(plantedFile)} >${base}/planted.txt`);
});

afterAll(async () => {
  try {
    if (osRelease && 'link' in osRelease) await inHost(`ln -sfn ${sh(osRelease.link)} /etc/os-release`);
    else if (osRelease) await inHost(`printf '%s' ${sh(osRelease.content)} >/etc/os-release`);
  } finally {
    await labExec(host, `rm -rf ${base}`);
    rmSync(runDir, { recursive: true, force: true });
  }
});

describe('templates planted on the target', () => {
  it('arrive as text everywhere and reach nothing on the controller, twice', async () => {
    const key = readFileSync(testLab().privateKey, 'utf8');
    const keyBody = key.split('\n').filter((l) => l && !l.startsWith('-----'));
    expect(keyBody.length).toBeGreaterThan(0);
    const leaks = (where: string, text: string) => {
      for (const line of keyBody) expect(text.includes(line), `private key text in ${where}`).toBe(false);
      expect(text.includes('PRIVATE KEY'), `private key in ${where}`).toBe(false);
      expect(text.includes(secretVar), `secret_var in ${where}`).toBe(false);
      expect(text.includes(siteMotto), `site_motto in ${where}`).toBe(false);
    };

    for (const pass of [1, 2]) {
      const r = await run();
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const recap = recapOf(r.stdout);
      expect(Object.keys(recap)).toEqual([host]);
      expect(totals(recap, 'failed')).toBe(0);
      if (pass === 1) expect(recap[host]!.changed).toBeGreaterThan(0);
      else expect(totals(recap, 'changed'), r.stdout).toBe(0);
      // the planted text shows as it is: the fact in a debug msg, the chain and the looped lines
      expect(r.stdout).toContain(`"msg": "release is ${planted}"`);
      expect(r.stdout).toContain(`"release_again": "[${planted}]"`);
      expect(r.stdout).toContain(`"msg": "line {{ site_motto }}"`);
      leaks(`stdout of run ${pass}`, r.stdout);
      leaks(`stderr of run ${pass}`, r.stderr);
    }
    leaks('the run logs', runLogs());

    const out = await inHost(`cat ${base}/out.txt`);
    expect(out).toBe(`release=${planted}\nfact=${planted}\nchain=[${planted}]\ncat=${plantedFile}\nslurp=${plantedFile}\n`);
    for (const [i, value] of [planted, plantedFile, plantedFile].entries()) {
      expect(await inHost(`cat ${base}/item-${i}.txt`)).toBe(`${value}\n`);
    }
    leaks('the files on the target', await inHost(`cat ${base}/*`));
  });
});
