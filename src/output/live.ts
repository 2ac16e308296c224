// The terminal view: for each task a listr2 list with a line per host (spinner while it runs, then its
// status in colour and the time it took). Details a live line has no room for (failures, diffs, -v
// results) and the recap are printed as plain lines once the task is done. The only listr2 import.
// Loaded on the first task, so runs without a terminal (CI, pipes, --json) never load listr2.
const loadListr = async () => (await import('listr2')).Listr;
import type { HostResultEvent, PlayStartEvent, RunEndEvent, TaskStartEvent } from './events.js';
import { PlainReporter, taskTitle } from './plain.js';
import type { Reporter } from './reporter.js';

const COLOUR: Record<string, string> = { ok: '32', changed: '33', failed: '31', skipped: '36', unreachable: '31', interrupted: '35' };

function paint(text: string, status: string): string {
  return `\x1b[${COLOUR[status] ?? '0'}m${text}\x1b[0m`;
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

export class LiveReporter implements Reporter {
  private current?: { running: Promise<unknown>; hosts: Map<string, Pending> };
  /** Plain detail lines held back while the live list owns the screen. */
  private held: string[] = [];
  private readonly plain: PlainReporter;
  private readonly verbosity: number;

  constructor(
    private readonly write: (s: string) => void,
    opts: { verbosity: number },
  ) {
    this.verbosity = opts.verbosity;
    this.plain = new PlainReporter({ write: (s) => this.held.push(s), verbosity: opts.verbosity });
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
    const Listr = await loadListr();
    const list = new Listr(
      [
        {
          title,
          task: (_ctx, task) =>
            task.newListr(
              hosts.map((host) => ({
                title: host,
                task: async (_c, t) => {
                  const e = await waits.get(host)!.promise;
                  if (!e) {
                    t.skip(`${host}: no result`);
                    return;
                  }
                  const label = `${host}  ${e.status}${e.ignored ? ' (ignored)' : ''}  ${seconds(e.durationMs)}`;
                  t.title = paint(label, e.status);
                  if (e.status === 'failed' && !e.ignored) throw new Error(`${label}: ${e.msg ?? 'failed'}`);
                  if (e.status === 'unreachable' || e.status === 'interrupted') throw new Error(`${label}: ${e.msg ?? e.status}`);
                  if (e.status === 'skipped') t.skip(paint(label, e.status));
                },
              })),
              { concurrent: true, exitOnError: false },
            ),
        },
      ],
      // The executor handles Ctrl-C (closes connections, exit 99): listr2 must not exit on its own.
      { exitOnError: false, registerSignalListeners: false, rendererOptions: { collapseSubtasks: false, collapseErrors: true, collapseSkips: false } },
    );
    this.current = { running: list.run().catch(() => undefined), hosts: waits };
  }

  private resolveHost(e: HostResultEvent): void {
    this.current?.hosts.get(e.host)?.resolve(e);
  }

  hostResult(e: HostResultEvent): void {
    this.resolveHost(e);
    // Only what a live line cannot show goes to the held plain lines.
    if (this.verbosity > 0 || e.status === 'failed' || e.status === 'interrupted' || (e.diff && e.diff.length > 0) || e.task.output === 'show-result') this.plain.hostResult(e);
  }

  itemResult(e: HostResultEvent): void {
    if (e.status === 'failed' || (e.diff && e.diff.length > 0)) this.plain.itemResult(e);
  }

  unreachable(e: HostResultEvent): void {
    this.resolveHost(e);
    this.plain.unreachable(e);
  }

  retrying(e: Parameters<PlainReporter['retrying']>[0]): void {
    this.plain.retrying(e);
  }

  included(e: Parameters<PlainReporter['included']>[0]): void {
    this.plain.included(e);
  }

  hostKeyRecorded(e: Parameters<PlainReporter['hostKeyRecorded']>[0]): void {
    this.plain.hostKeyRecorded(e);
  }

  warning(message: string): void {
    this.plain.warning(message);
  }

  async runEnd(e: RunEndEvent): Promise<void> {
    await this.settle();
    this.plain.runEnd(e);
    await this.settle();
  }
}
