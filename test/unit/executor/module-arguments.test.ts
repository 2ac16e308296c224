// Arguments written as one template (`copy: "{{ spec }}"`): rendered into the mapping when the task
// runs, under the task's own arguments; free-form text for a module that takes none fails there.
import { describe, expect, it } from 'vitest';
import { argumentProblems, moduleArguments } from '../../../src/executor/module-arguments.js';
import { findModule } from '../../../src/modules/registry.js';
import type { Task } from '../../../src/playbook/types.js';

function task(module: string, args: Record<string, unknown>): Task {
  return { kind: 'task', module, action: module, args, when: [], tags: [], vars: {}, notify: [], listen: [], location: { file: 'site.yml', line: 3, col: 7 } } as Task;
}

const vars = { spec: { dest: '/tmp/x', content: 'hi', mode: '0644' }, list: [1] };

describe('module arguments', () => {
  it('a whole-template argument string renders to the arguments; explicit ones win', () => {
    const copy = findModule('copy')!;
    const args = moduleArguments(task('copy', { _variable_params: '{{ spec }}', mode: '0600' }), copy, vars, []);
    expect(args).toMatchObject({ dest: '/tmp/x', content: 'hi', mode: '0600' });
    expect(args).not.toHaveProperty('_variable_params');
    expect(argumentProblems(task('copy', {}), copy, args)).toEqual([]);
  });

  it('a template that renders to no mapping is a clear failure', () => {
    expect(() => moduleArguments(task('copy', { _variable_params: '{{ list }}' }), findModule('copy')!, vars, [])).toThrow(
      'the arguments {{ list }} must render to a mapping, not a list',
    );
  });

  it('free-form text for a module that takes none is named as such, not as an unknown key', () => {
    const addHost = findModule('add_host')!;
    const problems = argumentProblems(task('add_host', {}), addHost, { _raw_params: 'just words' });
    expect(problems.map((p) => p.message)).toEqual(["module 'add_host' takes no free-form text ('just words'); write key=value pairs or a mapping"]);
  });
});
