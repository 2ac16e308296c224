// file module plans: (args, what is on the target) → changes, always with the converged case.
import { describe, expect, it } from 'vitest';
import { fileModule, parseTree, type FileFacts } from '../../../src/modules/files/file.js';
import { makeDirsCommand } from '../../../src/modules/files/make-dirs.js';
import { parseTimes } from '../../../src/modules/files/file-times.js';
import { absent, commands, dir, file, link } from './states.js';

const facts = (target: FileFacts['target'], extra: Partial<FileFacts> = {}): FileFacts => ({ target, ...extra });
const summaries = (args: Parameters<typeof fileModule.plan>[0], f: FileFacts) => fileModule.plan(args, f).map((c) => c.summary);

describe('file state=directory', () => {
  it('creates a missing directory, and each missing parent, with its mode and owner in one command', () => {
    const changes = fileModule.plan({ path: '/srv/app', state: 'directory', mode: '0750', owner: 'app' }, facts(absent('/srv/app')));
    expect(changes.map((c) => c.summary)).toEqual(['create directory, mode 0750']);
    expect(commands(changes)).toEqual([makeDirsCommand('/srv/app', { owner: 'app', mode: 0o750 })]);
    expect(changes[0].diff).toEqual({ path: '/srv/app', before: 'state: absent\n', after: 'state: directory\n' });
  });

  it('is converged when the directory is as asked (owner by name or uid)', () => {
    expect(fileModule.plan({ path: '/srv', state: 'directory', mode: '0755', owner: 'root', group: '0' }, facts(dir('/srv')))).toEqual([]);
    expect(fileModule.plan({ path: '/srv', state: 'directory', mode: 'u=rwx,go=rx' }, facts(dir('/srv')))).toEqual([]);
  });

  it('fixes each differing attribute with its own reason', () => {
    const changes = fileModule.plan({ path: '/srv', state: 'directory', mode: '0700', owner: 'app', group: 'app' }, facts(dir('/srv')));
    expect(changes.map((c) => c.summary)).toEqual(['owner root → app', 'group root → app', 'mode 0755 → 0700']);
    expect(commands(changes)).toEqual(['chown -- app /srv', 'chgrp -- app /srv', 'chmod 0700 -- /srv']);
  });

  it('refuses to turn a file into a directory', () => {
    expect(() => fileModule.plan({ path: '/srv', state: 'directory' }, facts(file('/srv', 'x')))).toThrow('/srv already exists as a file');
  });

  it('with recurse, counts entries below that differ and fixes them with -R', () => {
    // NUL-terminated entries: a name may hold '|' or a newline.
    const tree = parseTree('644|0|0|root|root|regular file|/srv/a\x00755|1000|1000|app|app|directory|/srv/d\x00600|0|0|root|root|regular file|/srv/d/x|y\n\x00');
    expect(tree[2].path).toBe('/srv/d/x|y\n');
    const changes = fileModule.plan({ path: '/srv', state: 'directory', recurse: true, owner: 'app', mode: 'u=rwX,g=rX,o=' }, facts(dir('/srv', { owner: 'app', uid: 1000, mode: 0o750 }), { tree }));
    expect(changes.map((c) => c.summary)).toEqual(['owner of 2 entries below → app', 'mode of 3 entries below → u=rwX,g=rX,o=']);
    expect(commands(changes)).toEqual(["chown -R -- app /srv", "chmod -R -- 'u=rwX,g=rX,o=' /srv"]);
    const converged = parseTree('640|1000|1000|app|app|regular file|/srv/a\x00750|1000|1000|app|app|directory|/srv/d\x00');
    expect(fileModule.plan({ path: '/srv', state: 'directory', recurse: true, owner: 'app', mode: 'u=rwX,g=rX,o=' }, facts(dir('/srv', { owner: 'app', uid: 1000, mode: 0o750 }), { tree: converged }))).toEqual([]);
  });
});

describe('file state=absent / file / touch', () => {
  it('removes what exists and leaves what is gone', () => {
    expect(commands(fileModule.plan({ path: '/tmp/x', state: 'absent' }, facts(dir('/tmp/x'))))).toEqual(['rm -rf -- /tmp/x']);
    expect(summaries({ path: '/tmp/x', state: 'absent' }, facts(file('/tmp/x', '')))).toEqual(['remove file']);
    expect(fileModule.plan({ path: '/tmp/x', state: 'absent' }, facts(absent('/tmp/x')))).toEqual([]);
  });

  it('state=file only sets attributes and fails on a missing file like Ansible', () => {
    expect(summaries({ path: '/etc/x', state: 'file', mode: 'go-r' }, facts(file('/etc/x', '')))).toEqual(['mode 0644 → 0600']);
    expect(fileModule.plan({ dest: '/etc/x', mode: 0o644 }, facts(file('/etc/x', '')))).toEqual([]);
    expect(() => fileModule.plan({ name: '/etc/x', state: 'file' }, facts(absent('/etc/x')))).toThrow('file (/etc/x) is absent, cannot continue');
  });

  it('touch creates, or updates the times every run (as Ansible reports changed)', () => {
    expect(summaries({ path: '/x', state: 'touch', mode: '0600' }, facts(absent('/x')))).toEqual(['create empty file, mode 0600']);
    expect(summaries({ path: '/x', state: 'touch' }, facts(file('/x', '')))).toEqual(['update access and modification times']);
  });

  it('without state, follows what the path is (a directory stays one)', () => {
    expect(summaries({ path: '/srv', mode: '0700' }, facts(dir('/srv')))).toEqual(['mode 0755 → 0700']);
  });
});

describe('file state=link / hard', () => {
  it('creates, retargets, and is converged on the right target', () => {
    const src = { ...file('/opt/app-1.2', ''), type: 'directory' as const };
    expect(summaries({ path: '/opt/app', src: '/opt/app-1.2', state: 'link' }, facts(absent('/opt/app'), { src }))).toEqual(['create symlink → /opt/app-1.2']);
    const retarget = fileModule.plan({ path: '/opt/app', src: '/opt/app-1.2', state: 'link' }, facts(link('/opt/app', '/opt/app-1.1'), { src }));
    expect(retarget.map((c) => c.summary)).toEqual(['symlink target /opt/app-1.1 → /opt/app-1.2']);
    expect(commands(retarget)).toEqual(['ln -sfn -- /opt/app-1.2 /opt/app']);
    expect(fileModule.plan({ path: '/opt/app', src: '/opt/app-1.2', state: 'link' }, facts(link('/opt/app', '/opt/app-1.2'), { src }))).toEqual([]);
  });

  it('refuses to replace a file or link to a missing src unless forced', () => {
    expect(() => fileModule.plan({ path: '/a', src: '/b', state: 'link' }, facts(file('/a', 'x'), { src: file('/b', '') }))).toThrow('refusing to convert from file to symlink');
    expect(() => fileModule.plan({ path: '/a', src: '/b', state: 'link' }, facts(absent('/a'), { src: absent('/b') }))).toThrow('src file does not exist');
    expect(commands(fileModule.plan({ path: '/a', src: '/b', state: 'link', force: true }, facts(absent('/a'), { src: absent('/b') })))).toEqual(['ln -sfn -- /b /a']);
  });

  it('hard links compare inodes', () => {
    const src = file('/b', 'x', { inode: 7, dev: 1 });
    expect(fileModule.plan({ path: '/a', src: '/b', state: 'hard' }, facts(file('/a', 'x', { inode: 7, dev: 1 }), { src }))).toEqual([]);
    expect(commands(fileModule.plan({ path: '/a', src: '/b', state: 'hard' }, facts(absent('/a'), { src })))).toEqual(['ln -f -- /b /a']);
  });
});

describe('file result', () => {
  it('registers path, state and attributes as Ansible does', () => {
    expect(fileModule.result!({ path: '/srv', state: 'directory' }, facts(dir('/srv')), [])).toEqual({
      path: '/srv', state: 'directory', mode: '0755', owner: 'root', group: 'root', uid: 0, gid: 0, size: undefined,
    });
    expect(fileModule.result!({ path: '/l', src: '/t', state: 'link' }, facts(link('/l', '/t')), [])).toMatchObject({ dest: '/l', src: '/t', state: 'link' });
  });
});

describe('file modification_time / access_time', () => {
  const at = (current: { mtime: string; atime: string } | undefined, epochs: { mtime?: string; atime?: string }, parentExists = true) => ({ current, epochs, parentExists });
  const explicit = { modification_time: '202401020304.05', access_time: '202401020304.06' };

  it('sets explicit times once: converged when the file has exactly those seconds', () => {
    const epochs = { mtime: '1704164645', atime: '1704164646' };
    const changes = fileModule.plan({ path: '/x', state: 'touch', ...explicit }, facts(file('/x', ''), { times: at({ mtime: '1704164645.250000000', atime: '1704164646.000000000' }, epochs) }));
    expect(changes.map((c) => c.summary)).toEqual(['modification time → 2024-01-02 03:04:05']);
    expect(commands(changes)).toEqual(['touch -m -d @1704164645 -- /x']);
    const converged = at({ mtime: '1704164645.000000000', atime: '1704164646.000000000' }, epochs);
    expect(fileModule.plan({ path: '/x', state: 'touch', ...explicit }, facts(file('/x', ''), { times: converged }))).toEqual([]);
    expect(fileModule.plan({ path: '/x', state: 'file', ...explicit }, facts(file('/x', ''), { times: converged }))).toEqual([]);
  });

  it("takes 'now' as a change every run, and leaves 'preserve' alone (touch's defaults are now)", () => {
    const times = at({ mtime: '1.000000000', atime: '1.000000000' }, {});
    expect(commands(fileModule.plan({ path: '/x', modification_time: 'now' }, facts(file('/x', ''), { times })))).toEqual(['touch -m -- /x']);
    expect(commands(fileModule.plan({ path: '/x', state: 'touch', access_time: 'preserve' }, facts(file('/x', ''), { times })))).toEqual(['touch -m -- /x']);
    expect(fileModule.plan({ path: '/x', state: 'touch', modification_time: 'preserve', access_time: 'preserve' }, facts(file('/x', '')))).toEqual([]);
    expect(fileModule.plan({ path: '/x', state: 'file' }, facts(file('/x', '')))).toEqual([]);
  });

  it('stamps a file or directory it creates; a new directory may only lack its last part', () => {
    const times = at(undefined, { mtime: '1704164645' });
    const created = fileModule.plan({ path: '/d', state: 'directory', modification_time: '202401020304.05' }, facts(absent('/d'), { times }));
    expect(commands(created)).toEqual([makeDirsCommand('/d', {}), 'touch -m -d @1704164645 -- /d']);
    // touch makes the file with the time of the run: 'now' needs no second stamp.
    expect(commands(fileModule.plan({ path: '/f', state: 'touch' }, facts(absent('/f'), { times: at(undefined, {}) })))).toEqual(['touch -- /f']);
    const deep = facts(absent('/a/b'), { times: at(undefined, { mtime: '1704164645' }, false) });
    expect(() => fileModule.plan({ path: '/a/b', state: 'directory', modification_time: '202401020304.05' }, deep)).toThrow('There was an issue creating /a/b as requested');
  });

  it('refuses a time that does not fit its format, and times on links; ignores them for absent', () => {
    expect(() => fileModule.plan({ path: '/x', modification_time: '2024-01-02' }, facts(file('/x', '')))).toThrow(
      "Error while obtaining timestamp for time 2024-01-02 using format %Y%m%d%H%M.%S: time data '2024-01-02' does not match format '%Y%m%d%H%M.%S'",
    );
    expect(() => fileModule.plan({ path: '/l', src: '/x', state: 'link', modification_time: 'now' }, facts(absent('/l'), { src: file('/x', '') }))).toThrow('supported with state=file, directory or touch');
    expect(fileModule.plan({ path: '/x', state: 'absent', modification_time: 'junk' }, facts(absent('/x')))).toEqual([]);
  });

  it('reads what the target printed', () => {
    const w = { mtime: { kind: 'at' as const, local: '2024-01-02 03:04:05' }, atime: { kind: 'now' as const } };
    expect(parseTimes('t=1704164645.5 1.000000000\np=1\nm=1704164645\n', w)).toEqual({ current: { mtime: '1704164645.5', atime: '1.000000000' }, epochs: { mtime: '1704164645' }, parentExists: true });
    expect(() => parseTimes('m=\n', w)).toThrow('the target cannot read 2024-01-02 03:04:05 as a local time');
  });
});
