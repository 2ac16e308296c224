// How problems are printed: `file:line:col  code  message`, then a code frame and a hint.
import { relative } from 'node:path';
import type { Diagnostic, SourceLocation } from '../errors.js';
import { codeFrame } from '../source/frame.js';
import { isVaultEncrypted } from '../source/vault.js';
import { readRegularText } from '../source/read-file.js';

export function formatLocation(loc: SourceLocation, cwd = process.cwd()): string {
  const rel = relative(cwd, loc.file);
  const shown = rel && !rel.startsWith('..') ? rel : loc.file;
  return `${shown}:${loc.line}:${loc.col}`;
}

/** Reads each file once; a file that cannot be read simply gets no frame. */
export function sourceReader(): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        // A vaulted file's lines on disk are ciphertext: a frame of them would show nothing useful.
        const text = readRegularText(file);
        cache.set(file, isVaultEncrypted(text) ? undefined : text);
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}

export function formatDiagnostic(d: Diagnostic, readSource: (file: string) => string | undefined = sourceReader()): string {
  const where = d.location ? `${formatLocation(d.location)}  ` : '';
  const lines = [`${where}${d.severity === 'warning' ? 'warning ' : ''}${d.code}  ${d.message}`];
  if (d.location) {
    const text = readSource(d.location.file);
    const frame = text === undefined ? '' : codeFrame(text, d.location.line, d.location.col);
    if (frame) lines.push(frame.replace(/^/gm, '    '));
  }
  if (d.hint) lines.push(`    hint: ${d.hint}`);
  return lines.join('\n');
}

/** Sorted by file, line, column so the report reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.col ?? 0) - (b.location?.col ?? 0);
  });
}
