// fetch writes the controller's copy whole or not at all: through an unpredictable, exclusively created
// temp file (never through a file or symlink planted under a predictable name), renamed into place.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/connection/connect.js';
import type { Connection } from '../../../src/connection/types.js';
import { fetchModule } from '../../../src/modules/files/fetch.js';
import type { ModuleContext } from '../../../src/modules/types.js';

let conn: Connection;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ha-run-fetch-'));
  conn = await connect({ inventory_hostname: 'ctl', ansible_connection: 'local' });
});
afterAll(async () => {
  await conn.close();
  rmSync(dir, { recursive: true, force: true });
});

const context = (): ModuleContext => ({ host: 'ctl', conn, check: false, diff: false, vars: {}, render: (s) => s, findFile: (_k, p) => p });

describe('fetch', () => {
  it('never writes through a symlink planted at a predictable temp name', async () => {
    const src = join(dir, 'remote.conf');
    writeFileSync(src, 'fetched\n');
    const out = join(dir, 'out');
    mkdirSync(out);
    const dest = join(out, 'local.conf');
    const precious = join(dir, 'precious');
    writeFileSync(precious, 'keep me\n');
    symlinkSync(precious, `${dest}.ha-run-tmp`);
    const r = await fetchModule.run(context(), { src, dest, flat: true });
    expect(r).toMatchObject({ changed: true });
    expect(readFileSync(dest, 'utf8')).toBe('fetched\n');
    expect(readFileSync(precious, 'utf8')).toBe('keep me\n');
    expect(readdirSync(out).filter((n) => n.startsWith('.ha-run-tmp-'))).toEqual([]);
    expect(existsSync(`${dest}.ha-run-tmp`)).toBe(true); // not ours: left alone
  });
});
