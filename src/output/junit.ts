// `--junit FILE`: the run as a JUnit XML report, shaped as Ansible's junit callback writes it, so CI
// systems show each task on each host as a test: a <testsuite> per playbook, a <testcase> per task and
// host (classname `file:line` of the task, name `[host] play: task`, time in seconds), <failure> for a
// failed task, <skipped> for a skipped one, ignored failures passed. Task arguments are left out (they
// may hold secrets), as with Ansible's JUNIT_HIDE_TASK_ARGUMENTS. Unreachable hosts, which Ansible's
// callback leaves out, are <error type="unreachable">.
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { HostResultEvent, PlayStartEvent, RunStartEvent, TaskStartEvent } from './events.js';
import { taskTitle } from './plain.js';
import type { Reporter } from './reporter.js';

interface Case {
  classname: string;
  name: string;
  seconds: number;
  outcome: { kind: 'passed'; out: string } | { kind: 'failure' | 'error'; message: string; out: string; type: string } | { kind: 'skipped'; message: string };
}

interface Suite {
  name: string;
  cases: Case[];
}

/** XML 1.0 allows neither most control characters nor lone surrogates: they become U+FFFD. */
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function caseOf(e: HostResultEvent, play: string, started: number, now: number, playbook: string): Case {
  const where = e.task.location ? `${e.task.location.file}:${e.task.location.line}` : playbook;
  const base = { classname: where, name: `[${e.host}] ${play}: ${taskTitle(e.task)}`, seconds: Math.max(0, now - started) / 1000 };
  const out = JSON.stringify(e.result, null, 4);
  if (e.status === 'unreachable') return { ...base, outcome: { kind: 'error', type: 'unreachable', message: e.msg ?? 'unreachable', out } };
  if ((e.status === 'failed' || e.status === 'interrupted') && !e.ignored) {
    const msg = typeof e.result.msg === 'string' ? e.result.msg : e.msg;
    return { ...base, outcome: { kind: 'failure', type: 'failure', message: msg ?? (typeof e.result.rc === 'number' ? `rc=${e.result.rc}` : e.status), out } };
  }
  if (e.status === 'skipped') return { ...base, outcome: { kind: 'skipped', message: typeof e.result.skip_reason === 'string' ? e.result.skip_reason : 'skipped' } };
  return { ...base, outcome: { kind: 'passed', out } };
}

/** The counting attributes, in Ansible's (alphabetical) order; a suite's name sits among them. */
function counts(cases: Case[], name?: string): string {
  const n = (kind: Case['outcome']['kind']) => cases.filter((c) => c.outcome.kind === kind).length;
  const time = cases.reduce((s, c) => s + c.seconds, 0);
  const suite = name === undefined ? '' : ` name="${xmlEscape(name)}" skipped="${n('skipped')}"`;
  return `disabled="0" errors="${n('error')}" failures="${n('failure')}"${suite} tests="${cases.length}" time="${time.toFixed(3)}"`;
}

function caseXml(c: Case): string {
  const open = `\t\t<testcase classname="${xmlEscape(c.classname)}" name="${xmlEscape(c.name)}" time="${c.seconds.toFixed(3)}"`;
  const o = c.outcome;
  if (o.kind === 'passed') return `${open}>\n\t\t\t<system-out>${xmlEscape(o.out)}</system-out>\n\t\t</testcase>`;
  if (o.kind === 'skipped') return `${open}>\n\t\t\t<skipped>${xmlEscape(o.message)}</skipped>\n\t\t</testcase>`;
  return `${open}>\n\t\t\t<${o.kind} message="${xmlEscape(o.message)}" type="${xmlEscape(o.type)}">${xmlEscape(o.out)}</${o.kind}>\n\t\t</testcase>`;
}

export function junitXml(suites: Suite[]): string {
  const all = suites.flatMap((s) => s.cases);
  const lines = ['<?xml version="1.0" ?>', `<testsuites ${counts(all)}>`];
  for (const s of suites) {
    lines.push(`\t<testsuite ${counts(s.cases, s.name)}>`);
    for (const c of s.cases) lines.push(caseXml(c));
    lines.push('\t</testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

/** Collects results during the run and writes FILE at its end (also after a failure or Ctrl-C). */
export class JunitReporter implements Reporter {
  private readonly suites: Suite[] = [];
  private playbooks: string[] = [];
  private play = '';
  private taskStarted = Date.now();

  constructor(
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  runStart(e: RunStartEvent): void {
    this.playbooks = e.playbooks;
  }

  playStart(e: PlayStartEvent): void {
    this.play = e.name;
    const playbook = e.playbook ?? this.playbooks[0] ?? 'playbook';
    const name = basename(playbook, extname(playbook));
    if (this.suites.at(-1)?.name !== name) this.suites.push({ name, cases: [] });
  }

  taskStart(_e: TaskStartEvent): void {
    this.taskStarted = this.now();
  }

  handlerStart(_e: TaskStartEvent): void {
    this.taskStarted = this.now();
  }

  hostResult(e: HostResultEvent): void {
    this.add(e);
  }

  unreachable(e: HostResultEvent): void {
    this.add(e);
  }

  runEnd(): void {
    writeFileSync(this.file, junitXml(this.suites));
  }

  private add(e: HostResultEvent): void {
    if (this.suites.length === 0) this.suites.push({ name: 'playbook', cases: [] });
    const playbook = this.playbooks[0] ?? '';
    this.suites.at(-1)!.cases.push(caseOf(e, this.play, this.taskStarted, this.now(), playbook));
  }
}
