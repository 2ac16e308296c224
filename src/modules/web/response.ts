// The answer of request.ts's script, read back: status, headers as Ansible names them, body.
import { ask, type Fact } from '../kit/fact.js';
import { probeOf } from '../kit/probe.js';
import type { Connection } from '../../connection/types.js';
import { requestBundle, requestScript, type DownloadPlan, type HttpRequest } from './request.js';

export interface HttpResponse {
  tool: 'curl' | 'wget';
  /** The tool's exit status: 0 when a response came (whatever its status code). */
  rc: number;
  /** -1 when no response came at all (as Ansible says). */
  status: number;
  /** The status line's reason phrase ("Not Found"). */
  reason: string;
  redirects: number;
  /** Seconds the request took. */
  elapsed: number;
  /** The URL of the last response (after redirects), when the tool said. */
  finalUrl?: string;
  /** The last response's headers: lower-case names, the last value of a repeated header. */
  headers: Record<string, string>;
  /** Every Set-Cookie value, in order. */
  setCookies: string[];
  /** The tool's error message when no response came. */
  error?: string;
  sha1: string;
  /** The body's digest, when the plan asked for one. */
  digest?: string;
  size: number;
  body?: Buffer;
  /** The body was moved to DownloadPlan.keepAt. */
  kept: boolean;
}

export interface RequestArgs {
  request: HttpRequest;
  plan: DownloadPlan;
}

/** One request, made by the target; the bundle (with any password) goes on stdin. */
export const httpResponse: Fact<RequestArgs, HttpResponse> = {
  name: 'the HTTP response',
  requires: ['curl|wget', 'base64', 'sha1sum', 'mktemp'],
  script: ({ plan, request }) => requestScript(plan, request.ifModifiedSince),
  input: ({ request }) => requestBundle(request),
  parse: (stdout) => parseResponse(stdout),
};

export function fetchOnTarget(conn: Connection, request: HttpRequest, plan: DownloadPlan): Promise<HttpResponse> {
  return probeOf(conn).many(ask(httpResponse, { request, plan })).then(([r]) => r);
}

const fromBase64 = (v: string | undefined) => Buffer.from(v ?? '', 'base64');

export function parseResponse(stdout: string): HttpResponse {
  const fields: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) fields[line.slice(0, eq)] = line.slice(eq + 1);
  }
  const tool = fields.tool === 'wget' ? 'wget' : 'curl';
  const rc = Number(fields.rc ?? 1);
  const stderr = fromBase64(fields.e).toString();
  const head = tool === 'curl' ? fromBase64(fields.h).toString('latin1') : wgetHeaders(stderr);
  const blocks = head.split(/\r?\n\r?\n/).filter((b) => /^HTTP\//.test(b.trim()));
  const last = blocks.at(-1)?.trim() ?? '';
  const [statusLine = '', ...headerLines] = last.split(/\r?\n/);
  const statusMatch = /^HTTP\/\S+\s+(\d{3})\s*(.*)$/.exec(statusLine);
  const headers: Record<string, string> = {};
  const setCookies: string[] = [];
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'set-cookie') setCookies.push(value);
    headers[name] = value;
  }
  const [, redirects = '0', time = '0', ...url] = fromBase64(fields.w).toString().split(' ');
  const status = statusMatch ? Number(statusMatch[1]) : -1;
  return {
    tool,
    rc,
    status,
    reason: statusMatch?.[2] ?? '',
    redirects: tool === 'curl' ? Number(redirects) : Math.max(0, blocks.length - 1),
    elapsed: Number(time) || 0,
    finalUrl: tool === 'curl' && url.length ? url.join(' ') : wgetFinalUrl(stderr),
    headers,
    setCookies,
    error: status === -1 || rc !== 0 ? errorText(stderr) : undefined,
    sha1: fields.sha1 ?? '',
    digest: fields.digest,
    size: Number(fields.size ?? 0),
    body: fields.b === undefined ? undefined : fromBase64(fields.b),
    kept: fields.kept === '1',
  };
}

/** wget -S prints each response's status line and headers indented by two spaces, among its own lines. */
function wgetHeaders(stderr: string): string {
  const out: string[] = [];
  for (const line of stderr.split('\n')) {
    if (/^ {2}HTTP\//.test(line)) out.push('', line.slice(2));
    else if (/^ {2}\S/.test(line) && out.length) out.push(line.slice(2));
  }
  return out.join('\n') + '\n';
}

function wgetFinalUrl(stderr: string): string | undefined {
  // "--2026-12-06 17:38:48--  (try: 2)  http://...": a retry says so before the URL.
  const urls = [...stderr.matchAll(/^--[\d-]+ [\d:]+--\s+(?:\(try:\s*\d+\)\s+)?(\S+)/gm)].map((m) => m[1]);
  return urls.at(-1);
}

function errorText(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^(HTTP\/|--\d)/.test(l));
  return lines.at(-1) ?? 'the request failed';
}
