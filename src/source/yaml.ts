// YAML loading that keeps positions, so every later check can point at file:line:col.
// The only import of the `yaml` library in the project.
import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
  type Pair,
  type YAMLMap,
  type ScalarTag,
} from 'yaml';
import { diagnostic, type Diagnostic, type SourceLocation } from '../errors.js';
import { rememberRevealed } from '../vault/revealed.js';
import { InputFileError, MAX_INPUT_BYTES, readRegularFile } from './read-file.js';
import { isVaultEncrypted, openVaultFile, openVaultValue, VaultText } from './vault.js';
import { appendAll } from '../util/append.js';

export { VaultText } from './vault.js';

export type PathSegment = string | number;

export interface LoadedYaml {
  file: string;
  text: string;
  /** Plain JS value (null for an empty file, undefined when the file could not be read or parsed). */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Where the value at `path` starts; with `key: true`, where its mapping key starts. Falls back to the nearest parent. */
  locate(path: readonly PathSegment[], options?: { key?: boolean }): SourceLocation;
}

/** Files larger than this are refused before parsing: no playbook or inventory is that big. */
export const MAX_YAML_BYTES = MAX_INPUT_BYTES;
/** Deeper flow nesting than this is refused before parsing (the parser's own regexes exhaust memory). */
export const MAX_FLOW_DEPTH = 256;
/** A file this broken (binary, or not YAML at all) reports its first syntax errors, not thousands. */
export const MAX_SYNTAX_ERRORS = 50;
/** Anchors may be reused this many times before it counts as a "billion laughs" bomb. */
export const MAX_ALIAS_COUNT = 1000;

/** Ansible's `!unsafe` strings are never templated. */
export class UnsafeText {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

const ansibleTags: ScalarTag[] = [
  { tag: '!vault', resolve: (str: string) => new VaultText(str) as unknown as string, identify: (v) => v instanceof VaultText },
  { tag: '!unsafe', resolve: (str: string) => new UnsafeText(str) as unknown as string, identify: (v) => v instanceof UnsafeText },
];

/**
 * The YAML 1.1 tags as PyYAML (Ansible's parser) resolves them: only yes/no, true/false, on/off are booleans
 * (`y`/`n` stay strings), `1e3` is a string (a float needs a dot and a signed exponent), and dates stay the text
 * written (Ansible prints `2024-01-01`, not a JavaScript Date).
 */
function pyYamlTags<T>(tags: T[]): T[] {
  return tags
    .filter((tag) => (tag as { tag?: string }).tag !== 'tag:yaml.org,2002:timestamp')
    .map((tag) => {
      const t = tag as { tag?: string; test?: RegExp; format?: string };
      if (typeof tag !== 'object' || !t.test) return tag;
      if (t.tag === 'tag:yaml.org,2002:bool') {
        const test = t.test.source.includes('[Tt]rue') ? /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/ : /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
        return { ...tag, test };
      }
      if (t.tag === 'tag:yaml.org,2002:float' && t.format === 'EXP') {
        return { ...tag, test: /^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)[eE][-+][0-9]+$/ };
      }
      return tag;
    });
}

export function loadYamlFile(file: string): LoadedYaml {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_YAML_BYTES);
  } catch (err) {
    if (err instanceof InputFileError) return failed(file, err.code, err.message);
    throw err;
  }
  return parseYamlBytes(bytes, file);
}

export function parseYamlBytes(bytes: Buffer, file: string): LoadedYaml {
  const invalid = invalidUtf8(bytes, file);
  if (invalid) return { file, text: '', value: undefined, diagnostics: [invalid], locate: () => invalid.location! };
  return parseYaml(bytes.toString('utf8').replace(/^\uFEFF/, ''), file);
}

/** Where a file stops being UTF-8 (any text input: YAML, INI inventories), or undefined when it is UTF-8. */
export function invalidUtf8(bytes: Buffer, file: string): Diagnostic | undefined {
  const badByte = firstInvalidUtf8(bytes);
  if (badByte === -1) return undefined;
  const prefix = bytes.subarray(0, badByte).toString('utf8');
  const loc = offsetToLocation(prefix, prefix.length, file);
  return diagnostic('invalid-utf8', `invalid UTF-8 byte 0x${bytes[badByte]!.toString(16).padStart(2, '0')}; save the file as UTF-8`, loc);
}

export function parseYaml(text: string, file: string): LoadedYaml {
  // Never read as plain YAML: its ciphertext would become the values.
  if (isVaultEncrypted(text)) return parseVaultedYaml(text, file);
  const tooDeep = findExcessiveFlowDepth(text);
  if (tooDeep !== -1) {
    return failed(file, 'yaml-too-deep', `nesting deeper than ${MAX_FLOW_DEPTH} levels`, offsetToLocation(text, tooDeep, file), text);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    // Ansible reads YAML 1.1 (PyYAML): `yes` is true and `0644` is octal. Users' files expect that.
    version: '1.1',
    lineCounter,
    prettyErrors: false,
    // Duplicate keys are found by duplicateKeys() below: the library's own check is quadratic in a map's size.
    uniqueKeys: false,
    customTags: (tags) => [...pyYamlTags(tags), ...ansibleTags],
  });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const diagnostics: Diagnostic[] = doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((e) => yamlDiagnostic(e.code, e.message, at(e.pos[0])));
  if (doc.errors.length > MAX_SYNTAX_ERRORS) {
    const rest = doc.errors.length - MAX_SYNTAX_ERRORS;
    diagnostics.push(diagnostic('yaml-syntax', `${rest} more YAML syntax error${rest === 1 ? '' : 's'} in this file not shown; fix the first ones and validate again`, at(doc.errors[MAX_SYNTAX_ERRORS]!.pos[0])));
  }
  appendAll(diagnostics, duplicateKeys(doc, at));
  const readable = diagnostics.length === 0;
  const nodeProblems = readable ? tagAndAliasProblems(doc, text, at) : [];
  appendAll(diagnostics, nodeProblems);
  let value: unknown;
  // A `!vault` value still reads (as its VaultText); an undefined alias leaves nothing to read.
  if (readable && !nodeProblems.some((d) => d.code === UNDEFINED_ALIAS)) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const message = err instanceof RangeError ? `nesting too deep to read` : `aliases expand too much (more than ${MAX_ALIAS_COUNT} uses); this looks like an alias bomb`;
      diagnostics.push(diagnostic(err instanceof RangeError ? 'yaml-too-deep' : 'yaml-alias-bomb', message, at(0)));
    }
  }
  return { file, text, value, diagnostics, locate: (path, options) => locateIn(doc, path, options?.key ?? false, at, file) };
}

/** A vault-encrypted YAML file, read as its plaintext; every value in it is a secret. */
function parseVaultedYaml(text: string, file: string): LoadedYaml {
  const opened = openVaultFile(text, file);
  if (!opened.ok) return { file, text, value: undefined, diagnostics: [opened.diagnostic], locate: () => ({ file, line: 1, col: 1 }) };
  const loaded = parseYaml(opened.text, file);
  rememberRevealed(loaded.value);
  return loaded;
}

const UNDEFINED_ALIAS = 'yaml-undefined-alias';

/** `!vault` values (decrypted in place, or refused where written) and aliases naming no anchor before them. */
function tagAndAliasProblems(doc: Document, text: string, at: (offset: number) => SourceLocation): Diagnostic[] {
  const found: Diagnostic[] = [];
  const anchors = new Set<string>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source) && node.range) {
        found.push(diagnostic(UNDEFINED_ALIAS, `found undefined alias '*${node.source}': no anchor '&${node.source}' is defined before it`, at(node.range[0])));
      }
    } else if (isNode(node)) {
      if (node.anchor) anchors.add(node.anchor);
      // Point at the tag itself, which comes before the value's own range (`key: !vault |`).
      if (isScalar(node) && node.tag === '!vault' && node.value instanceof VaultText && node.range) {
        const opened = openVaultValue(node.value.ciphertext, at(Math.max(0, text.lastIndexOf('!vault', node.range[0]))));
        if (opened.ok) node.value = opened.text;
        else found.push(opened.diagnostic);
      }
    }
  });
  return found;
}

/** Keys written twice in one mapping (scalar keys of the same value), each at its second place; one pass per map. */
function duplicateKeys(doc: Document, at: (offset: number) => SourceLocation): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) found.push(yamlDiagnostic('DUPLICATE_KEY', '', at(pair.key.range?.[0] ?? 0)));
        else seen.add(pair.key.value);
      }
    },
  });
  return found;
}

function yamlDiagnostic(code: string, message: string, location: SourceLocation): Diagnostic {
  switch (code) {
    case 'DUPLICATE_KEY':
      return diagnostic('duplicate-key', 'duplicate key: a mapping names this key twice, and only one value can win', location);
    case 'TAB_AS_INDENT':
      return diagnostic('yaml-tab', 'tab used for indentation; YAML needs spaces', location);
    case 'MULTIPLE_DOCS':
      return diagnostic('yaml-multiple-documents', 'the file holds more than one YAML document (`---`); keep one per file', location);
    case 'RESOURCE_EXHAUSTION':
      return diagnostic('yaml-too-deep', 'nesting too deep to read', location);
    default:
      return diagnostic('yaml-syntax', `YAML syntax: ${message.split('\n')[0]}`, location);
  }
}

function failed(file: string, code: string, message: string, location: SourceLocation = { file, line: 1, col: 1 }, text = ''): LoadedYaml {
  return { file, text, value: undefined, diagnostics: [diagnostic(code, message, location)], locate: () => location };
}

function locateIn(
  doc: Document,
  path: readonly PathSegment[],
  wantKey: boolean,
  at: (offset: number) => SourceLocation,
  file: string,
): SourceLocation {
  let node: unknown = doc.contents;
  let best: number | undefined = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(seg));
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      if (last && wantKey && keyStart !== undefined) return at(keyStart);
      node = pair.value;
      best = rangeStart(node) ?? keyStart ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (node === undefined) break;
      best = rangeStart(node) ?? best;
    } else {
      break;
    }
  }
  return best === undefined ? { file, line: 1, col: 1 } : at(best);
}

const pairIndexes = new WeakMap<object, Map<string, Pair>>();

/** A map's pairs by the text of their keys (the first of equal ones), built once: locating every host of a big group stays linear. */
function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const text = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!index.has(text)) index.set(text, pair);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | undefined)?.range;
  return range ? range[0] : undefined;
}

/** Offset of the first flow bracket nested beyond MAX_FLOW_DEPTH, ignoring quotes and comments; -1 if none. */
function findExcessiveFlowDepth(text: string): number {
  if (!/[[{]/.test(text)) return -1;
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      // Only a quote that starts a token opens a string (it's `don't` otherwise).
      const prev = text[i - 1];
      if (prev === undefined || /[\s,[{:]/.test(prev)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
  }
  return -1;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Buffer): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Slow path only for broken files: find where it breaks.
  }
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 0;
    if (len === 0) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return -1;
}

export function offsetToLocation(text: string, offset: number, file: string): SourceLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file, line, col: offset - lineStart + 1 };
}
