// Async jobs' files on the target: their state read back (recorded answers), and a real job run
// detached by /bin/sh with coreutils, as a target runs it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobStatus, launchInput, launchScript, newJobId } from '../../../../src/modules/async/job-files.js';
import { describeFact } from '../../../kit/fact-cases.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describeFact(jobStatus, [
  { name: 'no such job', args: 'j1.2', stdout: `home=${b64('/root')}\nstate=absent\n`, expect: { state: 'absent', home: '/root' } },
  { name: 'still running', args: 'j1.2', stdout: `home=${b64('/root')}\nstate=running\n`, expect: { state: 'running', home: '/root' } },
  {
    name: 'finished, with output that looks like more lines',
    args: 'j1.2',
    stdout: `home=${b64('/home/u')}\nstate=finished\nrc=3\nstart=1700000000.5\nend=1700000002.25\nmeta.json=${b64('{"module":"shell","data":1}')}\nstdout=${b64('out\nrc=0\n')}\nstderr=${b64('')}\n`,
    expect: {
      state: 'finished',
      home: '/home/u',
      rc: 3,
      timedOut: false,
      meta: { module: 'shell', data: 1 },
      stdout: 'out\nrc=0\n',
      stderr: '',
      startedAt: new Date(1700000000500),
      endedAt: new Date(1700000002250),
    },
  },
  { name: 'an unreadable answer', args: 'j1.2', stdout: 'garbage', expect: { error: /could not read the async job/ } },
]);

describe('async job launch', () => {
  it('refuses a job id that is not one', () => {
    expect(() => launchScript('j1.2; rm -rf /', 5)).toThrow(/not an async job id/);
  });

  it('runs the job detached with its stdin, and keeps its meta, output and exit status', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ha-run-async-'));
    try {
      const jid = newJobId();
      const input = launchInput({ script: 'read -r line; echo "got $line"; echo oops >&2; exit 3', stdin: 'hello\n', meta: { module: 'shell', data: { x: 1 } } });
      const printed = execFileSync('/bin/sh', ['-c', launchScript(jid, 10)], { input, env: { HOME: home, PATH: process.env.PATH }, encoding: 'utf8' });
      expect(printed.trim()).toBe(home);
      let out = '';
      for (let i = 0; i < 50 && !out.includes('state=finished'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        out = execFileSync('/bin/sh', ['-c', jobStatus.script(jid)], { env: { HOME: home, PATH: process.env.PATH }, encoding: 'utf8' });
      }
      expect(jobStatus.parse(out, jid, 0)).toMatchObject({ state: 'finished', rc: 3, stdout: 'got hello\n', stderr: 'oops\n', meta: { module: 'shell', data: { x: 1 } } });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
