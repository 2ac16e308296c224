import { describe, expect, it } from 'vitest';
import { adhocBlock } from '../../../src/output/adhoc.js';
import type { HostResultEvent } from '../../../src/output/events.js';
import { findModule } from '../../../src/modules/registry.js';

const ev = (module: string, e: Partial<HostResultEvent>): HostResultEvent => ({
  host: 'node1',
  // The output form comes from the module's declared trait, as the executor passes it on.
  task: { name: module, module, output: findModule(module)?.output, handler: false },
  status: 'ok',
  durationMs: 1,
  result: {},
  ...e,
});

describe('ad-hoc output (ansible minimal callback)', () => {
  it('command-like modules: state, rc and their output', () => {
    expect(adhocBlock(ev('command', { status: 'changed', result: { rc: 0, stdout: 'hi\n', stderr: '' } }))).toBe('node1 | CHANGED | rc=0 >>\nhi');
    expect(adhocBlock(ev('shell', { status: 'failed', result: { rc: 2, stdout: '', stderr: 'no such file', msg: 'non-zero return code' } }))).toBe(
      'node1 | FAILED | rc=2 >>\nno such file\nnon-zero return code',
    );
  });
  it('other modules: the result as indented JSON; debug without changed', () => {
    expect(adhocBlock(ev('file', { result: { changed: false, path: '/tmp' } }))).toBe('node1 | SUCCESS => {\n    "changed": false,\n    "path": "/tmp"\n}');
    expect(adhocBlock(ev('debug', { result: { changed: false, msg: 'x' } }))).toBe('node1 | SUCCESS => {\n    "msg": "x"\n}');
    expect(adhocBlock(ev('copy', { status: 'failed', result: { msg: 'boom' } }))).toBe('node1 | FAILED! => {\n    "msg": "boom"\n}');
  });
});
