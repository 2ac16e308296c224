// put/get on a real sshd (lab host node3): big binary files, owner/mode, atomic replace, become.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/connection/connect.js';
import type { Connection } from '../../../src/connection/types.js';
import { labExec } from '../support/lab.js';
import { labVars, sha256 } from './lab-vars.js';

const DIR = '/tmp/ha-run-transfer-test';
let root: Connection;
let ha: Connection;

beforeAll(async () => {
  [root, ha] = await Promise.all([connect(labVars('node3')), connect(labVars('node3', 'ha'))]);
  await root.exec(`rm -rf ${DIR} && mkdir -p ${DIR}/rootonly && chmod 0700 ${DIR}/rootonly && chmod 1777 ${DIR}`);
});
afterAll(async () => {
  await root?.exec(`rm -rf ${DIR}`);
  await Promise.all([root?.close(), ha?.close()]);
});

describe('put and get', () => {
  it('uploads and downloads a 50 MB binary file intact, with owner and mode', async () => {
    const data = randomBytes(50 * 1024 * 1024);
    const path = `${DIR}/big.bin`;
    await root.put(path, data, { owner: 'app', group: 'ha', mode: '0640' });
    const remote = await labExec('node3', `sha256sum ${path} | cut -d' ' -f1; stat -c '%U:%G:%a:%s' ${path}`);
    expect(remote.stdout.split('\n').slice(0, 2)).toEqual([sha256(data), `app:ha:640:${data.length}`]);
    const back = await root.get(path);
    expect(back.length).toBe(data.length);
    expect(sha256(back)).toBe(sha256(data));
  });

  it('writes small text files and replaces them atomically, leaving no temp files', async () => {
    const path = `${DIR}/conf with space's.txt`;
    await root.put(path, 'first\n', { mode: '0600' });
    await root.put(path, 'ünïcødé second\n');
    expect((await root.get(path)).toString()).toBe('ünïcødé second\n');
    const listing = await labExec('node3', `ls -A ${DIR}; stat -c %a "${DIR}/conf with space's.txt"`);
    expect(listing.stdout).toBe(`big.bin\nconf with space's.txt\nrootonly\n600\n`);
  });

  it('with become, writes where only root may (the login user never could)', async () => {
    const path = `${DIR}/rootonly/secret.bin`;
    const data = randomBytes(3 * 1024 * 1024); // big enough to go through its own channel
    await expect(ha.put(path, data)).rejects.toMatchObject({ code: 'put-failed' });
    await ha.put(path, data, { become: {}, mode: '0400' });
    expect((await labExec('node3', `stat -c '%U:%a' ${path}`)).stdout).toBe('root:400\n');
    await expect(ha.get(path)).rejects.toMatchObject({ code: 'get-failed' });
    expect(sha256(await ha.get(path, { become: {} }))).toBe(sha256(data));
    await ha.put(`${DIR}/rootonly/small`, 'tiny', { become: {}, owner: 'app' });
    expect((await labExec('node3', `stat -c '%U' ${DIR}/rootonly/small; cat ${DIR}/rootonly/small`)).stdout).toBe('app\ntiny');
  });

  it('becomes app to write as app', async () => {
    await ha.put(`${DIR}/by-app`, 'x', { become: { user: 'app' } });
    expect((await labExec('node3', `stat -c '%U' ${DIR}/by-app`)).stdout).toBe('app\n');
  });

  it('reports a missing directory as put-failed naming host and path', async () => {
    await expect(root.put(`${DIR}/nope/file`, 'x')).rejects.toThrow(/could not write \/tmp\/ha-run-transfer-test\/nope\/file on node3/);
  });

  it('fails, keeping the old file and no temp file, when the last steps fail', async () => {
    // An unknown owner fails before the rename; /etc/hosts is a bind mount in containers, so the rename itself fails.
    const path = `${DIR}/keep.txt`;
    await root.put(path, 'old\n');
    await expect(root.put(path, 'new\n', { owner: 'no-such-user' })).rejects.toMatchObject({ code: 'put-failed' });
    const hostsBefore = (await labExec('node3', 'cat /etc/hosts')).stdout;
    await expect(root.put('/etc/hosts', hostsBefore + '192.0.2.1 never-written\n')).rejects.toMatchObject({ code: 'put-failed' });
    expect((await root.get(path)).toString()).toBe('old\n');
    expect((await labExec('node3', 'cat /etc/hosts')).stdout).toBe(hostsBefore);
    expect((await labExec('node3', `ls -A ${DIR} /etc | grep -c '^\\.ha-run-tmp-' || true`)).stdout.trim()).toBe('0');
  });

  it('with unsafeWrites, writes a bind-mounted file in place when it cannot be renamed over', async () => {
    const hostsBefore = (await labExec('node3', 'cat /etc/hosts')).stdout;
    try {
      await root.put('/etc/hosts', hostsBefore + '192.0.2.7 written-in-place\n', { unsafeWrites: true, mode: '0644' });
      expect((await labExec('node3', 'tail -n 1 /etc/hosts; stat -c %a /etc/hosts')).stdout).toBe('192.0.2.7 written-in-place\n644\n');
      expect((await labExec('node3', `ls -A /etc | grep -c '^\\.ha-run-tmp-' || true`)).stdout.trim()).toBe('0');
    } finally {
      await root.put('/etc/hosts', hostsBefore, { unsafeWrites: true });
    }
  });
});
