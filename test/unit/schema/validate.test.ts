import { describe, expect, it } from 'vitest';
import { validateAgainstSchema } from '../../../src/schema/validate.js';
import { coerceToSchema } from '../../../src/schema/coerce.js';
import { PyFloat } from '../../../src/template/py-float.js';
import { parseYaml } from '../../../src/source/yaml.js';
import { closest } from '../../../src/util/did-you-mean.js';
import { atMostOne, requiredOneOf } from '../../../src/modules/schema-rules.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['dest'],
  properties: {
    dest: { type: 'string' },
    mode: { type: ['string', 'integer'] },
    force: { type: 'boolean' },
    state: { enum: ['file', 'directory', 'absent'] },
    lines: { type: 'array', items: { type: 'string' } },
  },
};

function check(text: string, options = {}) {
  const y = parseYaml(text, 't.yml');
  return validateAgainstSchema((y.value as Record<string, unknown>).args, schema, y, ['args'], options);
}

describe('validateAgainstSchema', () => {
  it('accepts a valid value', () => {
    expect(check('args:\n  dest: /etc/x\n  mode: 0644\n  force: true\n')).toEqual([]);
  });

  it('points an unknown key at the key itself, with a suggestion', () => {
    const [d, ...rest] = check('args:\n  dest: /x\n  froce: yes\n');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'unknown-key', location: { line: 3, col: 3 } });
    expect(d!.message).toBe("unknown key 'froce' in 'args' (did you mean 'force'?)");
  });

  it('reports a missing required key at the mapping that lacks it', () => {
    expect(check('args:\n  mode: "0600"\n')[0]).toMatchObject({ code: 'missing-key', message: "missing required key 'dest' in 'args'", location: { line: 1 } });
  });

  it('says which types are allowed and what was given', () => {
    expect(check('args:\n  dest: /x\n  mode: [1]\n')[0]).toMatchObject({
      code: 'wrong-type',
      message: "'mode' must be a string or an integer, not a list",
      location: { line: 3, col: 9 },
    });
  });

  it('suggests the closest enum value', () => {
    expect(check('args:\n  dest: /x\n  state: directry\n')[0]!.message).toContain("(did you mean 'directory'?)");
  });

  it('reports every problem, not only the first', () => {
    const codes = check('args:\n  mode: {}\n  bogus: 1\n  lines: [1]\n').map((d) => d.code).sort();
    expect(codes).toEqual(['missing-key', 'unknown-key', 'wrong-type', 'wrong-type']);
  });

  it('tolerates templates where another type is expected, unless told not to', () => {
    expect(check('args:\n  dest: /x\n  force: "{{ f }}"\n')).toEqual([]);
    expect(check('args:\n  dest: /x\n  force: "{{ f }}"\n', { allowTemplates: false })[0]?.code).toBe('wrong-type');
  });
});

describe('coerceToSchema', () => {
  it('converts like Ansible argument specs', () => {
    expect(coerceToSchema({ dest: 5, force: 'yes', lines: 'a, b', mode: '0644', other: 'x' }, schema)).toEqual({
      dest: '5',
      force: true,
      lines: ['a', 'b'],
      mode: '0644',
      other: 'x',
    });
  });

  it('leaves a template for a list as it is: splitting it at load time would nest the rendered list', () => {
    expect(coerceToSchema({ lines: '{{ packages }}' }, schema)).toEqual({ lines: '{{ packages }}' });
    expect(coerceToSchema({ lines: "{% if x %}a{% endif %},b" }, schema)).toEqual({ lines: "{% if x %}a{% endif %},b" });
  });

  it("turns a boolean into text as Python's str() does ('True', as copy content written from `x is failed`)", () => {
    expect(coerceToSchema({ dest: true, other: false }, schema)).toEqual({ dest: 'True', other: false });
  });

  it("reads a mapping given as text, as Ansible's dict arguments do: JSON, or k=v pairs split on commas and spaces", () => {
    const dicts = { type: 'object', properties: { d: { type: 'object' }, e: { anyOf: [{ type: 'object' }, { type: 'null' }] } } };
    expect(coerceToSchema({ d: '{"MAX_USER_CONNECTIONS": 5}', e: '{}' }, dicts)).toEqual({ d: { MAX_USER_CONNECTIONS: 5 }, e: {} });
    expect(coerceToSchema({ d: "SUBJECT='/CN=a b', ISSUER=\"/CN=ca\" ssl=1" }, dicts)).toEqual({ d: { SUBJECT: '/CN=a b', ISSUER: '/CN=ca', ssl: '1' } });
    // Rendered first, read after; and text that is neither stays for the validator to report.
    expect(coerceToSchema({ d: '{{ limits }}', e: 'plain words' }, dicts)).toEqual({ d: '{{ limits }}', e: 'plain words' });
  });

  it('leaves values it cannot convert for the validator to report', () => {
    expect(coerceToSchema({ force: 'maybe' }, schema)).toEqual({ force: 'maybe' });
  });

  it("takes a template's float 2.0 (a boxed Number) as its number, or as the text '2.0'", () => {
    const two = new PyFloat(2);
    const numbers = { type: 'object', properties: { n: { type: 'number' }, s: { type: 'string' }, any: {} } };
    expect(coerceToSchema({ n: two, s: two, any: [two] }, numbers)).toEqual({ n: 2, s: '2.0', any: [two] });
  });
});

describe('closest', () => {
  it('finds plausible typos only', () => {
    expect(closest('host', ['hosts', 'vars', 'children'])).toBe('hosts');
    expect(closest('chidlren', ['hosts', 'vars', 'children'])).toBe('children');
    expect(closest('zzz', ['hosts', 'vars'])).toBeUndefined();
  });
});

describe('closest, on ties', () => {
  it('prefers the candidate that keeps the typed letters', () => {
    expect(closest('taks', ['tags', 'tasks'])).toBe('tasks');
    expect(closest('tgas', ['tasks', 'tags'])).toBe('tags');
  });
});

describe('rules that say themselves in words', () => {
  const ruled = {
    type: 'object',
    properties: { _raw_params: { type: 'string' }, cmd: { type: 'string' }, argv: { type: 'array' }, become: { anyOf: [{ enum: ['sudo'] }, { type: 'string', pattern: '\\{\\{' }] } },
    allOf: [requiredOneOf(['_raw_params', 'cmd', 'argv'], 'no command given'), ...atMostOne('_raw_params', 'cmd', 'argv')],
  };
  const problems = (text: string) => {
    const y = parseYaml(text, 't.yml');
    return validateAgainstSchema((y.value as Record<string, unknown>).args, ruled, y, ['args']).map((d) => d.message);
  };

  it('a missing one of several keys is the rule sentence, once, not each branch', () => {
    expect(problems('args: {}\n')).toEqual(['no command given']);
  });
  it('two of them are the exclusion, and a converged value nothing', () => {
    expect(problems('args: { cmd: x, argv: [x] }\n')).toEqual([expect.stringContaining('mutually exclusive')]);
    expect(problems('args: { cmd: x }\n')).toEqual([]);
  });
  it('an "or a template" branch does not add a pattern complaint to the real one', () => {
    expect(problems('args: { cmd: x, become: su }\n')).toEqual([`'become' must be one of "sudo", not "su"`]);
    expect(problems('args: { cmd: x, become: "{{ m }}" }\n')).toEqual([]);
  });
});
