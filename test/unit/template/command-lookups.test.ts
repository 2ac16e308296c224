// lookup('pipe') and lookup('lines'): commands run by /bin/sh on the controller, in the playbook's
// directory; a failing command fails with Ansible's message (wrapped in a template, bare in a loop).
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryLookup, renderValue, speculative, withoutUnsafe } from '../../../src/template/index.js';
import { templateError as caught } from './helpers/template-error.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ha-run-pipe-')));
const render = (template: string, vars: Record<string, unknown> = {}) => withoutUnsafe(renderValue(template, { vars: { playbook_dir: dir, ...vars } }));

describe('the pipe and lines lookups', () => {
  it("pipe gives the command's output without trailing whitespace, run in the playbook's directory", () => {
    expect(render("{{ lookup('pipe', 'printf \"one\\\\ntwo\\\\n\\\\n\"') }}")).toBe('one\ntwo');
    expect(render("{{ lookup('pipe', 'pwd') }}")).toBe(dir);
    expect(render("{{ query('pipe', 'echo a', 'echo b') }}")).toEqual(['a', 'b']);
  });

  it('lines gives the lines of every command, one list', () => {
    expect(render("{{ query('lines', 'printf \"x\\\\ny\\\\n\"', 'echo z') }}")).toEqual(['x', 'y', 'z']);
    expect(render("{{ lookup('lines', 'printf \"x\\\\r\\\\ny\"') }}")).toBe('x,y');
    expect(render("{{ query('lines', 'true') }}")).toEqual([]);
  });

  it('a command that fails fails the template with the exit code, and a with_ loop with the bare message', () => {
    const inTemplate = caught(() => render("{{ lookup('pipe', 'exit 3') }}"));
    expect(inTemplate.message).toContain("while running the lookup plugin 'pipe'");
    expect(inTemplate.message).toContain('lookup_plugin.pipe(exit 3) returned 3');
    expect(caught(() => queryLookup('lines', ['exit 4'], { vars: { playbook_dir: dir } })).message).toBe('lookup_plugin.lines(exit 4) returned 4');
    expect(render("{{ lookup('pipe', 'exit 1', errors='ignore') is none }}")).toBe(true);
  });

  it('never runs while previewing: the variables of a look-ahead are speculative', () => {
    const marker = join(dir, 'ran');
    const vars = speculative({ playbook_dir: dir, later: `{{ lookup('pipe', 'touch ${marker}') }}` });
    expect(caught(() => renderValue('{{ later }}', { vars })).message).toContain("lookup('pipe') acts on the controller");
    expect(caught(() => renderValue("{{ lookup('lines', 'id') }}", { vars: { ...vars } })).message).toContain("lookup('lines') acts on the controller");
    expect(caught(() => renderValue("{{ lookup('pipe', 'id') }}", { vars: {}, beforeRun: true })).message).toContain("lookup('pipe') acts on the controller");
    expect(render(`{{ lookup('pipe', 'test -e ${marker} && echo yes || echo no') }}`)).toBe('no');
  });
});
