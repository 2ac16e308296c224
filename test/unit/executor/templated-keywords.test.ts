// Keywords written as templates: the play's (rendered with its own variables as it starts) and
// `environment:` (mappings, templates and lists of them, merged outermost first).
import { describe, expect, it } from 'vitest';
import { HaRunError } from '../../../src/errors.js';
import type { RunContext } from '../../../src/executor/context.js';
import { mergedEnvironment } from '../../../src/executor/environment.js';
import { withPlayKeywordsRendered } from '../../../src/executor/play-keywords.js';
import { renderValue } from '../../../src/template/index.js';
import type { Play } from '../../../src/playbook/types.js';

function play(keywords: Partial<Play>, vars: Record<string, unknown> = {}): Play {
  return {
    hosts: 'all', varsFiles: [], gatherFacts: true, serial: [], when: [], tags: [], vars,
    preTasks: [], roles: [], tasks: [], postTasks: [], handlers: [], playbookDir: '/tmp',
    location: { file: 'site.yml', line: 1, col: 3 },
    ...keywords,
  } as Play;
}

const run = (extraVars: Record<string, unknown> = {}) => ({ options: { extraVars } }) as unknown as RunContext;

describe('play keywords rendered with the play variables', () => {
  it.each([
    ['written values stay as they are', { gatherFacts: false, serial: [2, '30%'], maxFailPercentage: 10 }, {}, { gatherFacts: false, serial: [2, '30%'], maxFailPercentage: 10 }],
    ['gather_facts from a yes/no word', { gatherFacts: '{{ gf }}' }, { gf: 'no' }, { gatherFacts: false }],
    ['serial from a list variable', { serial: ['{{ sizes }}'] }, { sizes: [1, '50%'] }, { serial: [1, '50%'] }],
    ['serial from a number', { serial: ['{{ n }}'] }, { n: 3 }, { serial: [3] }],
    ['max_fail_percentage and any_errors_fatal', { maxFailPercentage: '{{ m }}', anyErrorsFatal: '{{ f }}' }, { m: 25, f: true }, { maxFailPercentage: 25, anyErrorsFatal: true }],
  ])('%s', (_name, keywords, vars, expected) => {
    expect(withPlayKeywordsRendered(run(), play(keywords as Partial<Play>, vars))).toMatchObject(expected);
  });

  it('a play keyword that cannot be rendered is bad input (exit 4, as ansible-playbook)', () => {
    const attempt = () => withPlayKeywordsRendered(run(), play({ serial: ['{{ nope }}'] }));
    expect(attempt).toThrow(expect.objectContaining({ exitCode: 4, location: expect.objectContaining({ line: 1 }) }));
  });

  it('extra vars win over play vars', () => {
    expect(withPlayKeywordsRendered(run({ n: 5 }), play({ serial: ['{{ n }}'] }, { n: 1 })).serial).toEqual([5]);
  });

  it.each([
    ['an undefined variable', { serial: ['{{ nope }}'] }, /'serial' could not be rendered.*nope/],
    ['a serial that is no count', { serial: ['{{ "many" }}'] }, /'serial' has an invalid value \("many"\)/],
    ['a percentage above 100', { maxFailPercentage: '{{ 120 }}' }, /'max_fail_percentage' has an invalid value \("?120"?\)/],
    ['gather_facts that is no boolean', { gatherFacts: '{{ "maybe" }}' }, /'gather_facts' has an invalid value \(maybe\)/],
  ])('%s is a clear error', (_name, keywords, message) => {
    const attempt = () => withPlayKeywordsRendered(run(), play(keywords as Partial<Play>));
    expect(attempt).toThrow(HaRunError);
    expect(attempt).toThrow(message);
  });
});

describe('environment as Ansible merges it', () => {
  const vars = { proxy: { HTTP_PROXY: 'http://p:3128' }, over: { A: 'templated' }, list: [1] };
  const render = (v: unknown) => renderValue(v, { vars });
  it.each([
    ['a mapping', [{ A: '1' }], { A: '1' }],
    ['a template rendering to a mapping', ['{{ proxy }}'], { HTTP_PROXY: 'http://p:3128' }],
    ['a list of mappings and templates, later entries winning', [[{ A: 'first', B: 'b' }, '{{ over }}']], { A: 'templated', B: 'b' }],
    ['inner scopes winning over outer ones', [{ A: 'play' }, { A: 'task' }], { A: 'task' }],
    ['empty entries skipped', [null, '', [{}]], {}],
  ])('%s', (_name, written, expected) => {
    expect(mergedEnvironment(written, render)).toEqual(expected);
  });

  it('fails on a template that renders to no mapping, naming what it was', () => {
    expect(() => mergedEnvironment(['{{ list }}'], render)).toThrow('environment must be a mapping, but it rendered to a list');
  });
});
