// cron: the plan as a table, the crontab edits Ansible makes (marker lines, env placement, adopted
// jobs), and the `crontab -l` answers recorded on a lab host (Debian's cron 3.0pl1).
import { describe, expect, it } from 'vitest';
import { cronModule } from '../../../../src/modules/system/cron/module.js';
import { editEnv, editJob, jobLine, readCrontab } from '../../../../src/modules/system/cron/crontab.js';
import { userCrontab } from '../../../../src/modules/system/cron/facts.js';
import type { CronFacts } from '../../../../src/modules/system/cron/plan.js';
import type { FileState } from '../../../../src/modules/files/file-probe.js';
import { describeFact } from '../../../kit/fact-cases.js';
import { describePlan } from '../../../kit/plan-cases.js';

const BACKUP = '#Ansible: backup\n0 3 * * * /usr/local/bin/backup.sh\n';
const file = (content: string): FileState => ({ path: '/etc/cron.d/backup', type: 'file', exists: true, mode: 0o644, content: Buffer.from(content) });
const absent: FileState = { path: '/etc/cron.d/backup', type: 'absent', exists: false };
const tab = (crontab: string): CronFacts => ({ crontab });

describePlan<Record<string, unknown>, CronFacts>(cronModule, [
  { name: 'the job is there: converged', args: { name: 'backup', minute: 0, hour: 3, job: '/usr/local/bin/backup.sh' }, facts: tab(BACKUP), expect: 'ok' },
  { name: 'a new job in an empty crontab', args: { name: 'backup', minute: 0, hour: 3, job: '/usr/local/bin/backup.sh' }, facts: tab(''), expect: ["add job 'backup': 0 3 * * * /usr/local/bin/backup.sh (crontab)"] },
  { name: 'another time', args: { name: 'backup', minute: 30, hour: 3, job: '/usr/local/bin/backup.sh', user: 'nobody' }, facts: tab(BACKUP), expect: [/job 'backup': '0 3 .*' → '30 3 \* \* \* \/usr\/local\/bin\/backup.sh' \(crontab for user "nobody"\)/] },
  { name: 'disabled: commented out', args: { name: 'backup', minute: 0, hour: 3, job: '/usr/local/bin/backup.sh', disabled: true }, facts: tab(BACKUP), expect: [/→ '#0 3/] },
  { name: 'special time', args: { name: 'boot', special_time: 'reboot', job: 'echo hi' }, facts: tab(''), expect: ["add job 'boot': @reboot echo hi"] },
  { name: 'special time with a time field', args: { name: 'boot', special_time: 'reboot', hour: 3, job: 'x' }, facts: tab(''), expect: { error: /time and date fields or special time/ } },
  { name: 'absent: removed', args: { name: 'backup', state: 'absent' }, facts: tab(`A=1\n${BACKUP}`), expect: ["remove job 'backup'"] },
  { name: 'absent: not there', args: { name: 'backup', state: 'absent' }, facts: tab('A=1\n'), expect: 'ok' },
  { name: 'a crontab without its final newline is rewritten', args: { name: 'backup', state: 'absent' }, facts: tab('A=1'), expect: ['add the missing newline'] },
  { name: 'job missing', args: { name: 'backup' }, facts: tab(''), expect: { error: /You must specify 'job'/ } },
  { name: 'env: converged', args: { name: 'PATH', env: true, job: '/bin' }, facts: tab('PATH="/bin"\n'), expect: 'ok' },
  { name: 'env: new value', args: { name: 'PATH', env: true, value: '/usr/bin:/bin' }, facts: tab('PATH="/bin"\n'), expect: ['variable PATH: PATH="/bin" → PATH="/usr/bin:/bin"'] },
  { name: 'insertafter without env', args: { name: 'x', job: 'y', insertafter: 'PATH' }, facts: tab(''), expect: { error: /only with env=yes/ } },
  { name: 'cron_file: converged', args: { name: 'backup', cron_file: 'backup', user: 'root', minute: 0, hour: 3, job: 'b.sh' }, facts: { file: file('#Ansible: backup\n0 3 * * * root b.sh\n') }, expect: 'ok' },
  { name: 'cron_file: new file', args: { name: 'backup', cron_file: 'backup', user: 'root', minute: 0, hour: 3, job: 'b.sh' }, facts: { file: absent }, expect: ["add job 'backup': 0 3 * * * root b.sh (/etc/cron.d/backup)"] },
  { name: 'cron_file: the last job goes, and the file', args: { name: 'backup', cron_file: 'backup', state: 'absent' }, facts: { file: file('#Ansible: backup\n0 3 * * * root b.sh\n') }, expect: ["remove job 'backup'; remove /etc/cron.d/backup (no jobs left)"] },
  { name: 'cron_file: absent from a missing file', args: { name: 'backup', cron_file: 'backup', state: 'absent' }, facts: { file: absent }, expect: 'ok' },
  { name: 'cron_file without user', args: { name: 'backup', cron_file: 'backup', job: 'b.sh' }, facts: { file: absent }, expect: { error: /must specify user/ } },
  { name: 'cron_file /etc/crontab refused', args: { name: 'b', cron_file: '/etc/crontab', user: 'root', job: 'b.sh' }, facts: { file: absent }, expect: { error: /Will not manage \/etc\/crontab/ } },
]);

describe('cron edits as Ansible makes them', () => {
  it('writes job lines field by field, the user column only in a cron_file', () => {
    const base = { minute: '*/5', hour: '*', day: '*', month: '*', weekday: '1-5', job: 'run\n', disabled: false };
    expect(jobLine(base)).toBe('*/5 * * * 1-5 run');
    expect(jobLine({ ...base, user: 'www-data', special: 'daily', disabled: true })).toBe('#@daily www-data run');
  });

  it('adopts a job found by its text: a marker line goes above it', () => {
    expect(editJob(['0 3 * * * b.sh'], 'backup', '0 3 * * * b.sh')).toEqual({ lines: ['#Ansible: backup', '0 3 * * * b.sh'], reason: expect.stringContaining('marker line added') });
    expect(editJob(['#Ansible: None', '0 3 * * * b.sh'], 'backup', '0 3 * * * b.sh').lines).toEqual(['#Ansible: backup', '0 3 * * * b.sh']);
  });

  it('the line after a marker is its job, whatever it looks like', () => {
    expect(editJob(['#Ansible: a', '#Ansible: b', 'x'], 'b', 'y').lines).toEqual(['#Ansible: a', '#Ansible: b', 'x', '#Ansible: b', 'y']);
  });

  it('places variables at the top, or after/before another; fails when that one is missing', () => {
    expect(editEnv(['#Ansible: j', 'x'], 'A', '1').lines).toEqual(['A="1"', '#Ansible: j', 'x']);
    expect(editEnv(['A="1"', 'B="2"'], 'C', '3', { insertafter: 'A' }).lines).toEqual(['A="1"', 'C="3"', 'B="2"']);
    expect(editEnv(['A="1"', 'B="2"'], 'C', '3', { insertbefore: 'A' }).lines).toEqual(['C="3"', 'A="1"', 'B="2"']);
    expect(() => editEnv([], 'C', '3', { insertafter: 'A' })).toThrow("Variable named 'A' not found.");
    expect(() => editEnv([], 'A B', '3')).toThrow('Invalid name for environment variable');
  });

  it("drops the header some crons' crontab -l prints", () => {
    const text = '# DO NOT EDIT THIS FILE - edit the master and reinstall.\n# (/tmp/crontab.x installed on Mon)\n# (Cron version -- $Id$)\nA=1\n';
    expect(readCrontab(text, true)).toEqual({ lines: ['A=1'], existing: 'A=1\n' });
    expect(readCrontab(text, false).lines).toHaveLength(4);
  });

  it('installs the new crontab on stdin, never on a command line; a backup is made first when asked', () => {
    const [change] = cronModule.plan({ name: 'j', job: 'secret-token-run', user: 'nobody', backup: true }, tab(''));
    expect(change.ops.map((o) => (o.kind === 'exec' ? o.command : o.kind))).toEqual([expect.stringContaining('mktemp'), expect.stringContaining('crontab -u nobody -')]);
    expect(change.ops.every((o) => o.kind === 'exec' && !o.command.includes('secret-token-run'))).toBe(true);
    expect(change.ops[1]).toMatchObject({ stdin: '#Ansible: j\n* * * * * secret-token-run\n' });
  });
});

describeFact(userCrontab, [
  { name: 'a crontab', args: 'nobody', stdout: '#Ansible: hasys x\n0 1 * * * true\n', rc: 0, expect: '#Ansible: hasys x\n0 1 * * * true\n' },
  { name: 'none yet', args: 'nobody', stdout: 'no crontab for nobody\n', rc: 1, expect: '' },
  { name: 'cannot read', args: undefined, stdout: 'crontab: your UID isn\'t in the passwd file. bailing out.\n', rc: 2, expect: { error: /Unable to read crontab: crontab: your UID/ } },
]);
