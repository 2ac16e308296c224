// copy and template plans: content by checksum, attributes, backup, force, directories as dest.
import { describe, expect, it } from 'vitest';
import { copyModule, type FileCopyFacts as CopyFacts } from '../../../src/modules/files/copy.js';
import { templateModule } from '../../../src/modules/files/template.js';
import { absent, commands, dir, file, written } from './states.js';
import { makeDirsCommand } from '../../../src/modules/files/make-dirs.js';
import { planTree, treeRoot, type TreeFacts } from '../../../src/modules/files/copy-tree.js';

const copyFacts = (dest: CopyFacts['dest'], content: string, extra: Partial<CopyFacts> = {}): CopyFacts => ({
  dest,
  parent: dir('/etc'),
  content: Buffer.from(content),
  ...extra,
});

describe('copy', () => {
  it('creates a missing file with its mode', () => {
    const changes = copyModule.plan({ dest: '/etc/motd', content: 'hi\n', mode: '0640' }, copyFacts(absent('/etc/motd'), 'hi\n'));
    expect(changes.map((c) => c.summary)).toEqual(['create file (3 bytes), mode 0640']);
    expect(changes[0].ops).toEqual([{ kind: 'put', path: '/etc/motd', data: Buffer.from('hi\n'), mode: '0640', owner: undefined, group: undefined }]);
    expect(changes[0].diff).toEqual({ path: '/etc/motd', before: '', after: 'hi\n' });
  });

  it('is converged when checksum and attributes match', () => {
    expect(copyModule.plan({ dest: '/etc/motd', content: 'hi\n', mode: '0644', owner: 'root' }, copyFacts(file('/etc/motd', 'hi\n'), 'hi\n'))).toEqual([]);
  });

  it('replaces differing content in one write that also sets the attributes', () => {
    const changes = copyModule.plan({ dest: '/etc/motd', content: 'new\n', mode: '0600' }, copyFacts(file('/etc/motd', 'old\n'), 'new\n'));
    expect(changes).toHaveLength(1);
    expect(changes[0].summary).toMatch(/^content differs \(sha1 [0-9a-f]{10} → [0-9a-f]{10}\), mode 0644 → 0600$/);
    expect(written(changes)).toBe('new\n');
    expect(changes[0].diff).toEqual({ path: '/etc/motd', before: 'old\n', after: 'new\n' });
  });

  it('has no diff when the old content was not fetched (diff off or too big)', () => {
    const state = { ...file('/etc/motd', 'old\n'), content: undefined };
    expect(copyModule.plan({ dest: '/etc/motd', content: 'new\n' }, copyFacts(state, 'new\n'))[0].diff).toBeUndefined();
  });

  it('only changes attributes when the content is right', () => {
    const changes = copyModule.plan({ dest: '/etc/motd', content: 'hi\n', owner: 'app' }, copyFacts(file('/etc/motd', 'hi\n'), 'hi\n'));
    expect(changes.map((c) => c.summary)).toEqual(['owner root → app']);
  });

  it('force=false leaves an existing file alone', () => {
    expect(copyModule.plan({ dest: '/etc/motd', content: 'new', force: false }, copyFacts(file('/etc/motd', 'old'), 'new'))).toEqual([]);
  });

  it('backs up the old file first', () => {
    const ops = copyModule.plan({ dest: '/etc/motd', content: 'new', backup: true }, copyFacts(file('/etc/motd', 'old'), 'new'))[0].ops;
    expect(ops.map((o) => o.kind)).toEqual(['exec', 'put']);
    expect(ops[0]).toMatchObject({ resultKey: 'backup_file' });
  });

  it("creates a missing dest ending in '/' (directory_mode, owner) before copying src into it", () => {
    const facts = copyFacts(absent('/srv/new/'), 'x', { inside: absent('/srv/new/app.conf'), parent: dir('/srv') });
    const args = { dest: '/srv/new/', src: 'files/app.conf', owner: 'app', directory_mode: '0750' };
    const changes = copyModule.plan(args, facts);
    expect(changes).toHaveLength(1);
    expect(changes[0].summary).toBe('create directory /srv/new, create file (1 bytes)');
    expect(changes[0].ops).toMatchObject([
      { kind: 'exec', command: makeDirsCommand('/srv/new', { owner: 'app', mode: 0o750 }) },
      { kind: 'put', path: '/srv/new/app.conf', owner: 'app' },
    ]);
    expect(copyModule.result!(args, facts, changes)).toMatchObject({ dest: '/srv/new/app.conf' });
  });

  it("is converged when dest ending in '/' exists with the file in it", () => {
    const facts = copyFacts(dir('/srv/new/'), 'x', { inside: file('/srv/new/app.conf', 'x'), parent: dir('/srv') });
    expect(copyModule.plan({ dest: '/srv/new/', src: 'files/app.conf' }, facts)).toEqual([]);
  });

  it('copies src into an existing directory under its own name', () => {
    const facts = copyFacts(dir('/srv'), 'x', { inside: absent('/srv/app.conf'), parent: dir('/') });
    const changes = copyModule.plan({ dest: '/srv', src: 'files/app.conf' }, facts);
    expect(changes[0].ops[0]).toMatchObject({ kind: 'put', path: '/srv/app.conf' });
    expect(copyModule.result!({ dest: '/srv', src: 'files/app.conf' }, facts, changes)).toMatchObject({ dest: '/srv/app.conf', checksum: '11f6ad8ec52a2984abaafd7c3b516503785c2072', size: 1 });
  });

  it('mode=preserve takes the controller file\'s mode', () => {
    const changes = copyModule.plan({ dest: '/usr/local/bin/x', src: 'x', mode: 'preserve' }, copyFacts(absent('/usr/local/bin/x'), '#!/bin/sh\n', { parent: dir('/usr/local/bin'), srcMode: 0o755 }));
    expect(changes[0].ops[0]).toMatchObject({ mode: '0755' });
  });

  it('fails clearly when the destination directory is missing or content targets a directory', () => {
    expect(() => copyModule.plan({ dest: '/nope/x', content: 'a' }, copyFacts(absent('/nope/x'), 'a', { parent: absent('/nope') }))).toThrow('Destination directory /nope does not exist');
    expect(() => copyModule.plan({ dest: '/srv', content: 'a' }, copyFacts(dir('/srv'), 'a'))).toThrow('can not use content with a dir as dest');
  });
});

describe('copy of a directory tree', () => {
  const tree = (states: Record<string, ReturnType<typeof file>>): TreeFacts => ({
    root: '/etc/app',
    entries: [
      { path: '/etc/app', isDirectory: true, localMode: 0o755, state: states['/etc/app'] ?? absent('/etc/app') },
      { path: '/etc/app/a.conf', isDirectory: false, content: Buffer.from('a=1\n'), localMode: 0o600, state: states['/etc/app/a.conf'] ?? absent('/etc/app/a.conf') },
    ],
  });

  it('lands below dest/<name>, or in dest itself for name/', () => {
    expect(treeRoot('conf.d', '/etc')).toBe('/etc/conf.d');
    expect(treeRoot('conf.d/', '/etc/app')).toBe('/etc/app');
  });

  it('creates missing directories and files, then is converged', () => {
    const changes = planTree({ src: 'conf.d/', dest: '/etc/app', directory_mode: '0750', mode: 'preserve' }, tree({}));
    expect(changes.map((c) => c.summary)).toEqual(['create directory /etc/app', 'create file (4 bytes), mode 0600']);
    // The root and any missing parent of it get directory_mode, as each directory Ansible creates.
    expect(changes[0].ops).toEqual([{ kind: 'exec', command: makeDirsCommand('/etc/app', { mode: 0o750 }) }]);
    const converged = tree({ '/etc/app': dir('/etc/app'), '/etc/app/a.conf': file('/etc/app/a.conf', 'a=1\n', { mode: 0o600 }) });
    expect(planTree({ src: 'conf.d/', dest: '/etc/app', mode: 'preserve' }, converged)).toEqual([]);
  });

  it('brings existing subdirectories to owner, group and directory_mode, but leaves an existing root alone', () => {
    const facts: TreeFacts = {
      root: '/etc/app',
      entries: [
        { path: '/etc/app', isDirectory: true, localMode: 0o755, state: dir('/etc/app', { mode: 0o700 }) },
        { path: '/etc/app/sub', isDirectory: true, localMode: 0o755, state: dir('/etc/app/sub', { mode: 0o700 }) },
        { path: '/etc/app/new', isDirectory: true, localMode: 0o755, state: absent('/etc/app/new') },
      ],
    };
    const changes = planTree({ src: 'conf.d/', dest: '/etc/app', directory_mode: '0750', group: 'app' }, facts);
    expect(commands(changes)).toEqual([
      'chgrp -- app /etc/app/sub',
      'chmod 0750 -- /etc/app/sub',
      makeDirsCommand('/etc/app/new', { group: 'app', mode: 0o750 }),
    ]);
    // Without directory_mode an existing subdirectory keeps its mode.
    expect(planTree({ src: 'conf.d/', dest: '/etc/app' }, facts).map((c) => c.summary)).toEqual(['create directory /etc/app/new']);
  });

  it('copies nothing, not even the root, from an empty directory', () => {
    const empty: TreeFacts = { root: '/etc/app', entries: [{ path: '/etc/app', isDirectory: true, localMode: 0o755, state: absent('/etc/app') }] };
    expect(planTree({ src: 'empty/', dest: '/etc/app', directory_mode: '0750' }, empty)).toEqual([]);
  });

  it('refuses a file where a directory belongs', () => {
    expect(() => planTree({ src: 'conf.d/', dest: '/etc/app' }, tree({ '/etc/app': file('/etc/app', 'x') }))).toThrow('/etc/app exists and is not a directory');
  });
});

describe('template', () => {
  const facts = (dest: CopyFacts['dest'], rendered: string) => ({ dest, parent: dir('/etc'), rendered: Buffer.from(rendered), srcMode: 0o644 });

  it('writes the rendered text, and is converged once it is there', () => {
    const changes = templateModule.plan({ src: 'app.conf.j2', dest: '/etc/app.conf' }, facts(file('/etc/app.conf', 'port=80\n'), 'port=8080\n'));
    expect(written(changes)).toBe('port=8080\n');
    expect(changes[0].diff).toEqual({ path: '/etc/app.conf', before: 'port=80\n', after: 'port=8080\n' });
    expect(templateModule.plan({ src: 'app.conf.j2', dest: '/etc/app.conf' }, facts(file('/etc/app.conf', 'port=8080\n'), 'port=8080\n'))).toEqual([]);
  });

  it('validates before replacing', () => {
    const ops = templateModule.plan({ src: 's.j2', dest: '/etc/app.conf', validate: 'app --check %s' }, facts(file('/etc/app.conf', 'a'), 'b'))[0].ops;
    expect(ops[1]).toMatchObject({ kind: 'exec' });
    expect(ops[1].kind === 'exec' && ops[1].command).toContain('app --check /etc/.app.conf.ha-run-validate');
  });
});
