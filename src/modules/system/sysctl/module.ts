// sysctl (ansible.posix): a kernel parameter kept in a sysctl file, read with `sysctl -n` and set
// with `sysctl -w` / `sysctl -p`, deciding `changed` exactly as Ansible's module does.
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import { fileState } from '../../files/file-probe.js';
import type { DeclarativeModule } from '../../types.js';
import { sysctlValue } from './facts.js';
import { planSysctl, sysctlName, type SysctlFacts } from './plan.js';
import { sysctlSchema, type SysctlArgs } from './schema.js';

export const sysctlModule: DeclarativeModule<SysctlArgs, SysctlFacts> = {
  kind: 'declarative',
  name: 'sysctl',
  collection: 'ansible.posix',
  schema: sysctlSchema,

  async gather(ctx, args) {
    const path = args.sysctl_file ?? '/etc/sysctl.conf';
    const [running, file] = await probeOf(ctx.conn).many(ask(sysctlValue, sysctlName(args)), ask(fileState, { path, checksum: true, contentUpTo: 4 * 1024 * 1024, follow: true }));
    return { running, file };
  },

  plan: planSysctl,
};
