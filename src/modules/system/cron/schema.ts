// cron's arguments: Ansible's names and aliases (job/value, day/dom, weekday/dow).
import type { ArgsSchema } from '../../types.js';
import { exclusive } from '../../schema-rules.js';

export const SPECIAL_TIMES = ['reboot', 'yearly', 'annually', 'monthly', 'weekly', 'daily', 'hourly'] as const;

export interface CronArgs {
  name: string;
  user?: string;
  job?: string;
  value?: string;
  cron_file?: string;
  state?: 'present' | 'absent';
  backup?: boolean;
  minute?: string;
  hour?: string;
  day?: string;
  dom?: string;
  month?: string;
  weekday?: string;
  dow?: string;
  special_time?: (typeof SPECIAL_TIMES)[number];
  disabled?: boolean;
  env?: boolean;
  insertafter?: string;
  insertbefore?: string;
}

const field = (what: string, alias?: string) => ({ type: 'string', default: '*', description: `${what} of the job, as cron reads it (default *)${alias ? ` (alias: ${alias})` : ''}.` });

export const cronSchema: ArgsSchema = {
  type: 'object',
  description: "Manages a named entry of a user's crontab or of a file in /etc/cron.d, marked '#Ansible: NAME' as Ansible marks it.",
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', description: "The entry's name: the '#Ansible: NAME' line above the job (or the variable's name with env)." },
    user: { type: 'string', description: "Whose crontab (default: the connecting or become user); with cron_file, the file's user column." },
    job: { type: 'string', description: 'The command to run (with env: the variable\'s value) (alias: value).' },
    value: { type: 'string', description: 'Alias of job.' },
    cron_file: { type: 'string', description: 'A file in /etc/cron.d (or an absolute path) instead of the user crontab.' },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the entry should be there.' },
    backup: { type: 'boolean', default: false, description: 'Keep the crontab as it was in a temporary file when it changes (registered as backup_file).' },
    minute: field('Minute'),
    hour: field('Hour'),
    day: field('Day of the month', 'dom'),
    dom: { type: 'string', description: 'Alias of day.' },
    month: field('Month'),
    weekday: field('Day of the week', 'dow'),
    dow: { type: 'string', description: 'Alias of weekday.' },
    special_time: { type: 'string', enum: [...SPECIAL_TIMES], description: 'Run @reboot, @daily, ... instead of at a time.' },
    disabled: { type: 'boolean', default: false, description: "Keep the job commented out ('#' before it)." },
    env: { type: 'boolean', default: false, description: 'Manage a variable (NAME="job") at the top of the crontab instead of a job.' },
    insertafter: { type: 'string', description: 'With env: put a new variable after this one.' },
    insertbefore: { type: 'string', description: 'With env: put a new variable before this one.' },
  },
  allOf: [exclusive('insertafter', 'insertbefore'), exclusive('job', 'value'), exclusive('day', 'dom'), exclusive('weekday', 'dow')],
};
