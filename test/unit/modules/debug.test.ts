import { describe, expect, it } from 'vitest';
import { debugModule } from '../../../src/modules/control/debug.js';
import type { ModuleContext } from '../../../src/modules/types.js';

/** debug runs on the controller only: a context with variables is all it reads. */
function context(vars: Record<string, unknown>): ModuleContext {
  const unused = () => {
    throw new Error('debug must not touch the host');
  };
  return { host: 'h', conn: undefined as never, check: false, diff: false, vars, render: unused, findFile: unused, evaluate: (e) => vars[e] };
}

describe('debug verbosity', () => {
  it('skips below the threshold, saying why, as Ansible does', async () => {
    expect(await debugModule.run(context({ ansible_verbosity: 1 }), { msg: 'hidden', verbosity: 2 })).toEqual({
      changed: false,
      skipped: true,
      skipped_reason: 'Verbosity threshold not met.',
    });
  });

  it('prints at or above it', async () => {
    expect(await debugModule.run(context({ ansible_verbosity: 2 }), { msg: 'shown', verbosity: 2 })).toEqual({ changed: false, msg: 'shown' });
    expect(await debugModule.run(context({ ansible_verbosity: 0, x: 5 }), { var: 'x' })).toEqual({ changed: false, x: 5 });
  });
});
