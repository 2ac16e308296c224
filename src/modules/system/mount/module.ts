// mount (ansible.posix): fstab entries written as Ansible writes them, and the mount itself with
// mount/umount (see plan.ts for each state).
import { ask, type FactRequest } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import { fileState, type FileState } from '../../files/file-probe.js';
import type { DeclarativeModule } from '../../types.js';
import { mountStatus, type MountStatus } from './facts.js';
import { mountSettings, needsMountStatus, planMount, type MountFacts } from './plan.js';
import { mountSchema, type MountArgs } from './schema.js';

export const mountModule: DeclarativeModule<MountArgs, MountFacts> = {
  kind: 'declarative',
  name: 'mount',
  collection: 'ansible.posix',
  schema: mountSchema,

  async gather(ctx, args) {
    const s = mountSettings(args);
    const requests: FactRequest[] = [ask(fileState, { path: s.fstab, checksum: true, contentUpTo: 4 * 1024 * 1024, follow: true })];
    if (needsMountStatus(args)) requests.push(ask(mountStatus, s.name));
    const [fstab, status] = (await probeOf(ctx.conn).many(...requests)) as [FileState, MountStatus | undefined];
    return { fstab, status };
  },

  plan: planMount,

  result(args) {
    const { name, src, fstype, opts, dump, passno, fstab, boot, warnings } = mountSettings(args);
    return { name, ...(src !== undefined ? { src } : {}), ...(fstype !== undefined ? { fstype } : {}), opts, dump, passno, fstab, boot, ...(warnings.length ? { warnings } : {}), backup_file: '' };
  },
};
