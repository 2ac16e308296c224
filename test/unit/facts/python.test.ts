// The python facts from the `python` section of the facts script: what the host's interpreter says of
// itself, in the shape Ansible's setup reports; nothing when the host has no interpreter.
import { describe, expect, it } from 'vitest';
import { pythonFacts } from '../../../src/facts/python.js';

const section = (...lines: string[]) => ({ python: lines.join('\n') + '\n' });

describe('python facts', () => {
  it('describes the interpreter as Ansible does', () => {
    expect(pythonFacts(section('/usr/bin/python3', '3.11.2', 'final', '0', 'cpython', 'True'))).toEqual({
      python: {
        version: { major: 3, minor: 11, micro: 2, releaselevel: 'final', serial: 0 },
        version_info: [3, 11, 2, 'final', 0],
        executable: '/usr/bin/python3',
        has_sslcontext: true,
        type: 'cpython',
      },
      python_version: '3.11.2',
    });
  });

  it('reports a release candidate and another implementation as they are', () => {
    const facts = pythonFacts(section('/opt/pypy/bin/python3', '3.10.14', 'candidate', '2', 'pypy', 'False')) as { python: Record<string, unknown> };
    expect(facts.python).toMatchObject({ type: 'pypy', has_sslcontext: false, version_info: [3, 10, 14, 'candidate', 2] });
  });

  it('has nothing to say without an interpreter, or with output it cannot read', () => {
    expect(pythonFacts({})).toEqual({});
    expect(pythonFacts(section('/usr/bin/python3', 'not-a-version'))).toEqual({});
  });
});
