// A real ModuleContext for integration tests: a real SSH connection to a lab host, real templating,
// controller files from ./fixtures, and a per-test scratch directory on the host.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '../../../src/connection/connect.js';
import { withBecome } from '../../../src/connection/become.js';
import { shellQuote } from '../../../src/connection/quote.js';
import type { Connection } from '../../../src/connection/types.js';
import type { Module, ModuleContext, ModuleResult } from '../../../src/modules/types.js';
import { runModule } from '../../../src/modules/run.js';
import { findModule } from '../../../src/modules/registry.js';
import { renderString, renderTemplateFile } from '../../../src/template/index.js';
import { labVars } from '../connection/lab-vars.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface ModuleRunner {
  conn: Connection;
  /** A fresh directory on the host for this test file. */
  dir: string;
  run(module: string, args: Record<string, unknown>, options?: { check?: boolean; diff?: boolean; vars?: Record<string, unknown> }): Promise<ModuleResult>;
  /** A shell command's stdout (for checking what the module did). */
  sh(command: string): Promise<string>;
  close(): Promise<void>;
}

/** Connects as `user`; with `become`, every module call goes through sudo to root (as the executor does). */
export async function moduleRunner(host: string, user = 'root', become = false): Promise<ModuleRunner> {
  const raw = await connect(labVars(host, user));
  const conn = become ? withBecome(raw, {}) : raw;
  const dir = `/tmp/ha-run-modules-${randomBytes(5).toString('hex')}`;
  await conn.exec(`mkdir -p ${dir}`);
  return {
    conn,
    dir,
    async run(name, args, options = {}) {
      const module: Module | undefined = findModule(name);
      if (!module) throw new Error(`no module ${name}`);
      const vars = options.vars ?? {};
      const ctx: ModuleContext = {
        host,
        conn,
        check: options.check ?? false,
        diff: options.diff ?? false,
        vars,
        render: (t, o) => (o?.file ? renderTemplateFile(t, { vars }, { syntax: o.syntax, vars: o.vars }) : renderString(t, { vars })),
        findFile: (kind, path) => (path.startsWith('/') ? path : join(FIXTURES, kind, path)),
      };
      return runModule(module, ctx, args);
    },
    async sh(command) {
      return (await conn.exec(command)).stdout;
    },
    async close() {
      await conn.exec(`rm -rf -- ${shellQuote(dir)}`);
      await raw.close();
    },
  };
}
