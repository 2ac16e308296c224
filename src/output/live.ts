// The terminal view: for each task a listr2 list with a line per host (spinner while it runs, then its
// status in colour and the time it took). Details a live line has no room for (failures, diffs, -v
// results) and the recap are printed as plain lines once the task is done. The only listr2 import.
// Loaded on the first task, so runs without a terminal (CI, pipes, --json) never load listr2.
const loadListr = async () => (await import('listr2')).Listr;
import type { HostResultEvent, PlayStartEvent, RunEndEvent, TaskStartEvent, WarningEvent } from './events.js';
import { PlainReporter, taskTitle } from './plain.js';
import type { Reporter } from './reporter.js';

import { colourWanted, paint, STATUS_COLOUR } from './colour.js';

type Painter = (text: string, status: string) => string;

function painter(colour: boolean): Painter {
  return (text, status) => (colour ? paint(text, STATUS_COLOUR[status as keyof typeof STATUS_COLOUR] ?? '0') : text);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

interface Pending {
  promise: Promise<HostResultEvent | undefined>;
  resolve(e: HostResultEvent | undefined): void;
}

function pending(): Pending {
  let resolve!: (e: HostResultEvent | undefined) => void;
  const promise = new Promise<HostResultEvent | undefined>((r) => (resolve = r));
  return { promise, resolve };
}

/** A host's line while its task runs: loop items and retries show there. */
interface HostLine {
  setTitle?(title: string): void;
  items: number;
}

export class LiveReporter implements Reporter {
  private current?: { running: Promise<unknown>; hosts: Map<string, Pending>; lines: Map<string, HostLine>; progress(e: HostResultEvent): void };
  /** Plain detail lines held back while the live list owns the screen. */
  private held: string[] = [];
  private readonly plain: PlainReporter;
  private readonly verbosity: number;
  private readonly paint: Painter;

  constructor(
    private readonly write: (s: string) => void,
    opts: { verbosity: number; colour?: boolean },
  ) {
    this.verbosity = opts.verbosity;
    const colour = opts.colour ?? colourWanted(true);
    this.paint = painter(colour);
    this.plain = new PlainReporter({ write: (s) => this.held.push(s), verbosity: opts.verbosity, colour });
  }

  private async settle(): Promise<void> {
    if (this.current) {
      for (const p of this.current.hosts.values()) p.resolve(undefined); // hosts that got no result (run_once, interrupted)
      await this.current.running;
      this.current = undefined;
    }
    if (this.held.length > 0) this.write(this.held.join(''));
    this.held = [];
  }

  async playStart(e: PlayStartEvent): Promise<void> {
    await this.settle();
    this.plain.playStart(e);
    await this.settle();
  }

  async taskStart(e: TaskStartEvent): Promise<void> {
    await this.start(`TASK [${taskTitle(e.task)}]`, e.hosts);
  }

  async handlerStart(e: TaskStartEvent): Promise<void> {
    await this.start(`RUNNING HANDLER [${taskTitle(e.task)}]`, e.hosts);
  }

  private async start(title: string, hosts: string[]): Promise<void> {
    await this.settle();
    const waits = new Map(hosts.map((h) => [h, pending()]));
    const lines = new Map(hosts.map((h): [string, HostLine] => [h, { items: 0 }]));
    const paint = this.paint;
    const Listr = await loadListr();
    let done = 0;
    let failed = 0;
    // The task's line counts finished hosts (`3/24`) and says when one failed.
    const heading = () => `${title}  ${done}/${hosts.length}${failed > 0 ? paint(`  ${failed} failed`, 'failed') : ''}`;
    let parent: { title: string } | undefined;
    const counted = new Set<string>();
    const progress = (e: HostResultEvent) => {
      if (counted.has(e.host)) return;
      counted.add(e.host);
      done += 1;
      if ((e.status === 'failed' && !e.ignored) || e.status === 'unreachable') failed += 1;
      if (parent) parent.title = heading();
    };
    const list = new Listr(
      [
        {
          title: heading(),
          task: (_ctx, task) => {
            parent = task;
            return task.newListr(
              hosts.map((host) => ({
                title: host,
                task: async (_c, t) => {
                  const line = lines.get(host)!;
                  line.setTitle = (text) => (t.title = text);
                  const e = await waits.get(host)!.promise;
                  line.setTitle = undefined;
                  if (!e) {
                    t.title = `${host}  no result`;
                    return;
                  }
                  const why = e.status === 'changed' && e.reasons && e.reasons.length > 0 ? `  (${e.reasons.join('; ')})` : '';
                  const label = `${host}  ${e.status}${e.ignored ? ' (ignored)' : ''}  ${seconds(e.durationMs)}`;
                  t.title = paint(label, e.status) + why;
                  if (e.status === 'failed' && !e.ignored) throw new Error(`${label}: ${e.msg ?? 'failed'}`);
                  if (e.status === 'unreachable' || e.status === 'interrupted') throw new Error(`${label}: ${e.msg ?? e.status}`);
                  // A skipped host is a plain line in its colour: not listr's skip, which shows it twice with a warning sign.
                },
              })),
              { concurrent: true, exitOnError: false },
            );
          },
        },
      ],
      // The executor handles Ctrl-C (closes connections, exit 99): listr2 must not exit on its own.
      { exitOnError: false, registerSignalListeners: false, rendererOptions: { collapseSubtasks: false, collapseErrors: true, collapseSkips: false } },
    );
    this.current = { running: list.run().catch(() => undefined), hosts: waits, lines, progress };
  }

  private resolveHost(e: HostResultEvent): void {
    const wait = this.current?.hosts.get(e.host);
    if (!wait) return;
    this.current!.progress(e);
    wait.resolve(e);
  }

  hostResult(e: HostResultEvent): void {
    this.resolveHost(e);
    // Only what a live line cannot show goes to the held plain lines.
    if (this.verbosity > 0 || e.status === 'failed' || e.status === 'interrupted' || (e.diff && e.diff.length > 0) || e.task.output === 'show-result') this.plain.hostResult(e);
  }

  itemResult(e: HostResultEvent): void {
    const line = this.current?.lines.get(e.host);
    if (line) {
      line.items += 1;
      line.setTitle?.(`${e.host}  item ${line.items}: ${e.item ?? ''}  ${e.status}`);
    }
    if (e.status === 'failed' || (e.diff && e.diff.length > 0)) this.plain.itemResult(e);
  }

  unreachable(e: HostResultEvent): void {
    this.resolveHost(e);
    this.plain.unreachable(e);
  }

  retrying(e: Parameters<PlainReporter['retrying']>[0]): void {
    this.current?.lines.get(e.host)?.setTitle?.(`${e.host}  retrying (${e.retriesLeft} left)`);
    this.plain.retrying(e);
  }

  included(e: Parameters<PlainReporter['included']>[0]): void {
    this.plain.included(e);
  }

  hostKeyRecorded(e: Parameters<PlainReporter['hostKeyRecorded']>[0]): void {
    this.plain.hostKeyRecorded(e);
  }

  warning(e: WarningEvent): void {
    this.plain.warning(e);
  }

  async runEnd(e: RunEndEvent): Promise<void> {
    await this.settle();
    this.plain.runEnd(e);
    await this.settle();
  }
}
