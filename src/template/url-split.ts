// Python's urllib.parse.urlsplit, which Ansible's urlsplit filter and uri/url/urn tests build on:
// scheme, netloc, path, query and fragment, and the parts of the netloc (user, password, host, port).
import { TemplateError } from './errors.js';

export interface UrlParts {
  scheme: string;
  netloc: string;
  path: string;
  query: string;
  fragment: string;
  username: string | null;
  password: string | null;
  hostname: string | null;
  port: number | null;
}

const SCHEME_CHARS = /^[A-Za-z][A-Za-z0-9+.-]*$/;

/** Splits a URL as Python does; a bad netloc (unbalanced brackets, bad port) throws a TemplateError. */
export function urlSplit(input: string): UrlParts {
  // Python first drops leading control characters and spaces, and removes tabs and newlines anywhere.
  let url = input.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
  let scheme = '';
  let netloc = '';
  let query = '';
  let fragment = '';
  const colon = url.indexOf(':');
  if (colon > 0 && SCHEME_CHARS.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    url = url.slice(colon + 1);
  }
  if (url.startsWith('//')) {
    const stop = url.slice(2).search(/[/?#]/);
    const end = stop < 0 ? url.length : stop + 2;
    netloc = url.slice(2, end);
    url = url.slice(end);
    if (netloc.includes('[') !== netloc.includes(']')) throw new TemplateError('template-error', 'Invalid IPv6 URL');
  }
  const hash = url.indexOf('#');
  if (hash >= 0) [url, fragment] = [url.slice(0, hash), url.slice(hash + 1)];
  const mark = url.indexOf('?');
  if (mark >= 0) [url, query] = [url.slice(0, mark), url.slice(mark + 1)];
  const { username, password, hostname, port } = netlocParts(netloc);
  // Keys in Python's attribute order (alphabetical), as Ansible's urlsplit dict has them.
  return { fragment, hostname, netloc, password, path: url, port, query, scheme, username };
}

function netlocParts(netloc: string): Pick<UrlParts, 'username' | 'password' | 'hostname' | 'port'> {
  const at = netloc.lastIndexOf('@');
  let username: string | null = null;
  let password: string | null = null;
  if (at >= 0) {
    const userinfo = netloc.slice(0, at);
    const sep = userinfo.indexOf(':');
    [username, password] = sep < 0 ? [userinfo, null] : [userinfo.slice(0, sep), userinfo.slice(sep + 1)];
  }
  const hostport = netloc.slice(at + 1);
  let host: string;
  let port: string;
  if (hostport.startsWith('[')) {
    const close = hostport.indexOf(']');
    host = close < 0 ? hostport.slice(1) : hostport.slice(1, close);
    const after = close < 0 ? '' : hostport.slice(close + 1);
    port = after.startsWith(':') ? after.slice(1) : '';
  } else {
    const sep = hostport.indexOf(':');
    [host, port] = sep < 0 ? [hostport, ''] : [hostport.slice(0, sep), hostport.slice(sep + 1)];
  }
  return { username, password, hostname: host === '' ? null : host.toLowerCase(), port: portNumber(port) };
}

function portNumber(port: string): number | null {
  if (port === '') return null;
  if (!/^\d+$/.test(port)) throw new TemplateError('template-error', `Port could not be cast to integer value as '${port}'`);
  const n = Number(port);
  if (n > 65535) throw new TemplateError('template-error', 'Port out of range 0-65535');
  return n;
}
