// pause: wait a number of seconds or minutes. Never prompts (ha-run runs unattended): a prompt
// without a duration is reported and skipped.
import type { ActionModule } from '../types.js';
import { delta, timestamp } from '../commands/command-run.js';
import { exclusive } from '../schema-rules.js';

export interface PauseArgs {
  seconds?: number;
  minutes?: number;
  prompt?: string;
  echo?: boolean;
}

export const pauseModule: ActionModule<PauseArgs> = {
  kind: 'action',
  name: 'pause',
  controllerOnly: true,
  waits: true,
  schema: {
    type: 'object',
    description: 'Waits for a number of seconds or minutes (never waits for keyboard input).',
    additionalProperties: false,
    properties: {
      seconds: { type: 'number', minimum: 0, description: 'How long to wait, in seconds.' },
      minutes: { type: 'number', minimum: 0, description: 'How long to wait, in minutes.' },
      prompt: { type: 'string', description: 'Shown as the message; ha-run never waits for an answer.' },
      echo: { type: 'boolean', default: true, description: 'Accepted for compatibility.' },
    },
    allOf: [exclusive('seconds', 'minutes')],
  },
  async run(ctx, args) {
    const ms = ((args.seconds ?? 0) + (args.minutes ?? 0) * 60) * 1000;
    const started = new Date();
    // Like Ansible, pause waits in check mode too: later tasks may rely on the time having passed.
    if (ms > 0) await sleep(ms, ctx.signal);
    const stopped = new Date();
    const interactive = ms === 0 && args.prompt !== undefined;
    return {
      changed: false,
      start: timestamp(started),
      stop: timestamp(stopped),
      delta: delta(stopped.getTime() - started.getTime()),
      user_input: '',
      echo: args.echo ?? true,
      stdout: interactive ? `${args.prompt} (not waiting for input: ha-run never prompts)` : `Paused for ${ms / 1000} seconds`,
    };
  },
};

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
