// Static analysis: which variables does a template read? For the "undefined variable" rule that runs
// before anything connects. Names bound inside the template ({% set %}, {% for %}, macro
// parameters, loop) are not reported, nor names read only where they are allowed to be undefined
// (`x | default(..)`, `x is defined`, and anything guarded by an `is defined` test).
import { EXPRESSION_PREFIX, TemplateError } from './errors.js';
import { filters } from './filters/index.js';
import { isSupportedLookup } from './lookups.js';
import { tests } from './tests.js';
import { GLOBAL_NAMES } from './globals.js';
import { readJinjaHeader } from './jinja-header.js';
import { parseExpression, parseTemplate, type TNode } from './parse.js';
import { ANSIBLE_SYNTAX, type TemplateSyntax } from './syntax.js';

export interface UnknownName {
  kind: 'filter' | 'test' | 'lookup';
  name: string;
  /** 1-based position inside the template. */
  line?: number;
  col?: number;
  /** Used only in a part that may never be evaluated (one side of and/or/if, a loop body, a macro). */
  conditional?: boolean;
}

export interface ReferencedVariables {
  /** Free variable names that must be defined for the template to render, in first-use order. */
  names: string[];
  /** Those of `names` read wherever the template renders (not only in a branch, a loop body or a macro). */
  certain: string[];
  /** Free names read only where undefined is allowed (default, is defined, guarded blocks). */
  optional: string[];
  /** Filters, tests and lookup plugins used that ha-run does not have: they would fail at run time. */
  unknown: UnknownName[];
  error?: { message: string; line?: number; col?: number };
}

const UNDEFINED_OK_FILTERS = new Set(['default', 'd', 'ansible.builtin.default', 'ansible.builtin.d']);
const DEFINEDNESS_TESTS = new Set(['defined', 'undefined', 'ansible.builtin.defined', 'ansible.builtin.undefined']);

interface Walk {
  names: string[];
  certain: string[];
  optional: string[];
  unknown: UnknownName[];
}

function bareName(name: string): string {
  return name.replace(/^ansible\.(builtin|legacy)\./, '');
}

/** Names that `cond` proves defined when it is true (`defined`) or false (`undefined`). */
function definedBy(cond: TNode | null | undefined, whenTrue: boolean): Set<string> {
  const out = new Set<string>();
  const visit = (n: TNode | null | undefined, positive: boolean): void => {
    if (!n) return;
    if (n.typename === 'Not') return visit(n.target, !positive);
    if ((n.typename === 'And' && positive) || (n.typename === 'Or' && !positive)) {
      visit(n.left, positive);
      visit(n.right, positive);
      return;
    }
    if (n.typename === 'Test' && n.target.typename === 'Symbol') {
      const test = bareName(n.name);
      if ((test === 'defined' && positive) || (test === 'undefined' && !positive)) out.add(n.target.value);
    }
  };
  visit(cond, whenTrue);
  return out;
}

class Collector {
  readonly result: Walk = { names: [], certain: [], optional: [], unknown: [] };
  /** Above 0 inside a part that may never be evaluated. */
  private branches = 0;

  /** Walks a part that may never be evaluated (short-circuit operands, if branches, loop and macro bodies). */
  private maybe(walk: () => void): void {
    this.branches++;
    try {
      walk();
    } finally {
      this.branches--;
    }
  }

  private unknown(kind: UnknownName['kind'], name: string, at: TNode): void {
    this.result.unknown.push({ kind, name, line: at.lineno + 1, col: at.colno + 1, ...(this.branches > 0 ? { conditional: true } : {}) });
  }

  read(name: string, bound: Set<string>, guarded: Set<string>, anyOk: boolean): void {
    if (bound.has(name) || GLOBAL_NAMES.has(name)) return;
    const list = anyOk || guarded.has(name) ? this.result.optional : this.result.names;
    if (!list.includes(name)) list.push(name);
    if (list === this.result.names && this.branches === 0 && !this.result.certain.includes(name)) this.result.certain.push(name);
  }

  statements(list: TNode[], bound: Set<string>, guarded: Set<string>): void {
    for (const n of list) this.statement(n, bound, guarded);
  }

  statement(n: TNode, bound: Set<string>, guarded: Set<string>): void {
    switch (n.typename) {
      case 'Output':
        for (const c of n.children) if (c.typename !== 'TemplateData') this.expr(c, bound, guarded, false);
        return;
      case 'If':
      case 'IfAsync':
        this.expr(n.cond, bound, guarded, false);
        this.maybe(() => {
          this.statements(n.body.children, bound, union(guarded, definedBy(n.cond, true)));
          if (n.else_) {
            const elseGuard = union(guarded, definedBy(n.cond, false));
            if (n.else_.typename === 'If') this.statement(n.else_, bound, elseGuard);
            else this.statements(n.else_.children, bound, elseGuard);
          }
        });
        return;
      case 'For': {
        const filter = n.arr.typename === 'InlineIf' && !n.arr.else_ ? n.arr.cond : undefined;
        this.expr(filter ? n.arr.body : n.arr, bound, guarded, false);
        const inner = new Set(bound);
        inner.add('loop');
        for (const t of n.name.typename === 'Array' ? n.name.children : [n.name]) inner.add(t.value);
        this.maybe(() => {
          if (filter) this.expr(filter, inner, guarded, false);
          this.statements(n.body.children, inner, guarded);
          if (n.else_) this.statements(n.else_.children, new Set(bound), guarded);
        });
        return;
      }
      case 'Set':
        if (n.value) this.expr(n.value, bound, guarded, false);
        else this.statements(n.body.body.children, new Set(bound), guarded);
        for (const t of n.targets) {
          if (t.typename === 'Symbol') bound.add(t.value);
          else this.expr(t.target, bound, guarded, false);
        }
        return;
      case 'Macro':
        bound.add(n.name.value);
        this.macro(n, bound, guarded);
        return;
      case 'Import':
        this.expr(n.template, bound, guarded, false);
        bound.add(n.target.value);
        return;
      case 'FromImport':
        this.expr(n.template, bound, guarded, false);
        for (const item of n.names.children) bound.add(item.typename === 'Pair' ? item.value.value : item.value);
        return;
      default:
        this.generic(n, bound, guarded, false);
    }
  }

  /** A macro or a `{% call %}` body: its parameters, and `caller`, are bound inside. */
  private macro(n: TNode, bound: Set<string>, guarded: Set<string>): void {
    const inner = new Set(bound);
    inner.add('caller');
    for (const a of n.args.children) {
      if (a.typename === 'KeywordArgs') {
        for (const p of a.children) {
          this.expr(p.value, bound, guarded, false);
          inner.add(p.key.value);
        }
      } else inner.add(a.value);
    }
    this.maybe(() => this.statements(n.body.children, inner, guarded));
  }

  expr(n: TNode | null | undefined, bound: Set<string>, guarded: Set<string>, anyOk: boolean): void {
    if (!n || typeof n !== 'object') return;
    switch (n.typename) {
      case 'Symbol':
        this.read(n.value, bound, guarded, anyOk);
        return;
      case 'Literal':
      case 'TemplateData':
        return;
      case 'Filter': {
        if (!Object.hasOwn(filters, bareName(n.name.value))) this.unknown('filter', n.name.value, n.name);
        const [subject, ...rest] = n.args.children as TNode[];
        this.expr(subject, bound, guarded, anyOk || UNDEFINED_OK_FILTERS.has(n.name.value));
        for (const a of rest) this.expr(a, bound, guarded, anyOk);
        return;
      }
      case 'Test': {
        if (!Object.hasOwn(tests, bareName(n.name))) this.unknown('test', n.name, n);
        this.expr(n.target, bound, guarded, anyOk || DEFINEDNESS_TESTS.has(n.name));
        for (const a of n.args.children) this.expr(a, bound, guarded, anyOk);
        return;
      }
      case 'And':
        this.expr(n.left, bound, guarded, anyOk);
        this.maybe(() => this.expr(n.right, bound, union(guarded, definedBy(n.left, true)), anyOk));
        return;
      case 'Or':
        this.expr(n.left, bound, guarded, anyOk);
        this.maybe(() => this.expr(n.right, bound, union(guarded, definedBy(n.left, false)), anyOk));
        return;
      case 'InlineIf':
        this.expr(n.cond, bound, guarded, anyOk);
        this.maybe(() => {
          this.expr(n.body, bound, union(guarded, definedBy(n.cond, true)), anyOk);
          this.expr(n.else_, bound, union(guarded, definedBy(n.cond, false)), anyOk);
        });
        return;
      case 'LookupVal':
        this.expr(n.target, bound, guarded, anyOk);
        if (!n.dot) this.expr(n.val, bound, guarded, anyOk);
        return;
      case 'FunCall': {
        const callee = n.name.typename === 'Symbol' ? n.name.value : undefined;
        const first = n.args.children[0] as TNode | undefined;
        if (['lookup', 'query', 'q'].includes(callee) && !bound.has(callee) && first?.typename === 'Literal' && typeof first.value === 'string' && !isSupportedLookup(first.value)) {
          this.unknown('lookup', first.value, first);
        }
        this.generic(n, bound, guarded, anyOk);
        return;
      }
      case 'KeywordArgs':
        for (const p of n.children) this.expr(p.value, bound, guarded, anyOk);
        return;
      case 'Caller':
        this.macro(n, bound, guarded);
        return;
      default:
        this.generic(n, bound, guarded, anyOk);
    }
  }

  private generic(n: TNode, bound: Set<string>, guarded: Set<string>, anyOk: boolean): void {
    for (const [key, value] of Object.entries(n)) {
      if (key === 'lineno' || key === 'colno') continue;
      if (Array.isArray(value)) for (const c of value) this.expr(c as TNode, bound, guarded, anyOk);
      else if (value && typeof value === 'object' && 'typename' in value) this.expr(value as TNode, bound, guarded, anyOk);
    }
  }
}

function union(a: Set<string>, b: Set<string>): Set<string> {
  return b.size === 0 ? a : new Set([...a, ...b]);
}

/**
 * `file`: the text is a template file, read as the template module reads it: with these settings
 * (its delimiters) and its own `#jinja2:` first line; lines are counted in the whole file.
 */
export function referencedVariables(template: string, opts: { expression?: boolean; file?: { syntax?: Partial<TemplateSyntax> } } = {}): ReferencedVariables {
  const collector = new Collector();
  let headerLines = 0;
  try {
    if (opts.expression) {
      collector.expr(parseExpression(template), new Set(), new Set(), false);
      for (const u of collector.result.unknown) if (u.line === 1 && u.col !== undefined) u.col = Math.max(1, u.col - EXPRESSION_PREFIX.length);
    } else if (opts.file) {
      const { overrides, body } = readJinjaHeader(template);
      headerLines = body === template ? 0 : 1;
      const syntax = { ...ANSIBLE_SYNTAX, ...opts.file.syntax, ...overrides };
      collector.statements(parseTemplate(body, 'python', syntax).children, new Set(), new Set());
      for (const u of collector.result.unknown) if (u.line !== undefined) u.line += headerLines;
    } else {
      collector.statements(parseTemplate(template).children, new Set(), new Set());
    }
    return { ...collector.result };
  } catch (err) {
    const empty = { names: [], certain: [], optional: [], unknown: [] };
    if (err instanceof TemplateError) {
      // headerLines is still 0 when the header itself is wrong (it is line 1).
      const line = err.line === undefined ? undefined : err.line + headerLines;
      return { ...empty, error: { message: err.message, line, col: err.col } };
    }
    return { ...empty, error: { message: err instanceof Error ? err.message : String(err) } };
  }
}

/**
 * The constant keys an expression reads from a variable: `groups['db']` and `groups.db` give 'db'
 * for `groups`. For messages that point at what a failed check was about; [] when it does not parse.
 */
export function constantKeysRead(expression: string, variable: string): string[] {
  const keys: string[] = [];
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    const node = n as TNode;
    if (node.typename === 'LookupVal' && node.target?.typename === 'Symbol' && node.target.value === variable) {
      if (node.val?.typename === 'Literal' && typeof node.val.value === 'string' && !keys.includes(node.val.value)) keys.push(node.val.value);
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'lineno' && key !== 'colno') visit(value);
  };
  try {
    visit(parseExpression(expression));
  } catch {
    return [];
  }
  return keys;
}
