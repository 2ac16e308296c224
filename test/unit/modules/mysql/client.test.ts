// The client script run by a local sh with a stand-in `mysql`: the option file is made 0600 from
// stdin, holds the login (escaped), comes after ~/.my.cnf, is gone afterwards, and the SQL reaches
// the client's stdin. Nothing secret is in the script text.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clientInput, mysqlScript } from '../../../../src/modules/mysql/client.js';
import { clientOptions, optionValue } from '../../../../src/modules/mysql/login.js';

const home = mkdtempSync(join(tmpdir(), 'ha-run-mysql-'));
const bin = join(home, 'bin');
execFileSync('mkdir', [bin]);
// Prints where its option file is, its mode and content, then the SQL it was given.
writeFileSync(join(bin, 'mysql'), '#!/bin/sh\nf=${1#--defaults-file=}\necho "file=$f"\nstat -c "mode=%a" "$f"\ncat "$f"\necho "--- sql"\ncat\n');
chmodSync(join(bin, 'mysql'), 0o755);
afterAll(() => rmSync(home, { recursive: true, force: true }));

function run(login: Parameters<typeof clientOptions>[0], sql: string): string {
  const { input, optionBytes } = clientInput(login, sql);
  const script = mysqlScript(login, optionBytes);
  for (const secret of [login.login_password ?? '\0', sql]) expect(script).not.toContain(secret);
  return execFileSync('sh', ['-c', script], { input, env: { PATH: `${bin}:${process.env.PATH}`, HOME: home, TMPDIR: home }, encoding: 'utf8' });
}

describe('mysql client script', () => {
  it('writes a 0600 option file from stdin, removes it, and passes the SQL on', () => {
    const out = run({ login_user: 'cattle', login_password: 'p"w\\#1\nx', login_host: 'db1', login_port: 3307, config_file: '~/.my.cnf' }, 'SELECT 1;\n');
    const file = /file=(.*)/.exec(out)![1];
    expect(out).toContain('mode=600');
    expect(out).toContain('[client]\nuser="cattle"\npassword="p\\"w\\\\#1\\nx"\nhost="db1"\nport="3307"\n');
    expect(out.endsWith('--- sql\nSELECT 1;\n')).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('reads ~/.my.cnf first, so the login arguments given override it', () => {
    writeFileSync(join(home, '.my.cnf'), '[client]\nuser=fromfile\n');
    try {
      const out = run({ login_password: 'pw-from-args', config_file: '~/.my.cnf' }, 'SELECT 2;\n');
      expect(out).toMatch(/\[client\]\nuser=fromfile\n\n\[client\]\npassword="pw-from-args"\n/);
    } finally {
      rmSync(join(home, '.my.cnf'));
    }
  });

  it('a socket means host localhost (the client then uses the socket)', () => {
    expect(clientOptions({ login_unix_socket: '/run/mysqld/mysqld.sock', login_host: 'ignored' })).toBe('[client]\nhost="localhost"\nsocket="/run/mysqld/mysqld.sock"\n');
    expect(optionValue('a\tb')).toBe('"a\\tb"');
  });
});
