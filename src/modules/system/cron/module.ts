// cron: a named job (or variable) in a user's crontab, read with `crontab -l` and installed with
// `crontab -` (the text on stdin), or in a cron_file under /etc/cron.d, edited as a file. Entries
// carry Ansible's '#Ansible: NAME' marker, so crontabs written by either tool are managed by both.
import { fileState } from '../../files/file-probe.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { envNames, jobNames } from './crontab.js';
import { userCrontab } from './facts.js';
import { cronEdit, cronFilePath, planCron, type CronFacts } from './plan.js';
import { cronSchema, type CronArgs } from './schema.js';

function warnings(args: CronArgs): string[] {
  const out: string[] = [];
  const base = args.cron_file?.split('/').pop();
  if (base !== undefined && !/^[A-Z0-9_-]+$/i.test(base)) {
    out.push(`Filename portion of cron_file ("${base}") should consist solely of upper- and lower-case letters, digits, underscores, and hyphens`);
  }
  const job = args.job ?? args.value;
  if (args.state !== 'absent' && !args.env && job !== undefined && /[\r\n]/.test(job.replace(/^[\r\n]+|[\r\n]+$/g, ''))) out.push('Job should not contain line breaks');
  return out;
}

export const cronModule: DeclarativeModule<CronArgs, CronFacts> = {
  kind: 'declarative',
  name: 'cron',
  schema: cronSchema,

  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    if (args.cron_file) return { file: await probe.get(fileState, { path: cronFilePath(args.cron_file), checksum: true, contentUpTo: 16 * 1024 * 1024 }) };
    return { crontab: await probe.get(userCrontab, args.user) };
  },

  plan: planCron,

  result(args, after, changes, before = after) {
    const { edit } = cronEdit(args, before);
    // Ansible's answer when the last job left a cron_file, which it deletes.
    if (changes.length && args.cron_file && args.state === 'absent' && !edit.lines.some((l) => l.trim())) return { cron_file: args.cron_file, state: args.state };
    const found = warnings(args);
    return {
      jobs: jobNames(edit.lines),
      envs: envNames(edit.lines),
      ...(found.length ? { warnings: found } : {}),
      ...(args.cron_file ? { cron_file: args.cron_file } : {}),
    };
  },
};
