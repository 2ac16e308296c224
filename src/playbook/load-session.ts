// One playbook load: reads each YAML file once, collects every diagnostic, remembers what it read.
import { resolve } from 'node:path';
import type { Diagnostic, SourceLocation } from '../errors.js';
import { diagnostic } from '../errors.js';
import { loadYamlFile, type LoadedYaml, type PathSegment } from '../source/yaml.js';
import { isTemplateString, validateAgainstSchema, type JsonSchema } from '../schema/validate.js';
import { appendAll } from '../util/append.js';

/** Said of a problem that fails only the runs that reach it: validate-run removes it where every run does. */
export const NOT_EVERY_RUN = ' (a warning: not every run reaches this task; one that does fails there, as in Ansible)';

export class LoadSession {
  readonly diagnostics: Diagnostic[] = [];
  private readonly files = new Map<string, LoadedYaml>();

  /** Loads (or returns the cached) YAML file; its syntax problems are reported once. */
  read(file: string): LoadedYaml {
    const abs = resolve(file);
    let loaded = this.files.get(abs);
    if (!loaded) {
      loaded = loadYamlFile(abs);
      this.files.set(abs, loaded);
      appendAll(this.diagnostics, loaded.diagnostics);
    }
    return loaded;
  }

  /** Files read so far, in the order they were first read. */
  loadedFiles(): LoadedYaml[] {
    return [...this.files.values()];
  }

  error(code: string, message: string, location?: SourceLocation, hint?: string): void {
    this.diagnostics.push(diagnostic(code, message, location, hint));
  }

  warn(code: string, message: string, location?: SourceLocation, hint?: string): void {
    this.diagnostics.push(diagnostic(code, message, location, hint, 'warning'));
  }

  /**
   * Like check, for keyword mappings (play, task, block, role entry): a template where the keyword needs
   * a boolean or number is an error too, since ha-run decides those before the run.
   */
  checkKeywords(value: Record<string, unknown>, schema: JsonSchema, loaded: LoadedYaml, path: readonly PathSegment[]): boolean {
    let ok = this.check(value, schema, loaded, path);
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const [key, v] of Object.entries(value)) {
      const type = properties[key]?.type;
      const types = typeof type === 'string' ? [type] : Array.isArray(type) ? (type as string[]) : undefined;
      if (!types || types.includes('string') || !isTemplateString(v)) continue;
      this.error('template-not-supported', `'${key}' must be ${types.filter((t) => t !== 'null').map(article).join(' or ')} written in the playbook; ha-run does not template it`, loaded.locate([...path, key]));
      ok = false;
    }
    return ok;
  }

  /** Validates a value from `loaded` at `path`; reports the problems and says whether there were none. */
  check(value: unknown, schema: JsonSchema, loaded: LoadedYaml, path: readonly PathSegment[], context?: string): boolean {
    const found = validateAgainstSchema(value, schema, loaded, path, context === undefined ? {} : { context });
    appendAll(this.diagnostics, found);
    return found.length === 0;
  }
}

function article(type: string): string {
  return ({ integer: 'an integer', object: 'a mapping', array: 'a list' } as Record<string, string>)[type] ?? `a ${type}`;
}
