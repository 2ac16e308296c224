// file, copy and template against a real lab host: each run twice (the second changes nothing),
// check mode changes nothing, diffs are there, failures are clear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleRunner, type ModuleRunner } from './module-context.js';

let r: ModuleRunner;
beforeAll(async () => {
  r = await moduleRunner('node1');
});
afterAll(async () => {
  await r?.close();
});

describe('file', () => {
  it('creates a directory with mode and owner, then is converged', async () => {
    const path = `${r.dir}/d/sub`;
    const args = { path, state: 'directory', mode: '0750', owner: 'app', group: 'app' };
    const check = await r.run('file', args, { check: true, diff: true });
    expect(check).toMatchObject({ changed: true, reasons: ['create directory, mode 0750'] });
    expect(check.diff).toEqual([{ path, before: 'state: absent\n', after: 'state: directory\n' }]);
    expect(await r.sh(`test -e ${path} && echo exists || echo missing`)).toBe('missing\n');

    const first = await r.run('file', args);
    expect(first).toMatchObject({ changed: true, path, state: 'directory', mode: '0750', owner: 'app', group: 'app' });
    // Like Ansible, the parent it had to create gets the same mode and owner.
    expect(await r.sh(`stat -c '%a %U %G' ${r.dir}/d ${path}`)).toBe('750 app app\n750 app app\n');
    const second = await r.run('file', args);
    expect(second).toMatchObject({ changed: false, mode: '0750' });
  });

  it('passes an owner or group that starts with - to chown/chgrp as a name, never as an option', async () => {
    const path = `${r.dir}/dash-owner`;
    await r.sh(`touch ${path} && mkdir -p ${path}.d && touch ${path}.d/f`);
    const cases = [
      { path, owner: '--help' },
      { path, group: '--version' },
      { path: `${path}.touched`, state: 'touch', owner: '--help' },
      { path: `${path}.d`, state: 'directory', recurse: true, owner: '--help' },
      { path: `${path}.d`, state: 'directory', recurse: true, group: '--help' },
    ];
    for (const args of cases) {
      const res = await r.run('file', args);
      expect(res, JSON.stringify(args)).toMatchObject({ failed: true });
      expect(String(res.msg) + String(res.stderr ?? ''), JSON.stringify(args)).toMatch(/invalid (user|group)/);
    }
    expect(await r.sh(`stat -c '%U:%G' ${path} ${path}.d/f`)).toBe('root:root\nroot:root\n');
  });

  it('changes a symbolic mode once', async () => {
    const path = `${r.dir}/sym`;
    await r.sh(`touch ${path} && chmod 0644 ${path}`);
    expect(await r.run('file', { path, mode: 'u+x,g-r,o-r' })).toMatchObject({ changed: true, reasons: ['mode 0644 → 0700'], mode: '0700' });
    expect(await r.run('file', { path, mode: 'u+x,g-r,o-r' })).toMatchObject({ changed: false });
  });

  it('manages symlinks and removes paths', async () => {
    const path = `${r.dir}/link`;
    expect(await r.run('file', { path, src: '/etc/hostname', state: 'link' })).toMatchObject({ changed: true, state: 'link', dest: path });
    expect(await r.sh(`readlink ${path}`)).toBe('/etc/hostname\n');
    expect(await r.run('file', { path, src: '/etc/hostname', state: 'link' })).toMatchObject({ changed: false });
    expect(await r.run('file', { path, state: 'absent' })).toMatchObject({ changed: true, state: 'absent' });
    expect(await r.run('file', { path, state: 'absent' })).toMatchObject({ changed: false });
  });

  it('sets explicit modification and access times once: the second run changes nothing (as Ansible); touch by default changes every run', async () => {
    const path = `${r.dir}/stamped`;
    const times = () => r.sh(`stat -c '%.9Y %.9X' ${path}`);
    // The times are local to the target, as Ansible's mktime there reads them.
    const epoch = async (local: string) => (await r.sh(`date -d '${local}' +%s`)).trim();
    const wanted = `${await epoch('2024-01-02 03:04:05')}.000000000 ${await epoch('2024-01-02 03:04:06')}.000000000\n`;
    const args = { path, state: 'touch', modification_time: '202401020304.05', access_time: '2024-01-02 03:04:06', access_time_format: '%Y-%m-%d %H:%M:%S' };
    await r.sh(`touch ${path}`);
    expect(await r.run('file', args, { check: true })).toMatchObject({ changed: true });
    expect(await times()).not.toBe(wanted);
    expect(await r.run('file', args)).toMatchObject({ changed: true, reasons: ['modification time → 2024-01-02 03:04:05', 'access time → 2024-01-02 03:04:06'] });
    expect(await times()).toBe(wanted);
    expect(await r.run('file', args)).toMatchObject({ changed: false });
    expect(await r.run('file', { path, state: 'file', modification_time: '202401020304.05' })).toMatchObject({ changed: false });

    // touch's defaults ('now' for both) stamp the time of the run, a change each time.
    expect(await r.run('file', { path, state: 'touch' })).toMatchObject({ changed: true, reasons: ['update access and modification times'] });
    expect(await r.run('file', { path, state: 'touch' })).toMatchObject({ changed: true });
    expect(await times()).not.toBe(wanted);
  });

  it('creates a directory with explicit times, then is converged', async () => {
    const path = `${r.dir}/dated`;
    const args = { path, state: 'directory', modification_time: '202401020304.05', access_time: 'preserve' };
    expect(await r.run('file', args)).toMatchObject({ changed: true, state: 'directory' });
    expect(await r.sh(`stat -c '%.9Y' ${path}`)).toBe(`${(await r.sh(`date -d '2024-01-02 03:04:05' +%s`)).trim()}.000000000\n`);
    expect(await r.run('file', args)).toMatchObject({ changed: false });
  });

  it('fails clearly on a missing file', async () => {
    const res = await r.run('file', { path: `${r.dir}/nope`, state: 'file' });
    expect(res).toMatchObject({ failed: true, changed: false, msg: `file (${r.dir}/nope) is absent, cannot continue` });
  });

  it('recurses into a directory tree', async () => {
    const top = `${r.dir}/tree`;
    await r.sh(`mkdir -p ${top}/a/b && touch ${top}/a/f ${top}/a/b/g && chmod 0777 ${top}/a/f`);
    const args = { path: top, state: 'directory', recurse: true, owner: 'app', mode: 'u=rwX,g=rX,o=' };
    const first = await r.run('file', args);
    expect(first.changed).toBe(true);
    expect(await r.sh(`stat -c '%n %a %U' ${top}/a ${top}/a/f ${top}/a/b/g`)).toBe(`${top}/a 750 app\n${top}/a/f 750 app\n${top}/a/b/g 640 app\n`);
    expect(await r.run('file', args)).toMatchObject({ changed: false });
  });
});

describe('copy', () => {
  it('writes content with attributes; check mode and diff; then converged', async () => {
    const dest = `${r.dir}/motd`;
    const args = { dest, content: 'hello\n', mode: '0640', owner: 'app' };
    const check = await r.run('copy', args, { check: true, diff: true });
    expect(check).toMatchObject({ changed: true, diff: [{ path: dest, before: '', after: 'hello\n' }] });
    expect(await r.sh(`test -e ${dest} && echo exists || echo missing`)).toBe('missing\n');

    const first = await r.run('copy', args);
    expect(first).toMatchObject({ changed: true, dest, checksum: 'f572d396fae9206628714fb2ce00f72e94f2258f', md5sum: 'b1946ac92492d2347c6235b4d2611184', mode: '0640', owner: 'app', size: 6, state: 'file' });
    expect(await r.sh(`cat ${dest}; stat -c '%a %U' ${dest}`)).toBe('hello\n640 app\n');
    expect(await r.run('copy', args)).toMatchObject({ changed: false, checksum: 'f572d396fae9206628714fb2ce00f72e94f2258f' });
  });

  it('shows the old and new content, keeps a backup, keeps the owner', async () => {
    const dest = `${r.dir}/conf`;
    await r.sh(`printf 'old\\n' > ${dest} && chown app ${dest}`);
    const res = await r.run('copy', { dest, content: 'new\n', backup: true }, { diff: true });
    expect(res).toMatchObject({ changed: true, diff: [{ path: dest, before: 'old\n', after: 'new\n' }], owner: 'app' });
    // Ansible's name: PATH.<pid>.<YYYY-MM-DD@HH:MM:SS>~
    expect(String(res.backup_file)).toMatch(new RegExp(`^${dest}\\.\\d+\\.\\d{4}-\\d\\d-\\d\\d@\\d\\d:\\d\\d:\\d\\d~$`));
    expect(await r.sh(`cat ${res.backup_file as string} ${dest}`)).toBe('old\nnew\n');
  });

  it('copies a controller file into a directory', async () => {
    const res = await r.run('copy', { src: 'static.txt', dest: `${r.dir}/` });
    expect(res).toMatchObject({ changed: true, dest: `${r.dir}/static.txt` });
    expect(await r.sh(`cat ${r.dir}/static.txt`)).toBe('static file\n');
    expect(await r.run('copy', { src: 'static.txt', dest: `${r.dir}/` })).toMatchObject({ changed: false });
  });

  it("creates a missing dest ending in '/' (with owner and directory_mode) and copies into it", async () => {
    const args = { src: 'static.txt', dest: `${r.dir}/new/sub/`, owner: 'app', directory_mode: '0750' };
    expect(await r.run('copy', args)).toMatchObject({ changed: true, dest: `${r.dir}/new/sub/static.txt` });
    expect(await r.sh(`cd ${r.dir}/new && stat -c '%n %a %U' . sub sub/static.txt`)).toBe('. 750 app\nsub 750 app\nsub/static.txt 644 app\n');
    expect(await r.run('copy', args)).toMatchObject({ changed: false });
  });

  it('copies a controller directory tree and converges', async () => {
    const args = { src: 'conf.d', dest: r.dir, mode: '0640', directory_mode: '0750' };
    expect(await r.run('copy', args)).toMatchObject({ changed: true, dest: `${r.dir}/conf.d` });
    expect(await r.sh(`cd ${r.dir}/conf.d && stat -c '%n %a' . a.conf sub sub/b.conf && cat sub/b.conf`)).toBe('. 750\na.conf 640\nsub 750\nsub/b.conf 640\nb=2\n');
    expect(await r.run('copy', args)).toMatchObject({ changed: false });
  });

  it('gives every directory a tree copy creates directory_mode, dest and its parents too; existing subdirectories follow, an existing root does not', async () => {
    const dest = `${r.dir}/parent/whole`;
    const args = { src: 'conf.d', dest, directory_mode: '0750' };
    expect(await r.run('copy', args)).toMatchObject({ changed: true, dest: `${dest}/conf.d` });
    const modes = () => r.sh(`cd ${r.dir} && stat -c '%n %a' parent parent/whole parent/whole/conf.d parent/whole/conf.d/sub`);
    expect(await modes()).toBe('parent 750\nparent/whole 750\nparent/whole/conf.d 750\nparent/whole/conf.d/sub 750\n');
    expect(await r.run('copy', args)).toMatchObject({ changed: false });

    await r.sh(`chmod 0700 ${dest}/conf.d ${dest}/conf.d/sub`);
    expect(await r.run('copy', args)).toMatchObject({ changed: true, reasons: ['mode 0700 → 0750'] });
    expect(await modes()).toBe('parent 750\nparent/whole 750\nparent/whole/conf.d 700\nparent/whole/conf.d/sub 750\n');
    expect(await r.run('copy', args)).toMatchObject({ changed: false });
  });

  it('does not replace the file when validate fails', async () => {
    const dest = `${r.dir}/validated`;
    await r.sh(`echo good > ${dest}`);
    const res = await r.run('copy', { dest, content: 'bad\n', validate: 'grep -q good %s' });
    expect(res).toMatchObject({ failed: true });
    expect(String(res.msg)).toContain('failed to validate');
    expect(await r.sh(`cat ${dest}; ls -a ${r.dir} | grep -c ha-run-validate || true`)).toBe('good\n0\n');
  });

  it('writes through a symlink with follow=yes, replaces the link without it', async () => {
    const real = `${r.dir}/real.conf`;
    const link = `${r.dir}/link.conf`;
    await r.sh(`echo old > ${real} && ln -s ${real} ${link}`);
    expect(await r.run('copy', { dest: link, content: 'followed\n', follow: true })).toMatchObject({ changed: true });
    expect(await r.sh(`readlink ${link}; cat ${real}`)).toBe(`${real}\nfollowed\n`);
    expect(await r.run('copy', { dest: link, content: 'followed\n', follow: true })).toMatchObject({ changed: false });
    expect(await r.run('copy', { dest: link, content: 'own\n' })).toMatchObject({ changed: true, reasons: ['replace symlink with a file'] });
    expect(await r.sh(`test -L ${link} && echo link || cat ${link}; cat ${real}`)).toBe('own\nfollowed\n');
  });

  it('fails clearly when the destination directory is missing', async () => {
    expect(await r.run('copy', { dest: `${r.dir}/no/such/file`, content: 'x' })).toMatchObject({ failed: true, msg: `Destination directory ${r.dir}/no/such does not exist` });
  });
});

describe('template', () => {
  it('renders on the controller with trim_blocks and converges', async () => {
    const dest = `${r.dir}/app.conf`;
    const vars = { app_name: 'rancher', ports: [80, 443] };
    const first = await r.run('template', { src: 'app.conf.j2', dest, mode: '0600' }, { vars, diff: true });
    expect(first).toMatchObject({ changed: true, mode: '0600' });
    expect(await r.sh(`cat ${dest}`)).toBe('# rancher settings\nlisten 80\nlisten 443\n');
    expect(await r.run('template', { src: 'app.conf.j2', dest, mode: '0600' }, { vars })).toMatchObject({ changed: false });
    const changed = await r.run('template', { src: 'app.conf.j2', dest, mode: '0600' }, { vars: { ...vars, ports: [80] }, diff: true, check: true });
    expect(changed).toMatchObject({ changed: true, diff: [{ before: '# rancher settings\nlisten 80\nlisten 443\n', after: '# rancher settings\nlisten 80\n' }] });
    expect(await r.sh(`cat ${dest}`)).toBe('# rancher settings\nlisten 80\nlisten 443\n');
  });

  it('fails clearly on an undefined variable', async () => {
    const res = await r.run('template', { src: 'app.conf.j2', dest: `${r.dir}/x.conf` }, { vars: {} });
    expect(res).toMatchObject({ failed: true });
    expect(String(res.msg)).toMatch(/app_name|undefined/);
  });
});
