// Unified diffs for --diff, computed here (no dependency): Myers-free LCS on lines is enough for the
// config-file sizes playbooks manage; very large inputs fall back to a whole-file replacement.
import type { FileDiff } from '../modules/types.js';

const MAX_LCS_CELLS = 4_000_000;

type Edit = { op: ' ' | '-' | '+'; line: string };

function splitLines(s: string): string[] {
  if (s === '') return [];
  const lines = s.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function editScript(a: string[], b: string[]): Edit[] {
  // Common prefix/suffix first: most config changes touch a few lines.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle: Edit[] = [];
  if (midA.length * midB.length > MAX_LCS_CELLS) {
    for (const l of midA) middle.push({ op: '-', line: l });
    for (const l of midB) middle.push({ op: '+', line: l });
  } else {
    const n = midA.length;
    const m = midB.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        middle.push({ op: ' ', line: midA[i]! });
        i++;
        j++;
      } else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
        // Deletions before insertions, as diff -u prints them.
        middle.push({ op: '-', line: midA[i]! });
        i++;
      } else {
        middle.push({ op: '+', line: midB[j]! });
        j++;
      }
    }
  }
  return [
    ...a.slice(0, start).map((line) => ({ op: ' ' as const, line })),
    ...middle,
    ...a.slice(endA).map((line) => ({ op: ' ' as const, line })),
  ];
}

/** `--- before` / `+++ after` with @@ hunks and 3 lines of context, like `diff -u`. */
export function unifiedDiff(d: FileDiff, context = 3): string {
  const edits = editScript(splitLines(d.before), splitLines(d.after));
  const label = d.path ?? '';
  const out = [`--- before${label ? `: ${label}` : ''}`, `+++ after${label ? `: ${label}` : ''}`];
  const changed = edits.map((e, i) => (e.op === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  let idx = 0;
  while (idx < changed.length) {
    const from = Math.max(0, changed[idx]! - context);
    let to = Math.min(edits.length, changed[idx]! + context + 1);
    idx++;
    while (idx < changed.length && changed[idx]! - context <= to) {
      to = Math.min(edits.length, changed[idx]! + context + 1);
      idx++;
    }
    let aStart = 1;
    let bStart = 1;
    for (let k = 0; k < from; k++) {
      if (edits[k]!.op !== '+') aStart++;
      if (edits[k]!.op !== '-') bStart++;
    }
    const hunk = edits.slice(from, to);
    const aLen = hunk.filter((e) => e.op !== '+').length;
    const bLen = hunk.filter((e) => e.op !== '-').length;
    out.push(`@@ -${aLen === 0 ? aStart - 1 : aStart},${aLen} +${bLen === 0 ? bStart - 1 : bStart},${bLen} @@`);
    for (const e of hunk) out.push(`${e.op}${e.line}`);
  }
  return out.join('\n');
}
