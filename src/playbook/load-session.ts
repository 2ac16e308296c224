// One playbook load: reads each YAML file once, collects every diagnostic, remembers what it read.
import { resolve } from 'node:path';
import type { Diagnostic, SourceLocation } from '../errors.js';
import { diagnostic } from '../errors.js';
import { loadYamlFile, type LoadedYaml, type PathSegment } from '../source/yaml.js';
import { validateAgainstSchema, type JsonSchema } from '../schema/validate.js';

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
      this.diagnostics.push(...loaded.diagnostics);
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

  /** Validates a value from `loaded` at `path`; reports the problems and says whether there were none. */
  check(value: unknown, schema: JsonSchema, loaded: LoadedYaml, path: readonly PathSegment[], context?: string): boolean {
    const found = validateAgainstSchema(value, schema, loaded, path, context === undefined ? {} : { context });
    this.diagnostics.push(...found);
    return found.length === 0;
  }
}
