// file module plans: (args, what is on the target) → changes, always with the converged case.
import { describe, expect, it } from 'vitest';
import { fileModule, parseTree, type FileFacts } from '../../../src/modules/file.js';
import { makeDirsCommand } from '../../../src/modules/make-dirs.js';
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
    expect(commands(changes)).toEqual(['chown app -- /srv', 'chgrp app -- /srv', 'chmod 0700 -- /srv']);
  });

  it('refuses to turn a file into a directory', () => {
    expect(() => fileModule.plan({ path: '/srv', state: 'directory' }, facts(file('/srv', 'x')))).toThrow('/srv already exists as a file');
  });

  it('with recurse, counts entries below that differ and fixes them with -R', () => {
    const tree = parseTree('644|0|0|root|root|regular file|/srv/a\n755|1000|1000|app|app|directory|/srv/d\n600|0|0|root|root|regular file|/srv/d/x|y\n');
    expect(tree[2].path).toBe('/srv/d/x|y');
    const changes = fileModule.plan({ path: '/srv', state: 'directory', recurse: true, owner: 'app', mode: 'u=rwX,g=rX,o=' }, facts(dir('/srv', { owner: 'app', uid: 1000, mode: 0o750 }), { tree }));
    expect(changes.map((c) => c.summary)).toEqual(['owner of 2 entries below → app', 'mode of 3 entries below → u=rwX,g=rX,o=']);
    expect(commands(changes)).toEqual(["chown -R app -- /srv", "chmod -R 'u=rwX,g=rX,o=' -- /srv"]);
    const converged = parseTree('640|1000|1000|app|app|regular file|/srv/a\n750|1000|1000|app|app|directory|/srv/d\n');
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
