// wait_for: wait until a port listens (or stops, or drains), a file appears (optionally with text in
// it) or disappears, or simply for `timeout` seconds. The whole wait loop runs as ONE POSIX sh
// command on the target: ports are read from /proc/net/tcp{,6} (no bash /dev/tcp, no python);
// ports on other hosts need `nc` or bash on the target.
import { shellQuote } from '../../connection/quote.js';
import type { ActionModule } from '../types.js';
import { ModuleFailure } from '../failure.js';
import { exclusive } from '../schema-rules.js';

export interface WaitForArgs {
  host?: string;
  port?: number;
  path?: string;
  search_regex?: string;
  state?: 'started' | 'stopped' | 'present' | 'absent' | 'drained';
  delay?: number;
  timeout?: number;
  sleep?: number;
  connect_timeout?: number;
  msg?: string;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '0.0.0.0', '::1', '::', '']);

/** sh that succeeds when the local TCP port is in one of the /proc/net/tcp states (hex, e.g. 0A = LISTEN). */
function localPortIn(port: number, states: string[]): string {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const stateCase = states.join('|');
  return `{ cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | while read -r _sl local _rem st _rest; do case "$local" in *:${hexPort}) case "$st" in ${stateCase}) echo y; break;; esac;; esac; done | grep -q y; }`;
}

/** sh that succeeds when a TCP connection to host:port opens: with nc, else with bash's /dev/tcp (under
 *  `timeout`); with neither on the target it says so and stops the wait. */
function remotePortOpen(host: string, port: number, connectTimeout: number): string {
  const h = shellQuote(host);
  const nc = `nc -z -w ${connectTimeout} ${h} ${port} >/dev/null 2>&1`;
  const bash = `timeout ${connectTimeout} bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ ${h} ${port} >/dev/null 2>&1`;
  return `{ if command -v nc >/dev/null 2>&1; then ${nc}; elif command -v bash >/dev/null 2>&1; then ${bash}; else echo '@@ha-run-no-client'; exit 0; fi; }`;
}

/** The condition, in sh, that ends the wait successfully. */
export function waitCondition(args: WaitForArgs): string {
  const state = args.state ?? 'started';
  if (args.path !== undefined) {
    const q = shellQuote(args.path);
    if (state === 'absent' || state === 'stopped') return `[ ! -e ${q} ]`;
    if (args.search_regex !== undefined) return `grep -Eq -- ${shellQuote(args.search_regex)} ${q} 2>/dev/null`;
    return `[ -e ${q} ]`;
  }
  if (args.port !== undefined) {
    const host = args.host ?? '127.0.0.1';
    if (args.search_regex !== undefined) throw new ModuleFailure('search_regex on a port needs a socket client; ha-run supports search_regex with path only');
    if (LOCAL_HOSTS.has(host)) {
      if (state === 'drained') return `! ${localPortIn(args.port, ['01', '02', '03', '04', '05', '06', '08', '09', '0B'])}`;
      const listening = localPortIn(args.port, ['0A']);
      return state === 'stopped' || state === 'absent' ? `! ${listening}` : listening;
    }
    if (state === 'drained') throw new ModuleFailure(`state=drained looks at this host's own connections: use host: 127.0.0.1, not ${host}`);
    const check = remotePortOpen(host, args.port, args.connect_timeout ?? 5);
    return state === 'stopped' || state === 'absent' ? `! ${check}` : check;
  }
  return 'false';
}

export function waitScript(args: WaitForArgs): string {
  const timeout = args.timeout ?? 300;
  const onlySleep = args.port === undefined && args.path === undefined;
  return [
    `start=$(date +%s)`,
    `sleep ${args.delay ?? 0}`,
    // With neither port nor path, wait_for simply waits `timeout` seconds (Ansible's behaviour).
    onlySleep ? `sleep ${timeout}; echo "@@ha-run-ok $(( $(date +%s) - start ))"; exit 0` : '',
    `end=$(( $(date +%s) + ${timeout} ))`,
    `while :; do`,
    `  if ${waitCondition(args)}; then echo "@@ha-run-ok $(( $(date +%s) - start ))"; exit 0; fi`,
    `  [ "$(date +%s)" -ge "$end" ] && { echo "@@ha-run-timeout $(( $(date +%s) - start ))"; exit 0; }`,
    `  sleep ${args.sleep ?? 1}`,
    `done`,
  ].join('\n');
}

export const waitForModule: ActionModule<WaitForArgs> = {
  kind: 'action',
  name: 'wait_for',
  schema: {
    type: 'object',
    description: 'Waits for a port, a file (or text in it), or a number of seconds, on the target.',
    additionalProperties: false,
    properties: {
      host: { type: 'string', default: '127.0.0.1', description: 'Host whose port to wait for (another host needs nc or bash on the target).' },
      port: { type: 'integer', minimum: 1, maximum: 65535, description: 'TCP port to wait for.' },
      path: { type: 'string', description: 'File to wait for.' },
      search_regex: { type: 'string', description: 'With path: wait until the file contains a line matching this (extended) regexp.' },
      state: { type: 'string', enum: ['started', 'stopped', 'present', 'absent', 'drained'], default: 'started', description: 'What to wait for.' },
      delay: { type: 'integer', minimum: 0, default: 0, description: 'Seconds to wait before the first check.' },
      timeout: { type: 'integer', minimum: 0, default: 300, description: 'Give up (fail) after this many seconds.' },
      sleep: { type: 'integer', minimum: 1, default: 1, description: 'Seconds between checks.' },
      connect_timeout: { type: 'integer', minimum: 1, default: 5, description: 'Seconds for one connection attempt to another host.' },
      msg: { type: 'string', description: 'Message on timeout instead of the default.' },
    },
    allOf: [exclusive('port', 'path')],
  },
  async run(ctx, args) {
    const base = { changed: false, state: args.state ?? 'started', port: args.port, path: args.path, search_regex: args.search_regex, match_groups: [], match_groupdict: {} };
    if (ctx.check) return { ...base, elapsed: 0, msg: 'not waiting in check mode' };
    const limitMs = ((args.delay ?? 0) + (args.timeout ?? 300) + 30) * 1000;
    const r = await ctx.conn.exec(waitScript(args), { timeoutMs: limitMs, ownScript: true });
    const out = r.stdout.trim();
    if (out.includes('@@ha-run-no-client')) throw new ModuleFailure(`waiting for a port on ${args.host} needs nc or bash on ${ctx.host}; use host: 127.0.0.1 or install netcat`);
    const elapsed = Number(/@@ha-run-(?:ok|timeout) (\d+)/.exec(out)?.[1] ?? 0);
    if (out.startsWith('@@ha-run-ok')) return { ...base, elapsed };
    if (!out.startsWith('@@ha-run-timeout')) throw new ModuleFailure(`wait_for could not run on the target: ${r.stderr.trim() || out || `exit status ${r.rc}`}`);
    const what = args.path !== undefined ? `file ${args.path}` : `${args.host ?? '127.0.0.1'}:${args.port}`;
    const prefix = args.search_regex !== undefined ? ` to contain ${args.search_regex}` : '';
    return { ...base, elapsed, failed: true, msg: args.msg ?? `Timeout when waiting for ${what}${prefix}` };
  },
};
