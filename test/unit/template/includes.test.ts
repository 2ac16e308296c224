// {% include %}, {% import %}, {% from %} and {% call %}: how templates are found and what they see.
// Rendering itself is compared with ansible-core in ansible-differential.test.ts (same fixtures).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { referencedVariables, renderString, templateSearchPath, TemplateError } from '../../../src/template/index.js';

const fixtures = fileURLToPath(new URL('./fixtures/includes/', import.meta.url));
const templateDirs = templateSearchPath([fixtures], join(fixtures, 'site', 'main.j2'));
const ctx = { vars: { n: 4 }, stringEscapes: 'python' as const, templateDirs };

function failure(template: string, context: Parameters<typeof renderString>[1] = ctx): TemplateError {
  try {
    renderString(template, context);
  } catch (err) {
    if (err instanceof TemplateError) return err;
    throw err;
  }
  throw new Error('expected a TemplateError');
}

describe('templateSearchPath', () => {
  it("is the template module's: each search path's templates/ then itself, the template's own directory last", () => {
    expect(templateSearchPath(['/r/role', '/r/play/'], '/r/play/templates/site/a.j2')).toEqual([
      '/r/role/templates',
      '/r/role',
      '/r/play/templates',
      '/r/play',
      '/r/play/templates/site/templates',
      '/r/play/templates/site',
    ]);
  });
});

describe('finding templates', () => {
  it('takes the first directory that holds the name', () => {
    expect(renderString("{% include 'shadow.j2' %} {% include 'nextto.j2' %}", ctx)).toBe('shadow-templates next:4');
  });

  it('never goes above a search directory', () => {
    expect(failure("{% include '../includes/templates/part.j2' %}").message).toContain('TemplateNotFound: ../includes/templates/part.j2');
  });

  it('reads CRLF line endings as \\n and drops one final newline, as Jinja2 loads a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-include-'));
    writeFileSync(join(dir, 'crlf.j2'), 'a\r\nb\r\n');
    expect(renderString("[{% include 'crlf.j2' %}]", { vars: {}, templateDirs: [dir] })).toBe('[a\nb]');
  });

  it("lookup('template') finds includes next to the template first", () => {
    expect(renderString("{{ lookup('template', 'site/uses-next.j2') }}", { vars: { n: 4 }, searchPaths: [fixtures] })).toBe('next:4!');
  });

  it('needs a search path: includes belong to template files', () => {
    expect(failure("{% include 'part.j2' %}", { vars: {} }).message).toContain('work in template files');
  });
});

describe('errors inside other templates', () => {
  it("name the template and line they come from, and point at the include", () => {
    const err = failure("x\n{% include 'bad.j2' %}");
    expect(err.message).toBe("'undefined_thing' is undefined");
    expect(err.hint).toBe("in template 'bad.j2' line 1");
    expect(err.line).toBe(2);
  });

  it('stop a template that includes itself', () => {
    expect(failure("{% include 'self.j2' %}").message).toContain('too deeply');
  });

  it('stop a macro that calls itself forever', () => {
    expect(failure('{% macro r() %}{{ r() }}{% endmacro %}{{ r() }}').message).toContain('too deeply');
  });
});

describe('static analysis of names', () => {
  it('binds imported names and caller, and reads the template name', () => {
    const refs = referencedVariables(
      "{% import 'm.j2' as m %}{% from 'm.j2' import a, b as c %}{{ m.x() }}{{ a() }}{{ c() }}" +
        '{% macro w() %}{{ caller() }}{% endmacro %}{% call(i) w() %}{{ i }}{{ outer }}{% endcall %}{% include tpl %}',
    );
    expect(refs.error).toBeUndefined();
    expect(refs.names).toEqual(['outer', 'tpl']);
  });
});
