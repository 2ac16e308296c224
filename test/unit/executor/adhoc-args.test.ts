import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { parseAdhocArgs, prepareAdhoc } from '../../../src/executor/adhoc.js';

describe('ad-hoc -a', () => {
  it('free-form modules keep their text as _raw_params, with k=v options taken out', () => {
    expect(parseAdhocArgs('ls -l /tmp chdir=/var', true)).toEqual({ _raw_params: 'ls -l /tmp', chdir: '/var' });
  });
  it('other modules take k=v pairs (quotes kept together) or a JSON mapping', () => {
    expect(parseAdhocArgs('path=/tmp/x state=touch owner="a b"', false)).toEqual({ path: '/tmp/x', state: 'touch', owner: 'a b' });
    expect(parseAdhocArgs('{"msg": "hi", "n": 2}', false)).toEqual({ msg: 'hi', n: 2 });
    expect(parseAdhocArgs(undefined, false)).toEqual({});
  });
  it('refuses words that are not k=v for a module without free form, and broken JSON', () => {
    expect(() => parseAdhocArgs('just words', false)).toThrow(ValidationError);
    expect(() => parseAdhocArgs('{"a": ', false)).toThrow(ValidationError);
  });
});

describe('ad-hoc -m', () => {
  it('stores the canonical module name, whichever name was given', () => {
    const moduleOf = (name: string) => prepareAdhoc({ pattern: 'all', module: name, args: 'msg=hi', inventorySources: ['web1,'] }).playbook.plays[0]!.tasks[0]!;
    for (const name of ['debug', 'ansible.builtin.debug', 'ansible.legacy.debug']) expect(moduleOf(name)).toMatchObject({ module: 'debug' });
  });
});
