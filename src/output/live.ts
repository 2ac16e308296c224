// The terminal view: for each task a listr2 list with a line per host (a spinner while it runs, a dim
// `queued` while it waits for one of the forks, then its status in colour, the time it took and why it
// changed), under the task's line with its done/total count. Details a live line has no room for
// (failures, diffs, -v results) and the recap are printed as plain lines once the task is done. The
// only listr2 import. Loaded on the first task, so runs without a terminal (CI, pipes, --json) never load listr2.
const loadListr = async () => await import('listr2');
import type { HostResultEvent, PlayStartEvent, RetryEvent, RunEndEvent, TaskStartEvent, WarningEvent } from './events.js';
import { itemLine, queuedLine, resultLine, retryLine, type Painter } from './live-lines.js';
import { PlainReporter, taskTitle } from './plain.js';
import type { Reporter } from './reporter.js';

import { colourWanted, paint, STATUS_COLOUR } from './colour.js';

const DIM = '2';

function painter(colour: boolean): Painter {
  return (text, status) => (colour ? paint(text, status === 'dim' ? DIM : (STATUS_COLOUR[status as keyof typeof STATUS_COLOUR] ?? '0')) : text);
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
  /** Hosts the executor works on at once (--forks): the live list runs as many lines at once. */
  private readonly forks: number;
  private readonly paint: Painter;

  constructor(
    private readonly write: (s: string) => void,
    opts: { verbosity: number; colour?: boolean; forks?: number },
  ) {
    this.verbosity = opts.verbosity;
    this.forks = opts.forks ?? Infinity;
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
    const { Listr, ListrDefaultRendererLogLevels: Level, figures } = await loadListr();
    let started = 0;
    let done = 0;
    let failed = 0;
    // The task's line counts finished hosts (`3/24`) and says when one failed.
    const heading = () => `${title}  ${done}/${hosts.length}${failed > 0 ? paint(`  ${failed} failed`, 'failed') : ''}`;
    // A list taller than the terminal shows only its last lines while it runs (the task's line scrolls away):
    // then the count is repeated in a bottom line, which listr2 clears when the task is done.
    const tall = hosts.length + 2 > (process.stdout.rows ?? 24);
    // (A host's result can come a moment before its line is started: count it as started by then.)
    const summary = () => `${heading()}  ${Math.max(0, started - done)} running, ${hosts.length - Math.max(started, done)} queued`;
    let parent: { title: string; output?: string } | undefined;
    const refresh = () => {
      if (!parent) return;
      parent.title = heading();
      if (tall) parent.output = summary();
    };
    const counted = new Set<string>();
    const progress = (e: HostResultEvent) => {
      if (counted.has(e.host)) return;
      counted.add(e.host);
      done += 1;
      if ((e.status === 'failed' && !e.ignored) || e.status === 'unreachable') failed += 1;
      refresh();
    };
    const list = new Listr(
      [
        {
          title: heading(),
          rendererOptions: { bottomBar: 1 },
          task: (_ctx, task) => {
            parent = task;
            refresh();
            // As many hosts at once as the executor works on (forks, in the same order): the others wait,
            // shown dim and still, not with a spinner that says they are being worked on.
            return task.newListr(
              hosts.map((host) => ({
                title: queuedLine(host, paint),
                task: async (_c, t) => {
                  t.title = host;
                  started += 1;
                  refresh();
                  const line = lines.get(host)!;
                  line.setTitle = (text) => (t.title = text);
                  const e = await waits.get(host)!.promise;
                  line.setTitle = undefined;
                  if (!e) {
                    t.title = `${host}  no result`;
                    return;
                  }
                  const text = resultLine(e, paint);
                  // Skipped: listr's own skip mark (↓), shown once (collapseSkips), not a warning.
                  if (e.status === 'skipped') return t.skip(text);
                  if ((e.status === 'failed' && !e.ignored) || e.status === 'unreachable' || e.status === 'interrupted') throw new Error(text);
                  t.title = text;
                },
              })),
              { concurrent: this.forks, exitOnError: false },
            );
          },
        },
      ],
      // The executor handles Ctrl-C (closes connections, exit 99): listr2 must not exit on its own.
      {
        exitOnError: false,
        registerSignalListeners: false,
        rendererOptions: {
          collapseSubtasks: false,
          collapseErrors: true,
          collapseSkips: true,
          suffixSkips: false,
          // A task with a failed host is marked failed (listr's default is a warning sign).
          icon: { [Level.COMPLETED_WITH_FAILED_SUBTASKS]: figures.cross },
          color: { [Level.COMPLETED_WITH_FAILED_SUBTASKS]: (s?: string) => paint(s ?? '', 'failed'), [Level.SKIPPED_WITH_COLLAPSE]: (s?: string) => paint(s ?? '', 'skipped') },
        },
      },
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
      line.setTitle?.(itemLine(e, line.items));
    }
    if (e.status === 'failed' || (e.diff && e.diff.length > 0)) this.plain.itemResult(e);
  }

  unreachable(e: HostResultEvent): void {
    this.resolveHost(e);
    this.plain.unreachable(e);
  }

  retrying(e: RetryEvent): void {
    // The host's line shows the retry, and its final line the attempts: the plain lines only at -v.
    this.current?.lines.get(e.host)?.setTitle?.(retryLine(e));
    if (this.verbosity > 0) this.plain.retrying(e);
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
