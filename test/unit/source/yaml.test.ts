import { describe, expect, it } from 'vitest';
import { parseYaml, parseYamlBytes } from '../../../src/source/yaml.js';
import { codeFrame } from '../../../src/source/frame.js';

describe('parseYaml', () => {
  it('reads YAML 1.1 like Ansible: octal modes and yes/no booleans', () => {
    const y = parseYaml('mode: 0644\nenabled: yes\n', 'f.yml');
    expect(y.diagnostics).toEqual([]);
    expect(y.value).toEqual({ mode: 420, enabled: true });
  });

  it('locates values and keys by path', () => {
    const y = parseYaml('all:\n  hosts:\n    web1:\n      ansible_port: 2222\n', 'inv.yml');
    expect(y.locate(['all', 'hosts', 'web1', 'ansible_port'])).toEqual({ file: 'inv.yml', line: 4, col: 21 });
    expect(y.locate(['all', 'hosts', 'web1', 'ansible_port'], { key: true })).toEqual({ file: 'inv.yml', line: 4, col: 7 });
    // A path that goes nowhere falls back to the nearest node that exists.
    expect(y.locate(['all', 'hosts', 'nope'])).toEqual({ file: 'inv.yml', line: 3, col: 5 });
  });

  it.each([
    ['a:\n\tb: 1\n', 'yaml-tab', 2],
    ['a: 1\nb: 2\na: 3\n', 'duplicate-key', 3],
    ['a: [1, 2\nb: 3', 'yaml-syntax', 2],
    ['a: 1\n---\nb: 2\n', 'yaml-multiple-documents', 2],
    ['x: ' + '['.repeat(100_000) + ']'.repeat(100_000), 'yaml-too-deep', 1],
  ])('reports %j as %s on line %i', (text, code, line) => {
    const y = parseYaml(text, 'f.yml');
    expect(y.diagnostics[0]).toMatchObject({ code, location: { file: 'f.yml', line } });
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [n, p] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) {
      rows.push(`${n}: &${n} [${Array(9).fill('*' + p).join(',')}]`);
    }
    const y = parseYaml(rows.join('\n') + '\n', 'bomb.yml');
    expect(y.diagnostics[0]?.code).toBe('yaml-alias-bomb');
  });

  it('reports an undefined alias by name at the alias itself (anchors count only before it)', () => {
    const y = parseYaml('base: &base { a: 1 }\nuse: *base\nlater: *after\nafter: &after 2\n', 'f.yml');
    expect(y.value).toBeUndefined();
    expect(y.diagnostics).toHaveLength(1);
    expect(y.diagnostics[0]).toMatchObject({ code: 'yaml-undefined-alias', location: { file: 'f.yml', line: 3, col: 8 } });
    expect(y.diagnostics[0]!.message).toContain("'*after'");
  });

  it('without a vault password, refuses `!vault` values at their tag, and a vault-encrypted file, instead of using the ciphertext', () => {
    const y = parseYaml('db:\n  user: app\n  password: !vault |\n    $ANSIBLE_VAULT;1.1;AES256\n    3132\nlist: [a, !vault "x"]\n', 'vars.yml');
    expect(y.diagnostics.map((d) => [d.code, d.location?.line, d.location?.col])).toEqual([
      ['vault-value', 3, 13],
      ['vault-value', 6, 11],
    ]);
    expect(y.diagnostics[0]!.message).toBe('`!vault` value: no vault password was given to decrypt it');
    expect(y.diagnostics[0]!.hint).toContain('--vault-password-file');
    const file = parseYaml('$ANSIBLE_VAULT;1.1;AES256\n61626364\n', 'secrets.yml');
    expect(file.value).toBeUndefined();
    expect(file.diagnostics).toMatchObject([{ code: 'vault-file', location: { file: 'secrets.yml', line: 1, col: 1 } }]);
  });

  it('points at the first invalid UTF-8 byte', () => {
    const y = parseYamlBytes(Buffer.concat([Buffer.from('a: 1\nb: "x'), Buffer.from([0xff]), Buffer.from('"\n')]), 'f.yml');
    expect(y.diagnostics[0]).toMatchObject({ code: 'invalid-utf8', location: { line: 2, col: 6 } });
  });
});

describe('codeFrame', () => {
  it('shows context lines and a caret under the column', () => {
    expect(codeFrame('one\ntwo\nthree\n', 2, 2)).toBe(['  1 | one', '> 2 | two', '    |  ^', '  3 | three'].join('\n'));
  });
});

describe('codeFrame on hostile lines', () => {
  it('clips a very long line around the column and keeps the caret under it', () => {
    const long = 'x'.repeat(5000) + 'ERR' + 'y'.repeat(5000);
    const frame = codeFrame(long, 1, 5001);
    const [shown, caret] = frame.split('\n');
    expect(shown!.length).toBeLessThan(200);
    expect(shown!.indexOf('ERR')).toBe(caret!.indexOf('^'));
  });

  it('never prints control bytes', () => {
    expect(codeFrame('a: "\x1b[31mred"', 1, 1)).not.toContain('\x1b');
  });
});

describe('a file with thousands of syntax errors (found by the fuzz test)', () => {
  it('reports the first 50 and a count of the rest, and their frames print quickly', () => {
    // 3000 keys each indented one more than the last, after a list: every line is an error.
    const lines = Array.from({ length: 3000 }, (_, i) => ' '.repeat(i + 1) + `k${i}:`);
    const text = '- debug: msg=hi\nnested:\n' + lines.join('\n') + ' x\n';
    const y = parseYaml(text, 'deep.yml');
    expect(y.diagnostics).toHaveLength(51);
    expect(y.diagnostics[50]!.message).toMatch(/^\d+ more YAML syntax errors in this file not shown/);
    const start = process.cpuUsage();
    for (const d of y.diagnostics) codeFrame(text, d.location!.line, d.location!.col);
    expect(process.cpuUsage(start).user / 1000).toBeLessThan(2_000);
  });
});
