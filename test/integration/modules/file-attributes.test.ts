// attributes (lsattr/chattr) on a real lab host, whose /tmp is overlayfs over ext4: each module run
// twice (the second changes nothing), check mode changes nothing, and chattr's refusal (no
// CAP_LINUX_IMMUTABLE in a container) is a clear failure, as Ansible's 'chattr failed'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleRunner, type ModuleRunner } from './module-context.js';

let r: ModuleRunner;
beforeAll(async () => {
  r = await moduleRunner('node4');
});
afterAll(async () => {
  await r?.close();
});

const flags = async (path: string) => (await r.sh(`lsattr -d ${path} | cut -d ' ' -f 1`)).trim();

/** Runs the module twice: the first changes, the second finds it converged. */
async function twice(module: string, args: Record<string, unknown>) {
  const first = await r.run(module, args);
  expect(first.failed, String(first.msg)).toBeFalsy();
  expect(first.changed).toBe(true);
  const second = await r.run(module, args);
  expect(second).toMatchObject({ changed: false });
  return first;
}

describe('attributes', () => {
  it('file: sets flags on an existing file, check mode first', async () => {
    const path = `${r.dir}/plain`;
    await r.sh(`touch ${path}`);
    const check = await r.run('file', { path, attributes: 'A' }, { check: true, diff: true });
    expect(check).toMatchObject({ changed: true, reasons: ["attributes 'e' → '=A'"] });
    expect(await flags(path)).toBe('--------------e-------');
    await twice('file', { path, attributes: 'A' });
    expect(await flags(path)).toBe('-------A------e-------');
    await twice('file', { path, attr: '-A' });
    expect(await flags(path)).toBe('--------------e-------');
  });

  it('copy, template and lineinfile: a new or rewritten file gets its flags again', async () => {
    const copied = `${r.dir}/copied`;
    await twice('copy', { dest: copied, content: 'one\n', attributes: '+A' });
    expect(await flags(copied)).toBe('-------A------e-------');
    // New content is a new inode: the flags are set again on it.
    await twice('copy', { dest: copied, content: 'two\n', attributes: '+A' });
    expect(await flags(copied)).toBe('-------A------e-------');
    const templated = `${r.dir}/templated`;
    await twice('template', { src: 'attr.j2', dest: templated, attributes: 'A' });
    expect(await flags(templated)).toBe('-------A------e-------');
    const edited = `${r.dir}/edited`;
    await twice('lineinfile', { path: edited, line: 'x=1', create: true, attributes: 'A' });
    expect(await flags(edited)).toBe('-------A------e-------');
  });

  it('file state=directory: a new directory gets its flags', async () => {
    const path = `${r.dir}/dir`;
    await twice('file', { path, state: 'directory', attributes: 'A' });
    expect(await flags(path)).toBe('-------A------e-------');
  });

  it('a flag chattr may not set here is a failure naming chattr and why', async () => {
    const path = `${r.dir}/immutable`;
    await r.sh(`touch ${path}`);
    const result = await r.run('file', { path, attributes: '+i' });
    expect(result.failed).toBe(true);
    expect(String(result.msg)).toMatch(/Operation not permitted/);
  });
});
