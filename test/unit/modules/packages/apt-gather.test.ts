// apt's gather and check mode through a replaying connection: the real fact scripts run against
// recorded dpkg-query and apt-cache output; a missing tool fails the task naming it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aptModule } from '../../../../src/modules/packages/apt/module.js';
import { packageModule } from '../../../../src/modules/packages/package/module.js';
import { debconfModule } from '../../../../src/modules/packages/debconf/module.js';
import { runModule } from '../../../../src/modules/run.js';
import type { ModuleContext } from '../../../../src/modules/types.js';
import { replayConnection, type ReplayConnection, type ToolStub } from '../../../kit/replay-connection.js';

const recorded = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
let conn: ReplayConnection | undefined;
afterEach(() => conn?.close());

function context(tools: Record<string, ToolStub>, vars: Record<string, unknown> = {}): ModuleContext {
  conn = replayConnection(tools);
  return { host: 'replay', conn, check: true, diff: false, vars, render: (t) => t, findFile: (_k, p) => p };
}

describe('apt gather (replayed)', () => {
  it('check mode: reasons from dpkg-query and apt-cache policy, one round trip per step, nothing run', async () => {
    const ctx = context({ 'dpkg-query': { stdout: recorded('dpkg-query-named.txt') }, 'apt-cache': { stdout: recorded('apt-cache-policy.txt') } });
    const r = await runModule(aptModule, ctx, { name: ['tree', 'libc6'] });
    expect(r).toMatchObject({ changed: true, reasons: ['install tree 2.1.0-1'], cache_updated: false });
    expect(conn!.toolCalls.filter((c) => c.startsWith('apt-get'))).toEqual([]);
  });

  it('already installed: ok', async () => {
    const ctx = context({ 'dpkg-query': { stdout: recorded('dpkg-query-named.txt') }, 'apt-cache': { stdout: recorded('apt-cache-policy.txt') } });
    expect(await runModule(aptModule, ctx, { name: ['libc6'] })).toMatchObject({ changed: false });
  });

  it('name wildcards: the names apt lists by prefix, matched as fnmatch does (recorded on node1)', async () => {
    const ctx = context({
      'dpkg-query': { stdout: '' },
      'apt-cache': {
        byArgs: {
          'pkgnames figle': { stdout: recorded('apt-cache-pkgnames-figle.txt') },
          'pkgnames toilet-font': { stdout: recorded('apt-cache-pkgnames-toilet-font.txt') },
          '*': { stdout: recorded('apt-cache-policy-figlet.txt') },
        },
      },
    });
    const r = await runModule(aptModule, ctx, { name: ['figle?', 'toilet-font*'] });
    expect(r).toMatchObject({ changed: true, reasons: ['install figlet 2.2.5-3+b1', 'install toilet-fonts 0.3-1.4'] });
    expect(conn!.toolCalls.filter((c) => c.includes('pkgnames'))).toEqual(['apt-cache pkgnames figle', 'apt-cache pkgnames toilet-font']);
  });

  it('a wildcard matching nothing fails as Ansible says it', async () => {
    const ctx = context({ 'dpkg-query': { stdout: '' }, 'apt-cache': { byArgs: { 'pkgnames toilet-font': { stdout: recorded('apt-cache-pkgnames-toilet-font.txt') }, '*': { stdout: '' } } } });
    expect(await runModule(aptModule, ctx, { name: ['toilet-x*'] })).toMatchObject({ failed: true, msg: "No package(s) matching 'toilet-x*' available" });
  });

  it('a target without apt-cache: the task fails naming it', async () => {
    const ctx = context({ 'dpkg-query': { stdout: '' } });
    expect(await runModule(aptModule, ctx, { name: ['tree'] })).toMatchObject({ failed: true, msg: "apt-cache is missing on replay: needed to read apt's candidate versions" });
  });

  it('debconf without debconf-show: the task fails naming it', async () => {
    const ctx = context({});
    expect(await runModule(debconfModule, ctx, { name: 'tzdata', question: 'tzdata/Areas', vtype: 'select', value: 'Etc' })).toMatchObject({
      failed: true,
      msg: 'debconf-show, debconf-set-selections are missing on replay: needed to read the debconf answers',
    });
  });
});

describe('package (replayed)', () => {
  const apt = { 'dpkg-query': { stdout: recorded('dpkg-query-named.txt') }, 'apt-cache': { stdout: recorded('apt-cache-policy.txt') } };

  it('without gathered facts it finds apt-get on the target and hands the task to apt', async () => {
    const ctx = context({ ...apt, 'apt-get': { stdout: '' } });
    expect(await runModule(packageModule, ctx, { name: ['tree'], state: 'present' })).toMatchObject({ changed: true, reasons: ['install tree 2.1.0-1'] });
  });

  it('another package manager (from the facts) fails saying so', async () => {
    const ctx = context(apt, { ansible_facts: { pkg_mgr: 'dnf' } });
    expect(await runModule(packageModule, ctx, { name: ['tree'], state: 'present' })).toMatchObject({
      failed: true,
      msg: "package: the package manager of replay is 'dnf', which is not available in ha-run (it has apt)",
    });
  });
});
