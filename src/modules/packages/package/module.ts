// package: the generic package module. Like Ansible's, it hands the task to the module of the
// target's package manager (ansible_pkg_mgr, read from the target when facts were not gathered);
// ha-run has apt, so other managers fail with a clear message when the task actually runs.
import { probeOf } from '../../kit/probe.js';
import type { ActionModule, ModuleContext, ModuleResult } from '../../types.js';
import { aptModule } from '../apt/module.js';
import type { AptArgs } from '../apt/schema.js';
import { pkgMgr } from '../pkg-mgr-fact.js';
import { packageSchema, type PackageArgs } from './schema.js';

export const packageModule: ActionModule<PackageArgs> = {
  kind: 'action',
  name: 'package',
  schema: packageSchema,
  async run(ctx, args) {
    const manager = await managerOf(ctx, args.use);
    if (manager !== 'apt') {
      return { changed: false, failed: true, msg: `package: the package manager of ${ctx.host} is '${manager}', which is not available in ha-run (it has apt)` };
    }
    const { use: _use, ...rest } = args;
    return aptModule.run(ctx, rest as AptArgs) as Promise<ModuleResult>;
  },
};

async function managerOf(ctx: ModuleContext, use: string | undefined): Promise<string> {
  if (use && use !== 'auto') return use;
  const facts = ctx.vars.ansible_facts as Record<string, unknown> | undefined;
  const known = ctx.vars.ansible_pkg_mgr ?? facts?.pkg_mgr;
  if (typeof known === 'string' && known !== 'unknown') return known;
  return probeOf(ctx.conn).get(pkgMgr, undefined);
}
