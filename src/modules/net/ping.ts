// ping: proves the host answers and runs commands (Ansible's checks that Python runs; here the shell).
// `data` comes back as `ping`; data=crash fails on purpose, as Ansible's does, to test failure handling.
import type { ActionModule } from '../types.js';

export interface PingArgs {
  data?: string;
}

export const pingModule: ActionModule<PingArgs> = {
  kind: 'action',
  name: 'ping',
  schema: {
    type: 'object',
    description: 'Checks that the host can be reached and runs commands; returns `ping: pong` (or `data`).',
    additionalProperties: false,
    properties: {
      data: { type: 'string', default: 'pong', description: "Returned as `ping`. 'crash' makes the task fail on purpose." },
    },
  },
  async run(ctx, args) {
    const data = args.data ?? 'pong';
    // A round trip through the remote shell: a connection that cannot run commands does not pass.
    const probe = await ctx.conn.exec('echo pong');
    if (probe.rc !== 0 || probe.stdout.trim() !== 'pong') {
      return { changed: false, failed: true, msg: `the host's shell did not answer (rc=${probe.rc}): ${probe.stderr.trim() || probe.stdout.trim()}` };
    }
    // The shape of Ansible's module crash (what playbooks testing failure handling read), with a message that says why.
    if (data === 'crash') {
      return { changed: false, failed: true, rc: 1, msg: 'boom: ping was asked to crash (data=crash)', module_stdout: '', module_stderr: 'Exception: boom\n' };
    }
    return { changed: false, ping: data };
  },
};
