import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FrameSplitter, commandPrologue, frameCommand, newSentinel } from '../../../src/connection/framing.js';
import { environmentLine } from '../../../src/connection/env-on-stdin.js';
import { HaRunError } from '../../../src/errors.js';

const S = '__HA_RUN_0123456789abcdef0123456789abcdef_';

describe('FrameSplitter', () => {
  it('cuts a frame at the sentinel and reads the exit status', () => {
    const f = new FrameSplitter(S);
    expect(f.push(Buffer.from('hello\n'))).toBeUndefined();
    const frame = f.push(Buffer.from(`world${S}042\n`));
    expect(frame?.body.toString()).toBe('hello\nworld');
    expect(frame?.rc).toBe(42);
  });

  it('finds a sentinel split across chunks, even fed one byte at a time', () => {
    const f = new FrameSplitter(S);
    const bytes = Buffer.from(`abc${S}001\n`);
    let frame;
    for (let i = 0; i < bytes.length; i++) {
      frame = f.push(bytes.subarray(i, i + 1));
      if (i < bytes.length - 1) expect(frame).toBeUndefined();
    }
    expect(frame).toEqual({ body: Buffer.from('abc'), rc: 1 });
  });

  it('waits for the status digits and newline after the sentinel', () => {
    const f = new FrameSplitter(S);
    expect(f.push(Buffer.from(`x${S}1`))).toBeUndefined();
    expect(f.push(Buffer.from('2'))).toBeUndefined();
    expect(f.push(Buffer.from('7\n'))?.rc).toBe(127);
  });

  it('keeps binary bytes (NUL, invalid UTF-8, partial sentinels) in the body', () => {
    const f = new FrameSplitter(S);
    const binary = Buffer.from([0, 255, 254, 10, 13, 0x5f, 0x5f, 0x48]);
    const partial = Buffer.from(S.slice(0, 20));
    const frame = f.push(Buffer.concat([binary, partial, Buffer.from(`${S}000\n`)]));
    expect(frame?.body.equals(Buffer.concat([binary, partial]))).toBe(true);
  });

  it('carries bytes after a frame over to the next sentinel', () => {
    const f = new FrameSplitter(S);
    const next = newSentinel();
    expect(f.push(Buffer.from(`one${S}000\ntw`))?.body.toString()).toBe('one');
    f.expect(next);
    expect(f.push(Buffer.from(`o${next}003\n`))).toEqual({ body: Buffer.from('two'), rc: 3 });
  });

  it('handles a megabyte body in many chunks', () => {
    const f = new FrameSplitter(S);
    const chunk = Buffer.alloc(16 * 1024, 'a');
    for (let i = 0; i < 64; i++) expect(f.push(chunk)).toBeUndefined();
    const frame = f.push(Buffer.from(`${S}000\n`));
    expect(frame?.body.length).toBe(64 * 16 * 1024);
  });

  it('reports a garbled status as -1 rather than guessing', () => {
    expect(new FrameSplitter(S).push(Buffer.from(`${S}ab\n\n`))?.rc).toBe(-1);
  });
});

describe('frameCommand', () => {
  /** Runs framed text through a real /bin/sh and splits its output like the session does. */
  function run(text: string, sentinel: string): { out: string; rc: number } {
    const result = execFileSync('/bin/sh', ['-c', `${text}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    const frame = new FrameSplitter(sentinel).push(result);
    return { out: frame!.body.toString(), rc: frame!.rc };
  }

  it('runs the command in a subshell, then prints the sentinel and exit status', () => {
    const s = newSentinel();
    expect(run(frameCommand({ command: 'echo hi; exit 7' }, s), s)).toMatchObject({ out: 'hi\n', rc: 7 });
  });

  it('feeds stdin through a base64 here-document, byte for byte', () => {
    const s = newSentinel();
    const data = Buffer.from([0, 1, 2, 255, 10, 39, 34, 36, 40]);
    const text = frameCommand({ command: 'od -An -tx1 | tr -d " \\n"', stdin: data }, s);
    expect(run(text, s).out).toBe(data.toString('hex'));
  });

  it('applies cwd and env; env values travel on stdin, never in the command text (argv of sh -c / sudo)', () => {
    const s = newSentinel();
    const value = "it's $(x) env-secret";
    const command = commandPrologue({ command: 'pwd; printf "%s|" "$V"; cat', cwd: '/tmp', envOnStdin: true });
    expect(command).not.toContain('env-secret');
    const text = frameCommand({ command, stdin: Buffer.concat([environmentLine({ V: value, W: '' }), Buffer.from('rest of stdin')]) }, s);
    expect(text).not.toContain('env-secret');
    expect(run(text, s).out).toBe(`/tmp\n${value}|rest of stdin`);
  });

  it('gives the command its own process: $$ and kill $$ are the command\'s, not the session\'s', () => {
    const s = newSentinel();
    const text = `echo $$; ${frameCommand({ command: 'echo $$; kill -9 $$' }, s)}`;
    const out = execFileSync('/bin/sh', ['-c', text]).toString();
    const [session, command] = out.split('\n');
    expect(command).not.toBe(session);
    expect(new FrameSplitter(s).push(Buffer.from(out.slice(out.indexOf('\n') + 1)))?.rc).toBe(137);
  });

  it('runs ha-run\'s own scripts in a subshell: exit, cd, variables and syntax errors stay inside it', () => {
    const [a, b, c] = [newSentinel(), newSentinel(), newSentinel()];
    const text = [
      frameCommand({ command: 'x=leaked; cd /tmp; echo in; exit 4', cwd: '/', ownScript: true }, a),
      frameCommand({ command: 'if then', ownScript: true }, b),
      frameCommand({ command: 'echo "x=$x"; pwd', ownScript: true }, c),
    ].join('');
    expect(text).not.toContain('sh -c');
    const out = execFileSync('/bin/sh', ['-c', text], { stdio: ['ignore', 'pipe', 'ignore'] });
    const splitter = new FrameSplitter(a);
    expect(splitter.push(out)).toMatchObject({ body: Buffer.from('in\n'), rc: 4 });
    splitter.expect(b);
    expect(splitter.push(Buffer.alloc(0))?.rc).toBe(2);
    splitter.expect(c);
    expect(splitter.push(Buffer.alloc(0))?.body.toString()).toBe(`x=\n${process.cwd()}\n`);
  });

  it('keeps a syntax error inside the command instead of eating the following input', () => {
    const s = newSentinel();
    const text = frameCommand({ command: 'echo "unterminated' }, s);
    expect(run(text, s).rc).toBe(2);
  });

  it('refuses environment names that are not shell identifiers', () => {
    expect(() => environmentLine({ 'A;B': '1' })).toThrow(HaRunError);
  });
});
