// What uri registers, named as Ansible names it: status, url, redirected, elapsed, msg, the
// response headers (lower case, '-' as '_'), cookies, json (a JSON body, parsed), content.
// All of it is the server's data: it is never rendered as a template.
import type { ModuleResult } from '../../types.js';
import { responseMsg } from '../http-args.js';
import type { HttpResponse } from '../response.js';
import type { UriArgs } from './schema.js';

export function statusCodes(given: UriArgs['status_code']): number[] {
  if (given === undefined) return [200];
  const list = Array.isArray(given) ? given : typeof given === 'string' ? given.split(',') : [given];
  return list.map((c) => Number(String(c).trim()));
}

/** 'safe' (the default) follows redirects of GET and HEAD only; 'urllib2' is treated the same. */
export function wantsRedirects(mode: UriArgs['follow_redirects'], method: string): boolean {
  if (mode === 'all' || mode === 'yes') return true;
  if (mode === 'none' || mode === 'no') return false;
  return method === 'GET' || method === 'HEAD';
}

/** Python's repr of a list of ints: [200, 201]. */
function pyList(codes: number[]): string {
  return `[${codes.join(', ')}]`;
}

const JSON_SUBTYPES = ['json', 'javascript'];

function isJsonType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const sub = contentType.split(';')[0].trim().toLowerCase().split('/')[1] ?? '';
  return JSON_SUBTYPES.includes(sub) || JSON_SUBTYPES.includes(sub.split('+').at(-1) ?? '');
}

function charsetOf(contentType: string | undefined): BufferEncoding {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  return charset === 'iso-8859-1' || charset === 'latin1' || charset === 'latin-1' ? 'latin1' : 'utf8';
}

/** Ansible makes a relative Location absolute against the request URL. */
function absoluteLocation(base: string, location: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

function cookies(setCookies: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of setCookies) {
    const [pair] = c.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

export function uriResult(args: UriArgs, r: HttpResponse, codes: number[]): ModuleResult {
  const result: ModuleResult = { changed: false };
  for (const [name, value] of Object.entries(r.headers)) result[name.replace(/-/g, '_')] = value;
  if (typeof result.location === 'string') result.location = absoluteLocation(args.url, result.location);
  const success = r.status >= 200 && r.status < 300;
  if (success) {
    const jar = cookies(r.setCookies);
    result.cookies = jar;
    result.cookies_string = Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; ');
  }
  Object.assign(result, {
    redirected: r.redirects > 0,
    url: r.redirects > 0 && r.finalUrl ? r.finalUrl : args.url,
    status: r.status,
    msg: responseMsg(r.status, r.reason, r.headers, r.error),
    elapsed: Math.floor(r.elapsed),
  });
  const contentType = r.headers['content-type'];
  const text = r.body?.toString(charsetOf(contentType));
  if (text !== undefined && isJsonType(contentType)) {
    try {
      result.json = JSON.parse(text);
    } catch {
      // Not JSON after all: Ansible leaves json out too.
    }
  }
  if (args.return_content && text !== undefined) result.content = text;
  if (!codes.includes(r.status)) {
    result.failed = true;
    result.msg = `Status code was ${r.status} and not ${pyList(codes)}: ${result.msg}`;
  }
  return result;
}
