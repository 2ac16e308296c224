// A real terminal for tests: a detached tmux session of a given size on a private server socket, whose
// screen (and scrollback) can be read back with capture-pane. tmux is required: CI installs it (.ci/run),
// and a test that needs it fails rather than passing without having looked.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function requireTmux(): void {
  if (spawnSync('sh', ['-c', 'command -v tmux']).status !== 0) {
    throw new Error('tmux is not installed: the live view is tested in a real terminal (apt-get install -y tmux; .ci/run installs it)');
  }
}

function tmux(socket: string, args: string[]): string {
  const r = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

export class Terminal {
  private static made = 0;
  private readonly socket: string;

  /** A new terminal of `columns` x `rows` (no status line) running a plain `sh` with the prompt `$ `. */
  constructor(columns: number, rows: number) {
    requireTmux();
    // A server of its own: a terminal opened right after another one closed must not reach the old
    // server while it is still exiting ("server exited unexpectedly").
    this.socket = `ha-run-test-${process.pid}-${columns}x${rows}-${++Terminal.made}`;
    const conf = join(mkdtempSync(join(tmpdir(), 'ha-run-tmux-')), 'tmux.conf');
    writeFileSync(conf, 'set -g status off\nset -g history-limit 50000\n');
    tmux(this.socket, ['-f', conf, 'new-session', '-d', '-x', String(columns), '-y', String(rows), 'env PS1="$ " sh']);
  }

  /** Types a line, as a person would, and presses Enter. */
  type(line: string): void {
    tmux(this.socket, ['send-keys', '-l', line]);
    tmux(this.socket, ['send-keys', 'Enter']);
  }

  /** What the screen shows now (`history`: with the scrollback, wrapped lines joined as written). */
  capture(history = false): string {
    return tmux(this.socket, ['capture-pane', '-p', ...(history ? ['-J', '-S', '-'] : [])]);
  }

  /**
   * Polls the screen until `test` holds on it; gives up (throwing, with the screen) after `limitMs`. With
   * `steady`, only a screen that a second look a moment later shows the same (as `steady` reduces both) counts:
   * a capture can land in the middle of one redraw, which a person never sees.
   */
  async waitFor(test: (screen: string) => boolean, limitMs: number, options: { history?: boolean; steady?: (screen: string) => string } = {}): Promise<string> {
    const until = Date.now() + limitMs;
    for (;;) {
      const screen = this.capture(options.history);
      if (test(screen)) {
        if (!options.steady) return screen;
        await pause(30);
        if (options.steady(this.capture(options.history)) === options.steady(screen)) return screen;
      }
      if (Date.now() > until) throw new Error(`the terminal never showed what was awaited; it shows:\n${screen}`);
      await pause(100);
    }
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
