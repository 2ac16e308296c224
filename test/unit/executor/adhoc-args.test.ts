import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { parseAdhocArgs, prepareAdhoc } from '../../../src/executor/adhoc.js';

const COMMAND = { freeForm: true, commandLine: true };
const NOT_FREE_FORM = {};

describe('ad-hoc -a', () => {
  it('free-form modules keep their text as _raw_params, with k=v options taken out', () => {
    expect(parseAdhocArgs('ls -l /tmp chdir=/var', COMMAND)).toEqual({ _raw_params: 'ls -l /tmp', chdir: '/var' });
  });
  it('keeps the lines of a multi-line command, trailing newline included, and decodes escapes in k=v values', () => {
    // As `ansible -m shell -a $'echo one\nif true; then echo two; fi\n'` and `-m copy -a 'content="a\nb\u00e9" dest=/f'`.
    expect(parseAdhocArgs('echo one\nif true; then echo two; fi\n', COMMAND)).toEqual({ _raw_params: 'echo one\nif true; then echo two; fi\n' });
    expect(parseAdhocArgs('content="a\\nb\\u00e9" dest=/f', NOT_FREE_FORM)).toEqual({ content: 'a\nbé', dest: '/f' });
  });
  it('other modules take k=v pairs (quotes kept together) or a JSON mapping', () => {
    expect(parseAdhocArgs('path=/tmp/x state=touch owner="a b"', NOT_FREE_FORM)).toEqual({ path: '/tmp/x', state: 'touch', owner: 'a b' });
    expect(parseAdhocArgs('{"msg": "hi", "n": 2}', NOT_FREE_FORM)).toEqual({ msg: 'hi', n: 2 });
    expect(parseAdhocArgs(undefined, NOT_FREE_FORM)).toEqual({});
  });
  it('refuses words that are not k=v for a module without free form, and broken JSON', () => {
    expect(() => parseAdhocArgs('just words', NOT_FREE_FORM)).toThrow(ValidationError);
    expect(() => parseAdhocArgs('{"a": ', NOT_FREE_FORM)).toThrow(ValidationError);
  });
});

describe('ad-hoc -m', () => {
  it('stores the canonical module name, whichever name was given', () => {
    const moduleOf = (name: string) => prepareAdhoc({ pattern: 'all', module: name, args: 'msg=hi', inventorySources: ['web1,'] }).playbook.plays[0]!.tasks[0]!;
    for (const name of ['debug', 'ansible.builtin.debug', 'ansible.legacy.debug']) expect(moduleOf(name)).toMatchObject({ module: 'debug' });
  });
});
