// apt_repository's pure plan: add the source (enabling disabled copies of it first) or remove every
// enabled copy; a file left without lines is deleted. Only the files that change are written.
import { shellQuote } from '../../../connection/quote.js';
import type { Change } from '../../types.js';
import { aptGet } from '../apt-command.js';
import { formatMode, resolveMode } from '../../files/mode.js';
import { parseSources, renderSources, repoSource, suggestedFile, type SourceLine } from './sources.js';
import type { AptRepositoryArgs } from './schema.js';

export function planAptRepository(args: AptRepositoryArgs, files: Record<string, string>): Change[] {
  const source = repoSource(args.repo);
  const parsed = new Map(Object.entries(files).map(([path, content]) => [path, parseSources(content)]));
  const after = new Map<string, SourceLine[]>();
  const present = args.state !== 'absent';
  if (present) {
    let found = false;
    for (const [path, lines] of parsed) {
      const updated = lines.map((l) => (l.valid && l.source === source ? ((found = true), { ...l, enabled: true }) : l));
      after.set(path, updated);
    }
    if (!found) {
      const file = suggestedFile(source, args.filename);
      after.set(file, [...(after.get(file) ?? []), { valid: true, enabled: true, source, comment: '' }]);
    }
  } else {
    for (const [path, lines] of parsed) after.set(path, lines.filter((l) => !(l.valid && l.enabled && l.source === source)));
  }

  const changes: Change[] = [];
  for (const [path, lines] of after) {
    const before = parsed.has(path) ? renderSources(parsed.get(path)!) : undefined;
    const text = renderSources(lines);
    if (before === text && lines.length > 0) continue;
    if (lines.length === 0) {
      if (before === undefined) continue;
      changes.push({ summary: `remove ${path} (no sources left)`, diff: { path, before, after: '' }, ops: [{ kind: 'exec', command: `rm -f ${shellQuote(path)}` }] });
      continue;
    }
    const isNew = before === undefined;
    changes.push({
      summary: summaryOf(present, source, path, isNew, parsed.get(path) ?? []),
      diff: { path, before: before ?? '', after: text },
      ops: [{ kind: 'put', path, data: text, ...(isNew ? { mode: formatMode(resolveMode(args.mode ?? '0644', undefined, false)) } : {}) }],
    });
  }
  if (changes.length && args.update_cache !== false) changes[changes.length - 1].ops.push({ kind: 'exec', command: aptGet(['update']) });
  return changes;
}

function summaryOf(present: boolean, source: string, path: string, isNew: boolean, before: readonly SourceLine[]): string {
  if (!present) return `remove '${source}' from ${path}`;
  if (isNew) return `add '${source}' in a new file ${path}`;
  return before.some((l) => l.valid && l.source === source) ? `enable '${source}' in ${path}` : `add '${source}' to ${path}`;
}
