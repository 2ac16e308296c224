import { describe, expect, it } from 'vitest';
import { parseKv, splitArgs } from '../../../src/playbook/parse-kv.js';

describe('parseKv (Ansible parse_kv)', () => {
  it.each([
    ['src=a dest=b mode=0644', false, { src: 'a', dest: 'b', mode: '0644' }],
    ['dest="/tmp/a b" content=\'x y\'', false, { dest: '/tmp/a b', content: 'x y' }],
    ['msg={{ a | default("x y") }}', false, { msg: '{{ a | default("x y") }}' }],
    ['ls -l chdir=/tmp', true, { _raw_params: 'ls -l', chdir: '/tmp' }],
    ['echo a=b creates=/x', true, { _raw_params: 'echo a=b', creates: '/x' }],
    ['echo "hello world" removes=/y', true, { _raw_params: 'echo "hello world"', removes: '/y' }],
    ['echo a\\=b', false, { _raw_params: 'echo a=b' }],
    ['=x', false, { _raw_params: '=x' }],
    ['', true, {}],
  ])('%j (free form: %s)', (text, freeForm, args) => {
    expect(parseKv(text, freeForm)).toEqual({ args });
  });

  it('keeps Jinja2 blocks with spaces as one token', () => {
    expect(splitArgs('a={{ x }} b={% if y %}1{% endif %} c').tokens).toEqual(['a={{ x }}', 'b={% if y %}1{% endif %}', 'c']);
  });

  it('reports unbalanced quotes and unclosed blocks', () => {
    expect(parseKv('echo "hi', true).error).toMatch(/unbalanced quote/);
    expect(parseKv('msg={{ x', false).error).toMatch(/unclosed Jinja2 block/);
  });
});
