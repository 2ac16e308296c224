// script: copy a controller-side script to the target, run it there with its arguments, remove it.
import { randomUUID } from 'node:crypto';
import { shellQuote } from '../../connection/quote.js';
import type { ActionModule } from '../types.js';
import { keptSkip, runGuarded } from './command-run.js';
import { splitCommandLine } from './command.js';
import { firstWordEnd } from '../../util/shlex.js';
import { ModuleFailure } from '../failure.js';
import { exactlyOne } from '../schema-rules.js';
import { MAX_TRANSFER_SOURCE_BYTES, readRegularFile } from '../../source/read-file.js';

export interface ScriptArgs {
  _raw_params?: string;
  cmd?: string;
  chdir?: string;
  creates?: string;
  removes?: string;
  executable?: string;
}

export const scriptModule: ActionModule<ScriptArgs> = {
  kind: 'action',
  name: 'script',
  refusesAsync: true,
  output: 'command',
  freeForm: true,
  commandLine: true,
  readsBeforeRunning: true,
  schema: {
    type: 'object',
    description: 'Transfers a local script to the target and runs it there (with the given arguments).',
    additionalProperties: false,
    properties: {
      _raw_params: { type: 'string', description: 'Local path of the script, then its arguments.' },
      cmd: { type: 'string', description: 'Local path of the script, then its arguments (instead of free-form).' },
      chdir: { type: 'string', description: 'Change into this directory on the target before running.' },
      creates: { type: 'string', description: 'A path or glob; when it exists, the script is not run.' },
      removes: { type: 'string', description: 'A path or glob; when it does NOT exist, the script is not run.' },
      executable: { type: 'string', description: 'Run the script with this interpreter instead of its #! line.' },
    },
    allOf: exactlyOne('_raw_params', 'cmd'),
  },
  async run(ctx, args) {
    const text = (args._raw_params ?? args.cmd ?? '').trim();
    const [local] = splitCommandLine(text);
    if (!local) throw new ModuleFailure('no script given');
    // Arguments after the path are shell text, as in Ansible (the path itself may be quoted: 'a b/c.sh').
    const rest = text.slice(firstWordEnd(text));
    let body: Buffer;
    try {
      body = readRegularFile(ctx.findFile('files', local), MAX_TRANSFER_SOURCE_BYTES);
    } catch (err) {
      throw new ModuleFailure(`could not find or read the script ${local}: ${(err as Error).message}`);
    }
    const remote = `/tmp/.ha-run-script-${randomUUID()}`;
    const q = shellQuote(remote);
    const runner = args.executable ? `${shellQuote(args.executable)} ` : '';
    const task = {
      // The trap removes the copy whatever happens, also when creates/removes skip the run.
      line: `${runner}${q}${rest}`,
      cmd: text,
      chdir: args.chdir,
      creates: args.creates,
      removes: args.removes,
      prelude: `trap 'rm -f -- ${q}' EXIT`,
      guardSkips: true,
    };
    // A converged script whose creates/removes were read ahead is not even copied.
    const kept = await keptSkip(ctx.conn, task);
    if (kept) return kept;
    if (!ctx.check) await ctx.conn.put(remote, body, { mode: '0700' });
    return runGuarded(ctx, task);
  },
};

