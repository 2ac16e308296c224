// A target's control characters never drive the terminal: every human output shows them escaped, while the
// JSON stream (and the log) keep the data exactly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HostResultEvent } from '../../../src/output/events.js';
import { createReporters } from '../../../src/output/setup.js';
import { terminalSafe, visibleControls } from '../../../src/output/terminal-safe.js';

const logDir = mkdtempSync(join(tmpdir(), 'ha-run-terminal-safe-'));
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

// Move up a line, erase it, and print a fake `ok` where the `fatal` line was; then a C1 CSI and a bidi override.
const HOSTILE = '\x1b[1A\x1b[2K\rok: [web1]\x9b2J \u202egnp.exe\x07';
const SHOWN = '\\x1b[1A\\x1b[2K\\rok: [web1]\\x9b2J \\u202egnp.exe\\x07';
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function failed(): HostResultEvent {
  return {
    host: 'web1',
    task: { name: 'migrate', module: 'command', output: 'command', handler: false },
    status: 'failed',
    durationMs: 3,
    msg: `boom ${HOSTILE}`,
    result: { failed: true, rc: 1, msg: `boom ${HOSTILE}`, stdout: `out ${HOSTILE}`, stderr: `err ${HOSTILE}`, [`key${HOSTILE}`]: 1 },
  };
}

async function output(choice: { json?: boolean; adhoc?: boolean; verbosity?: number }, send: (r: ReturnType<typeof createReporters>['reporter']) => Promise<void>): Promise<string> {
  let text = '';
  const out = createReporters({ json: choice.json === true, adhoc: choice.adhoc, verbosity: choice.verbosity ?? 0, live: false, logDir, write: (s) => (text += s) });
  await send(out.reporter);
  await out.close();
  return text;
}

describe('visibleControls', () => {
  it.each([
    ['plain text, tabs and newlines stay', 'a\tb\nc', 'a\tb\nc'],
    ['ESC and CR', '\x1b[31mred\r', '\\x1b[31mred\\r'],
    ['NUL, BEL, backspace, DEL', '\x00\x07\x08\x7f', '\\x00\\x07\\x08\\x7f'],
    ['C1 controls (8-bit CSI)', '\x9b31m', '\\x9b31m'],
    ['bidirectional overrides and isolates', '\u202e\u2066x\u2069', '\\u202e\\u2066x\\u2069'],
    ['other Unicode is kept', 'héllo — 日本', 'héllo — 日本'],
  ])('%s', (_name, input, expected) => {
    expect(visibleControls(input)).toBe(expected);
  });

  it('reaches nested values and keys, and leaves non-strings alone', () => {
    expect(terminalSafe({ 'k\x1b': ['\r', 1, null, true, { x: '\x9b' }] })).toEqual({ 'k\\x1b': ['\\r', 1, null, true, { x: '\\x9b' }] });
  });
});

describe('human output never passes a target\'s control characters through', () => {
  it('plain lines (fatal message, stderr tail, -v result, warnings)', async () => {
    for (const verbosity of [0, 1]) {
      const text = await output({ verbosity }, async (r) => {
        await r.hostResult(failed());
        await r.hostResult({ ...failed(), status: 'ok', task: { name: 'show', module: 'debug', output: 'show-result', handler: false }, result: { msg: HOSTILE } });
        await r.unreachable({ ...failed(), status: 'unreachable' });
        await r.warning({ message: `target said ${HOSTILE}`, host: 'web1' });
      });
      expect(text).not.toMatch(RAW_CONTROL);
      expect(text).toContain(`fatal: [web1]: FAILED! =>`);
      expect(text).toContain(verbosity === 0 ? `boom ${SHOWN}` : 'boom \\\\x1b[1A'); // -v shows the result as JSON
    }
  });

  it('ad-hoc blocks (a command\'s raw stdout and stderr)', async () => {
    const text = await output({ adhoc: true }, async (r) => r.hostResult(failed()));
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toContain(`out ${SHOWN}`);
    expect(text).toContain(`err ${SHOWN}`);
  });

  it('--json keeps the data as it came', async () => {
    const text = await output({ json: true }, async (r) => r.hostResult(failed()));
    const event = JSON.parse(text.trim()) as { result: { stderr: string } };
    expect(event.result.stderr).toBe(`err ${HOSTILE}`);
  });
});
