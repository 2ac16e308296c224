import { createHash } from 'node:crypto';
// Pure helpers of the modules: command-line splitting, Python regex bridging, globs, probes,
// wait_for's condition, fetch's layout, stat's dictionary, command timing formats.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shlexSplit } from '../../../src/util/shlex.js';
import { expandMatch, pythonRegex, pythonSearch, splitLinesKeepEnds } from '../../../src/modules/py-regex.js';
import { delta, globWord, stripEnds } from '../../../src/modules/commands/command-run.js';
import { fileState, parseProbe, probeFiles } from '../../../src/modules/files/file-probe.js';
import { replayConnection, type ReplayConnection } from '../../kit/replay-connection.js';
import { waitCondition, waitScript } from '../../../src/modules/net/wait-for.js';
import { fetchDestination } from '../../../src/modules/files/fetch.js';
import { mimeFields, mimeScript, statResult } from '../../../src/modules/files/stat.js';
import { file } from './states.js';

describe('shlexSplit (Python shlex.split)', () => {
  it.each([
    ['ls -l /tmp', ['ls', '-l', '/tmp']],
    [`echo "a b" 'c d' e\\ f`, ['echo', 'a b', 'c d', 'e f']],
    [`echo "say \\"hi\\"" '$HOME'`, ['echo', 'say "hi"', '$HOME']],
    [`a""b ''`, ['ab', '']],
    ['  spaced   out  ', ['spaced', 'out']],
    // Unlike sh, Python's shlex keeps a backslash before $ and ` inside double quotes.
    ['echo "\\$HOME \\`x\\` \\\\ \\"q\\""', ['echo', '\\$HOME \\`x\\` \\ "q"']],
  ])('%s', (line, words) => {
    expect(shlexSplit(line)).toEqual(words);
  });

  it('rejects unclosed quotes', () => {
    expect(() => shlexSplit('echo "oops')).toThrow('unclosed " quote');
  });
});

describe('Python regular expressions', () => {
  it('accepts (?P<name>) groups and expands \\g<name>, \\1 and escapes', () => {
    const m = pythonRegex('(?P<k>\\w+)=(\\d+)').exec('port=80')!;
    expect(expandMatch('\\g<k>: \\2\\t\\g<1>', m)).toBe('port: 80\tport');
  });

  it('turns leading inline flags into JavaScript flags', () => {
    expect(pythonRegex('(?i)^HOST').test('host=x')).toBe(true);
  });

  it("reads anchors as Python's re: $ also before a final newline, \\A and \\Z only at the very ends", () => {
    expect(pythonSearch(pythonRegex('OK$'), 'a OK\nb OK\n')).toBe(true);
    expect(pythonSearch(pythonRegex('KO$'), 'a KO\nb OK\n')).toBe(false);
    expect(pythonSearch(pythonRegex('OK\n$'), 'a OK\n')).toBe(true);
    expect(pythonRegex('(?m)KO$').test('a KO\nb OK\n')).toBe(true);
    expect(pythonRegex('OK\\Z').test('a OK\n')).toBe(false);
    expect(pythonRegex('(?m)\\Ab').test('a\nb')).toBe(false);
    expect(pythonRegex('[$]x').test('$x')).toBe(true);
    expect(pythonRegex('[]$]$').test('a$')).toBe(true);
    expect(pythonRegex('\\$').test('cost $')).toBe(true);
  });

  it('keeps line endings like readlines()', () => {
    expect(splitLinesKeepEnds('a\nb\n')).toEqual(['a\n', 'b\n']);
    expect(splitLinesKeepEnds('a\nb')).toEqual(['a\n', 'b']);
    expect(splitLinesKeepEnds('')).toEqual([]);
  });
});

describe('command helpers', () => {
  it('quotes everything in a glob except the wildcards', () => {
    expect(globWord('/var/log/my app/*.log')).toBe("'/var/log/my app/'*.log");
    expect(globWord("/tmp/it's")).toBe(`'/tmp/it'\\''s'`);
  });

  it('formats delta like Ansible and strips only trailing newlines', () => {
    expect(delta(1234)).toBe('0:00:01.234000');
    expect(delta(3_725_500)).toBe('1:02:05.500000');
    expect(stripEnds('a \n\n')).toBe('a ');
  });
});

describe('file probe', () => {
  it('is one fact call per path, and parses its answer', () => {
    expect(fileState.script({ path: "/etc/it's", checksum: true, contentUpTo: 100 })).toBe(`haprobe '/etc/it'\\''s' 1 100 0`);
    expect(fileState.prelude).not.toMatch(/\$'|\[\[|\/dev\/tcp/);
    const out = [
      'type=file',
      'stat=640|0|4|root|adm|6|1700000000|1700000001|1700000002|42|1|2049|regular file',
      'access=rw',
      'sha1=2aae6c35c94fcfb415dbe95f408b9ce91ee846ed',
      '@@content',
      Buffer.from('hello\n').toString('base64'),
      '@@end',
    ].join('\n');
    const a = parseProbe('/etc/x', out);
    expect(a).toMatchObject({ type: 'file', exists: true, mode: 0o640, owner: 'root', group: 'adm', gid: 4, size: 6, inode: 42, readable: true, writeable: true, executable: false });
    expect(a.content?.toString()).toBe('hello\n');
    expect(parseProbe('/missing', 'type=absent\n')).toEqual({ path: '/missing', type: 'absent', exists: false });
    const followed = parseProbe('/etc/l', `type=file\nresolved=${Buffer.from('/etc/real\n').toString('base64')}\n`);
    expect(followed).toMatchObject({ path: '/etc/l', resolved: '/etc/real', type: 'file' });
  });
});

describe('file probe, run for real with /bin/sh and coreutils', () => {
  let conn: ReplayConnection | undefined;
  afterEach(() => conn?.close());

  it('computes the sha1 of fetched content itself, asks sha1sum only for files larger than the limit', async () => {
    const top = mkdtempSync(join(tmpdir(), 'ha-run-probe-'));
    try {
      writeFileSync(join(top, 'small'), 'hello\n');
      writeFileSync(join(top, 'big'), 'x'.repeat(100));
      conn = replayConnection({});
      const [small, big] = await probeFiles(conn, [
        { path: join(top, 'small'), checksum: true, contentUpTo: 50 },
        { path: join(top, 'big'), checksum: true, contentUpTo: 50 },
      ]);
      expect(conn.calls).toHaveLength(1);
      expect(small).toMatchObject({ size: 6, sha1: createHash('sha1').update('hello\n').digest('hex') });
      expect(small!.content?.toString()).toBe('hello\n');
      expect(big).toMatchObject({ size: 100, sha1: createHash('sha1').update('x'.repeat(100)).digest('hex') });
      expect(big!.content).toBeUndefined();
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });

  it('reads every path of a round trip with one stat and one sha1sum, answering as each path alone does', async () => {
    const top = mkdtempSync(join(tmpdir(), 'ha-run-probe-'));
    try {
      const names = ['plain', 'with space', 'new\nline', 'back\\slash', "quote'it", '$(id)', '-dash'];
      for (const n of names) writeFileSync(join(top, n), `content of ${n}\n`);
      symlinkSync('plain', join(top, 'link'));
      symlinkSync('nowhere', join(top, 'dangling'));
      mkdirSync(join(top, 'dir'));
      const requests = [
        ...names.map((n) => ({ path: join(top, n), checksum: true })),
        { path: join(top, 'link'), checksum: true },
        { path: join(top, 'link'), checksum: true, follow: true },
        { path: join(top, 'dangling'), checksum: true },
        { path: join(top, 'dir') },
        { path: join(top, 'missing'), checksum: true },
        { path: join(top, 'plain'), checksum: true, contentUpTo: 1000 },
      ];
      // Real tools behind wrappers that count their calls.
      const bin = join(top, '.bin');
      mkdirSync(bin);
      const log = join(top, '.calls');
      for (const tool of ['stat', 'sha1sum']) {
        writeFileSync(join(bin, tool), `#!/bin/sh\necho ${tool} >> '${log}'\nexec /usr/bin/${tool} "$@"\n`, { mode: 0o755 });
      }
      const run = async (batch: typeof requests) => {
        writeFileSync(log, '');
        conn = replayConnection({});
        const env = { PATH: `${bin}:/usr/bin:/bin` };
        const answers = await probeFiles({ ...conn, exec: (command) => new Promise((done) => {
          const out = execFileSync('/bin/sh', ['-c', command], { env, encoding: 'buffer' });
          done({ rc: 0, stdout: out.toString(), stderr: '', stdoutBytes: out });
        }) }, batch);
        const calls = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
        return { answers, calls };
      };
      const together = await run(requests);
      const alone = await Promise.all(requests.map(async (r) => (await run([r])).answers[0]));
      expect(together.answers).toEqual(alone);
      expect(together.answers[2]).toMatchObject({ type: 'file', sha1: createHash('sha1').update('content of new\nline\n').digest('hex') });
      expect(together.answers[names.length + 1]).toMatchObject({ type: 'file', resolved: join(top, 'plain') });
      // One stat and one sha1sum for all; the followed link is read on its own (what was read is the link).
      expect(together.calls.filter((c) => c === 'stat')).toHaveLength(2);
      expect(together.calls.filter((c) => c === 'sha1sum')).toHaveLength(2);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });

  it('a link target with a newline cannot add lines of its own (a hostile target cannot fake a state)', async () => {
    const top = mkdtempSync(join(tmpdir(), 'ha-run-probe-'));
    try {
      const target = 'x\ntype=absent\nsha1=0000';
      symlinkSync(target, join(top, 'link'));
      conn = replayConnection({});
      const [link] = await probeFiles(conn, [{ path: join(top, 'link'), checksum: true }]);
      expect(link).toMatchObject({ type: 'link', exists: true, target });
      expect(link!.sha1).toBeUndefined();
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });
});

describe('wait_for', () => {
  it('checks local ports in /proc/net/tcp{,6} by hex port and state, never /dev/tcp', () => {
    const cond = waitCondition({ port: 8080 });
    expect(cond).toContain('/proc/net/tcp /proc/net/tcp6');
    expect(cond).toContain('*:1F90)');
    expect(cond).toContain('0A)');
    expect(waitCondition({ port: 8080, state: 'stopped' }).startsWith('! ')).toBe(true);
    expect(waitCondition({ port: 22, state: 'drained' })).toContain('01|02');
    expect(waitScript({ port: 80, host: '10.0.0.5' })).toContain("nc -z -w 5 10.0.0.5 80");
    expect(waitScript({ path: '/tmp/x' })).not.toMatch(/\/dev\/tcp|\[\[/);
    expect(() => waitCondition({ port: 80, host: 'db1', state: 'drained' })).toThrow('state=drained looks at this host');
  });

  it('waits for files and text in them', () => {
    expect(waitCondition({ path: '/run/app.pid' })).toBe('[ -e /run/app.pid ]');
    expect(waitCondition({ path: '/run/app.pid', state: 'absent' })).toBe('[ ! -e /run/app.pid ]');
    expect(waitCondition({ path: '/var/log/x', search_regex: 'ready|up' })).toBe("grep -Eq -- 'ready|up' /var/log/x 2>/dev/null");
  });
});

describe('fetch layout', () => {
  it('puts files under dest/host/path unless flat', () => {
    expect(fetchDestination('node1', '/etc/hosts', 'out', false)).toBe('out/node1/etc/hosts');
    expect(fetchDestination('node1', '/etc/hosts', 'out/', true)).toBe('out/hosts');
    expect(fetchDestination('node1', '/etc/hosts', 'out/h.txt', true)).toBe('out/h.txt');
  });
});

describe('stat result', () => {
  it('uses Ansible\'s keys', () => {
    const s = statResult(file('/x', 'a', { mode: 0o4755, readable: true }), 'abc');
    expect(s).toMatchObject({ exists: true, isreg: true, isdir: false, mode: '4755', pw_name: 'root', xusr: true, woth: false, isuid: true, checksum: 'abc', readable: true });
    expect(statResult({ path: '/y', type: 'absent', exists: false }, undefined)).toEqual({ exists: false });
  });

  it("reads mimetype and charset from `file`, 'unknown' when it says nothing usable", () => {
    const out = execFileSync('/bin/sh', ['-c', mimeScript('/etc')], { encoding: 'utf8' });
    expect(mimeFields(out)).toEqual({ mimetype: 'inode/directory', charset: 'binary' });
    expect(mimeFields('/a:b c: text/plain; charset=utf-8\n')).toEqual({ mimetype: 'text/plain', charset: 'utf-8' });
    expect(mimeFields('')).toEqual({ mimetype: 'unknown', charset: 'unknown' });
  });

  it('of a relative symlink: lnk_source is the resolved absolute path (realpath), lnk_target the link as written', async () => {
    // The probe runs for real with /bin/sh and coreutils in a temporary directory.
    const top = realpathSync(mkdtempSync(join(tmpdir(), 'ha-run-stat-')));
    try {
      writeFileSync(join(top, 'f'), 'x');
      mkdirSync(join(top, 'sub'));
      symlinkSync('../f', join(top, 'sub', 'l'));
      const conn = replayConnection({});
      const [state] = await probeFiles(conn, [{ path: join(top, 'sub', 'l') }]);
      await conn.close();
      const s = statResult(state!, undefined);
      expect(s).toMatchObject({ islnk: true, lnk_source: join(top, 'f'), lnk_target: '../f' });
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });
});
