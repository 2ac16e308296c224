// Walks the syntax tree from ./parse.ts with Python/Jinja2 semantics and Ansible's strict undefined.
import { UnsafeText } from '../source/yaml.js';
import { binaryOperation, unaryOperation } from './arithmetic.js';
import { lookup, slice } from './attributes.js';
import { TemplateError } from './errors.js';
import { filters } from './filters/index.js';
import { globals } from './globals.js';
import type { TNode } from './parse.js';
import {
  PyCallable,
  type PyDict,
  isLazy,
  isMapping,
  plain,
  pyCompare,
  pyContains,
  pyEquals,
  pyIter,
  pyStr,
  truthy,
  tuple,
  typeName,
} from './python.js';
import { readJinjaHeader } from './jinja-header.js';
import { ANSIBLE_SYNTAX, holdsTemplate } from './syntax.js';
import { containsTemplate, forgetTemplateScan, isTemplate } from './template-scan.js';
import { loadTemplate } from './template-loader.js';
import { fileSyntaxOf, templateText, templateValue } from './template-value.js';
import { tests } from './tests.js';
import { isUnsafe, isUnsafeContainer } from './unsafe.js';
import type { Evaluator, Kwargs, TemplateContext, TemplateFileOptions } from './types.js';
import { StrictUndefined, defined, isUndefined, undefinedError } from './undefined.js';

/** Variables being rendered right now (to catch `a: "{{ b }}"`, `b: "{{ a }}"`) and those already done. */
interface VariableCache {
  resolving: Set<string>;
  resolved: Map<string, unknown>;
}

const MAX_DEPTH = 200;
/** Includes, imports and macro calls running inside each other (evaluation is synchronous). */
let nesting = 0;
const MAX_NESTING = 100;

function nestedRun<T>(run: () => T): T {
  if (nesting >= MAX_NESTING) throw new TemplateError('template-error', 'templates and macros call each other too deeply (recursion?)');
  nesting++;
  try {
    return run();
  } finally {
    nesting--;
  }
}

export class Evaluation implements Evaluator {
  private scopes: Map<string, unknown>[] = [];
  private depth = 0;
  /** This template read unsafe (target) data: its result is unsafe too (see unsafe.ts). */
  readUnsafe = false;

  constructor(
    readonly ctx: TemplateContext,
    private readonly cache: VariableCache = { resolving: new Set(), resolved: new Map() },
  ) {}

  /** Renders a whole template to text. */
  renderText(root: TNode): string {
    return this.statements(root.children);
  }

  /** Renders a value deeply (used for variables whose values are templates). */
  renderDeep(value: unknown): unknown {
    if (value instanceof UnsafeText || isUnsafeContainer(value)) return value;
    if (typeof value === 'string') {
      return this.holdsTemplate(value) ? templateValue(value, this.child()) : value;
    }
    if (Array.isArray(value)) return value.map((v) => this.renderDeep(v));
    if (isMapping(value) && !isLazy(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.holdsTemplate(k) ? pyStr(this.renderDeep(k)) : k, this.renderDeep(v)]));
    }
    return value;
  }

  renderFile(source: string, options: TemplateFileOptions): string {
    const { overrides, body } = readJinjaHeader(source);
    const syntax = options.syntax ? { ...(this.ctx.syntax ?? ANSIBLE_SYNTAX), ...options.syntax } : this.ctx.syntax;
    const ctx: TemplateContext = {
      ...this.ctx,
      vars: options.vars ? { ...this.ctx.vars, ...options.vars } : this.ctx.vars,
      stringEscapes: 'python',
      templateDirs: options.templateDirs,
      syntax,
      fileSyntax: { ...(syntax ?? ANSIBLE_SYNTAX), ...overrides },
    };
    return templateText(body, new Evaluation(ctx));
  }

  /** For variables whose values are templates: the environment's settings, not the file's `#jinja2:` line. */
  private child(): Evaluation {
    return new Evaluation(this.ctx.fileSyntax ? { ...this.ctx, fileSyntax: undefined } : this.ctx, this.cache);
  }

  /** Whether a value must be rendered: it holds a start delimiter of the environment's syntax. */
  private holdsTemplate(text: string): boolean {
    return this.ctx.syntax ? holdsTemplate(text, this.ctx.syntax) : isTemplate(text);
  }

  // ---- names ----

  variable(name: string): unknown {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i]!;
      if (scope.has(name)) return scope.get(name);
    }
    const vars = this.ctx.vars;
    if (Object.hasOwn(vars, name) || (isLazy(vars) && name in vars)) {
      const raw = vars[name];
      if (raw === undefined) return new StrictUndefined(`'${name}' is undefined`);
      if (!containsTemplate(raw)) return plain(this.noteUnsafe(raw));
      if (this.cache.resolved.has(name)) return this.noteUnsafe(this.cache.resolved.get(name));
      if (this.cache.resolving.has(name)) {
        throw new TemplateError('template-error', `recursive loop detected in template: variable '${name}' refers to itself`);
      }
      this.cache.resolving.add(name);
      try {
        const value = this.renderDeep(raw);
        this.cache.resolved.set(name, value);
        return this.noteUnsafe(value);
      } catch (err) {
        const located = inVariable(err, name, raw);
        // Like Ansible: a variable whose template needs something undefined is itself undefined,
        // so `is defined` and `default()` still work on it.
        if (located instanceof TemplateError && located.code === 'undefined-variable') {
          const missing = new StrictUndefined(located.message, located.hint);
          this.cache.resolved.set(name, missing);
          return missing;
        }
        throw located;
      } finally {
        this.cache.resolving.delete(name);
      }
    }
    if (Object.hasOwn(globals, name)) return globals[name]!(this);
    return new StrictUndefined(`'${name}' is undefined`);
  }

  /** Like Ansible's template context: reading unsafe data makes the whole result unsafe. */
  private noteUnsafe<T>(value: T): T {
    if (!this.readUnsafe && isUnsafe(value)) this.readUnsafe = true;
    return value;
  }

  private assign(name: string, value: unknown): void {
    if (this.scopes.length === 0) this.scopes.push(new Map());
    this.scopes[this.scopes.length - 1]!.set(name, value);
  }

  private withScope<T>(fn: () => T): T {
    this.scopes.push(new Map());
    try {
      return fn();
    } finally {
      this.scopes.pop();
    }
  }

  // ---- statements ----

  private statements(list: TNode[]): string {
    let out = '';
    for (const node of list) out += this.statement(node);
    return out;
  }

  private statement(node: TNode): string {
    try {
      return this.statementUnlocated(node);
    } catch (err) {
      throw located(err, node);
    }
  }

  private statementUnlocated(node: TNode): string {
    switch (node.typename) {
      case 'Output':
        return (node.children as TNode[]).map((c) => (c.typename === 'TemplateData' ? String(c.value) : finalize(this.expr(c)))).join('');
      case 'If':
      case 'IfAsync':
        if (truthy(this.expr(node.cond))) return this.statements(node.body.children);
        if (!node.else_) return '';
        return node.else_.typename === 'If' ? this.statement(node.else_) : this.statements(node.else_.children);
      case 'For':
        return this.forLoop(node);
      case 'Set':
        return this.set(node);
      case 'Macro':
        this.assign(node.name.value, this.macro(node));
        return '';
      case 'Include':
        return this.include(node);
      case 'Import':
        this.assign(node.target.value, this.importModule(node).exports);
        return '';
      case 'FromImport':
        this.fromImport(node);
        return '';
      case 'NodeList':
        return this.statements(node.children);
      default:
        throw new TemplateError('template-error', `'${node.typename.toLowerCase()}' blocks are not supported in ha-run templates`);
    }
  }

  private forLoop(node: TNode): string {
    const targets: string[] = node.name.typename === 'Array' ? node.name.children.map((c: TNode) => c.value) : [node.name.value];
    // `for x in items if cond`: the parser reads it as an inline if without else; Jinja2 filters the items.
    const filter = node.arr.typename === 'InlineIf' && !node.arr.else_ ? (node.arr.cond as TNode) : undefined;
    let items = pyIter(this.expr(filter ? node.arr.body : node.arr));
    if (filter) {
      items = items.filter((item) =>
        this.withScope(() => {
          this.unpack(targets, item);
          return truthy(this.expr(filter));
        }),
      );
    }
    if (items.length === 0) return node.else_ ? this.statements(node.else_.children) : '';
    let out = '';
    items.forEach((item, i) => {
      const loop = {
        index: i + 1,
        index0: i,
        revindex: items.length - i,
        revindex0: items.length - i - 1,
        first: i === 0,
        last: i === items.length - 1,
        length: items.length,
        previtem: i > 0 ? items[i - 1] : new StrictUndefined("'loop' has no attribute 'previtem'"),
        nextitem: i < items.length - 1 ? items[i + 1] : new StrictUndefined("'loop' has no attribute 'nextitem'"),
        cycle: new PyCallable('cycle', (args) => args[i % args.length]),
      };
      out += this.withScope(() => {
        this.assign('loop', loop);
        this.unpack(targets, item);
        return this.statements(node.body.children);
      });
    });
    return out;
  }

  private unpack(targets: string[], value: unknown): void {
    if (targets.length === 1) {
      this.assign(targets[0]!, value);
      return;
    }
    const parts = pyIter(value);
    if (parts.length !== targets.length) {
      throw new TemplateError('template-error', `cannot unpack ${parts.length} values into ${targets.length} names`);
    }
    targets.forEach((t, i) => this.assign(t, parts[i]));
  }

  private set(node: TNode): string {
    const value = node.value ? this.expr(node.value) : this.statements(node.body.body.children);
    const targets = node.targets as TNode[];
    if (targets.length === 1 && targets[0]!.typename === 'LookupVal') {
      // `{% set ns.attr = value %}` on a namespace() object.
      const obj = defined(this.expr(targets[0]!.target));
      if (!isMapping(obj)) throw new TemplateError('template-error', 'can only set attributes on a namespace()');
      forgetTemplateScan(obj);
      obj[String(targets[0]!.val.value)] = value;
      return '';
    }
    this.unpack(targets.map((t) => t.value), value);
    return '';
  }

  private macro(node: TNode): PyCallable {
    const params: { name: string; dflt?: TNode }[] = [];
    for (const arg of node.args.children as TNode[]) {
      if (arg.typename === 'KeywordArgs') for (const pair of arg.children) params.push({ name: pair.key.value, dflt: pair.value });
      else params.push({ name: arg.value });
    }
    // The macro sees the scopes where it is defined, names set there later included (another macro).
    if (this.scopes.length === 0) this.scopes.push(new Map());
    const scopes = [...this.scopes];
    return new PyCallable(node.name.value, (args, kwargs) => {
      const inner = new Evaluation(this.ctx, this.cache);
      inner.scopes = [...scopes, new Map()];
      params.forEach((p, i) => {
        const v = i < args.length ? args[i] : Object.hasOwn(kwargs, p.name) ? kwargs[p.name] : p.dflt ? inner.expr(p.dflt) : new StrictUndefined(`'${p.name}' is undefined`);
        inner.assign(p.name, v);
      });
      // `{% call m() %}body{% endcall %}` passes the body as `caller`.
      if (Object.hasOwn(kwargs, 'caller')) inner.assign('caller', kwargs.caller);
      return nestedRun(() => inner.statements(node.body.children));
    });
  }

  // ---- other templates: include, import, from ... import ----

  /**
   * What another template sees: with context, the variables and the local names here (Jinja2's
   * default for include); without, only the globals (its default for import): Ansible's variables
   * are Jinja2 context, not globals.
   */
  private otherTemplate(withContext: boolean): Evaluation {
    if (!withContext) return new Evaluation({ ...this.ctx, vars: {} });
    const inner = new Evaluation(this.ctx, this.cache);
    inner.scopes = [...this.scopes, new Map()];
    return inner;
  }

  private include(node: TNode): string {
    const loaded = loadTemplate(this.expr(node.template), this.ctx.templateDirs, fileSyntaxOf(this.ctx), node.ignoreMissing === true);
    if (!loaded) return '';
    const inner = this.otherTemplate(node.withContext !== false);
    return inTemplate(loaded.name, () => nestedRun(() => inner.renderText(loaded.root)));
  }

  /** Runs a template for its top-level names: macros and `{% set %}` values, `_private` ones left out. */
  private importModule(node: TNode): { name: string; exports: PyDict } {
    const loaded = loadTemplate(this.expr(node.template), this.ctx.templateDirs, fileSyntaxOf(this.ctx))!;
    const inner = this.otherTemplate(node.withContext === true);
    inTemplate(loaded.name, () => nestedRun(() => inner.renderText(loaded.root)));
    const exports: PyDict = {};
    for (const [name, value] of inner.scopes[inner.scopes.length - 1] ?? []) if (!name.startsWith('_')) exports[name] = value;
    return { name: loaded.name, exports };
  }

  private fromImport(node: TNode): void {
    const { name, exports } = this.importModule(node);
    for (const item of node.names.children as TNode[]) {
      const [imported, alias] = item.typename === 'Pair' ? [item.key.value, item.value.value] : [item.value, item.value];
      const value = Object.hasOwn(exports, imported) ? exports[imported] : new StrictUndefined(`the template '${name}' does not export the requested name '${imported}'`);
      this.assign(alias, value);
    }
  }

  // ---- expressions ----

  expr(node: TNode): unknown {
    if (++this.depth > MAX_DEPTH) throw new TemplateError('template-error', 'template nests too deeply');
    try {
      const value = this.exprUnlocated(node);
      if (value instanceof StrictUndefined && value.line === undefined && node.lineno >= 0) {
        value.line = node.lineno + 1;
        value.col = node.colno + 1;
      }
      return value;
    } catch (err) {
      throw located(err, node);
    } finally {
      this.depth--;
    }
  }

  private exprUnlocated(node: TNode): unknown {
    switch (node.typename) {
      case 'Literal':
        return node.value;
      case 'Symbol':
        return this.symbol(node.value);
      case 'Group':
        return node.children.length === 1 ? this.expr(node.children[0]) : tuple(node.children.map((c: TNode) => this.expr(c)));
      case 'Array':
        return node.children.map((c: TNode) => this.expr(c));
      case 'Dict':
        return Object.fromEntries(node.children.map((p: TNode) => [dictKey(this.expr(p.key)), this.expr(p.value)]));
      case 'LookupVal':
        return this.lookupVal(node);
      case 'FunCall':
        return this.call(node);
      case 'Filter':
        return this.applyFilterNode(node);
      case 'Test':
        return this.test(node.name, this.expr(node.target), this.args(node.args.children).args);
      case 'In':
        return pyContains(this.expr(node.right), this.expr(node.left));
      case 'Not':
        return !truthy(this.expr(node.target));
      case 'And': {
        const left = this.expr(node.left);
        return truthy(left) ? this.expr(node.right) : left;
      }
      case 'Or': {
        const left = this.expr(node.left);
        return truthy(left) ? left : this.expr(node.right);
      }
      case 'InlineIf':
        if (truthy(this.expr(node.cond))) return this.expr(node.body);
        return node.else_ ? this.expr(node.else_) : new StrictUndefined('the inline if-expression evaluated to false and no else section was defined.');
      case 'Compare':
        return this.compare(node);
      case 'Concat':
        return pyStr(this.expr(node.left)) + pyStr(this.expr(node.right));
      case 'Add':
      case 'Sub':
      case 'Mul':
      case 'Div':
      case 'FloorDiv':
      case 'Mod':
      case 'Pow':
        return binaryOperation(node.typename, this.expr(node.left), this.expr(node.right));
      case 'Neg':
      case 'Pos':
        return unaryOperation(node.typename, this.expr(node.target));
      case 'Capture':
        return this.statements(node.body.children);
      case 'Caller':
        // The body of a `{% call %}` block, passed to the macro as `caller`.
        return this.macro(node);
      default:
        throw new TemplateError('template-error', `unsupported expression (${node.typename})`);
    }
  }

  private symbol(name: string): unknown {
    // Jinja2 spells them True/False/None; nunjucks only knows the lowercase forms.
    if (name === 'True') return true;
    if (name === 'False') return false;
    if (name === 'None') return null;
    return this.variable(name);
  }

  private lookupVal(node: TNode): unknown {
    const target = this.expr(node.target);
    if (node.val.typename === 'Slice') {
      const v = node.val;
      const part = (n: TNode | null) => (n ? defined(this.expr(n)) : null);
      return slice(defined(target), part(v.start), part(v.stop), part(v.step));
    }
    const dotted = node.val.typename === 'Literal' && isDotLookup(node);
    const key = dotted ? node.val.value : defined(this.expr(node.val));
    // hostvars are computed on access, not read as variables: check what comes out of them.
    if (isLazy(target) && typeof plain(key) === 'string') this.noteUnsafe((target as PyDict)[plain(key) as string]);
    return lookup(target, key, dotted ? 'dot' : 'subscript');
  }

  private args(list: TNode[]): { args: unknown[]; kwargs: Kwargs } {
    const args: unknown[] = [];
    const kwargs: Kwargs = {};
    for (const a of list) {
      if (a.typename === 'KeywordArgs') {
        for (const p of a.children) {
          if (p.typename === 'DoubleSplat') Object.assign(kwargs, this.namedUnpacked(p.value));
          else kwargs[p.key.value] = this.expr(p.value);
        }
      } else if (a.typename === 'Splat') {
        const more = this.expr(a.value);
        if (typeof more === 'number' || typeof more === 'boolean' || more === null || more === undefined) throw new TemplateError('template-error', `Value after * must be an iterable, not ${typeName(more)}`);
        args.push(...pyIter(more));
      } else args.push(this.expr(a));
    }
    return { args, kwargs };
  }

  /** `**x` in a call: the mapping's entries as named arguments. */
  private namedUnpacked(node: TNode): Kwargs {
    const named = this.expr(node);
    if (!isMapping(named)) throw new TemplateError('template-error', `argument after ** must be a mapping, not ${typeName(named)}`);
    return { ...named };
  }

  private call(node: TNode): unknown {
    const callee = this.expr(node.name);
    if (callee instanceof StrictUndefined) throw undefinedError(callee);
    if (!(callee instanceof PyCallable)) throw new TemplateError('template-error', `'${typeName(callee)}' object is not callable`);
    const { args, kwargs } = this.args(node.args.children);
    try {
      return callee.call(args, kwargs);
    } catch (err) {
      throw asTemplateError(err, `${callee.name}()`);
    }
  }

  private applyFilterNode(node: TNode): unknown {
    const [subject, ...rest] = node.args.children as TNode[];
    const value = this.expr(subject!);
    const { args, kwargs } = this.args(rest);
    return this.filter(node.name.value, value, args, kwargs);
  }

  filter(name: string, value: unknown, args: unknown[], kwargs: Kwargs = {}): unknown {
    const def = filters[shortName(name)];
    if (!def) throw new TemplateError('template-error', invalidPluginName(name) ?? `no filter named '${name}'`);
    if (!def.acceptsUndefined) {
      defined(value);
      args.forEach(defined);
      Object.values(kwargs).forEach(defined);
    }
    try {
      return def.fn(def.acceptsUndefined ? value : plain(value), args.map(plain), kwargs, this);
    } catch (err) {
      throw asTemplateError(err, `${name}`);
    }
  }

  test(name: string, value: unknown, args: unknown[]): boolean {
    const short = shortName(name);
    const fn = tests[short];
    if (!fn) throw new TemplateError('template-error', invalidPluginName(name) ?? `no test named '${name}'`);
    if (short !== 'defined' && short !== 'undefined') defined(value);
    try {
      return fn(plain(value), args.map(plain), this);
    } catch (err) {
      throw asTemplateError(err, `test ${name}`);
    }
  }

  private compare(node: TNode): boolean {
    let left = this.expr(node.expr);
    for (const op of node.ops as TNode[]) {
      const right = this.expr(op.expr);
      if (!compareOp(op.type, left, right)) return false;
      left = right;
    }
    return true;
  }
}

/** Ansible's finalize step: `{{ none }}` prints nothing inside text. */
function finalize(value: unknown): string {
  return value === null ? '' : pyStr(value);
}

function isDotLookup(node: TNode): boolean {
  // Set by our parsePostfix for `a.b` (as opposed to `a['b']`): Jinja2 resolves them differently.
  return node.dot === true;
}

/**
 * A filter or test name that cannot name any plugin (`select('asdf ')`), with Ansible's words for it,
 * which playbooks match on; undefined for a well-formed name.
 */
function invalidPluginName(name: string): string | undefined {
  const fq = name.includes('.') ? name : `ansible.builtin.${name}`;
  return /^\w+\.\w+\.\w+(\.\w+)*$/.test(fq) ? undefined : `TemplateSyntaxError: Could not load "${name}": 'invalid plugin name: ${fq}'`;
}

function shortName(name: string): string {
  return name.replace(/^ansible\.(builtin|legacy)\./, '');
}

function dictKey(key: unknown): string {
  return pyStr(defined(key));
}

function compareOp(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
    case '===':
      return pyEquals(a, b);
    case '!=':
    case '!==':
      return !pyEquals(a, b);
    case '<':
      return pyCompare(a, b, op) < 0;
    case '>':
      return pyCompare(a, b, op) > 0;
    case '<=':
      return pyCompare(a, b, op) <= 0;
    case '>=':
      return pyCompare(a, b, op) >= 0;
    default:
      throw new TemplateError('template-syntax', `unknown comparison '${op}'`);
  }
}

function located(err: unknown, node: TNode): unknown {
  if (err instanceof TemplateError && err.line === undefined && typeof node.lineno === 'number' && node.lineno >= 0) {
    const copy = new TemplateError(err.code as 'template-error', err.message, { line: node.lineno + 1, col: node.colno + 1, hint: err.hint, cause: err.cause });
    return copy;
  }
  return err;
}

/**
 * An error inside another variable's template: its line/col belong to that template, not to the
 * one being rendered, so drop them (the reference gets located instead) and say where it came from.
 */
function inVariable(err: unknown, name: string, raw: unknown): unknown {
  if (!(err instanceof TemplateError) || err.hint?.startsWith('in variable')) return err;
  const shown = typeof raw === 'string' ? `: ${raw.length > 80 ? raw.slice(0, 77) + '...' : raw}` : '';
  return new TemplateError(err.code as 'template-error', err.message, { hint: `in variable '${name}'${shown}`, cause: err.cause });
}

/** An error inside an included or imported template: its position belongs to that file, so name it. */
function inTemplate<T>(name: string, render: () => T): T {
  try {
    return render();
  } catch (err) {
    if (!(err instanceof TemplateError) || err.hint?.startsWith('in template')) throw err;
    const at = err.line === undefined ? '' : ` line ${err.line}`;
    throw new TemplateError(err.code as 'template-error', err.message, { hint: `in template '${name}'${at}`, cause: err.cause });
  }
}

function asTemplateError(err: unknown, where: string): unknown {
  if (err instanceof TemplateError) return err;
  if (err instanceof Error && 'code' in err && typeof (err as { code: unknown }).code === 'string' && err.name === 'HaRunError') return err;
  const message = err instanceof Error ? err.message : String(err);
  return new TemplateError('template-error', `${where}: ${message}`, { cause: err });
}

/**
 * Ansible turns a rendered string that looks like a list, dict or boolean back into that value
 * (ast.literal_eval). Anything that is not a pure literal stays text.
 */
export { isTemplate, isUndefined };
