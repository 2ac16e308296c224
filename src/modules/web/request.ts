// One HTTP request made BY THE TARGET with its own curl (or wget when curl is missing). Everything
// about the request travels on stdin as a bundle (curl's config, wget's wgetrc, the body), so
// passwords and bodies are never on a command line; the script only names files in its own
// temporary directory. What comes back (status, headers, body) is target data, never a template.
import { shellQuote } from '../../connection/quote.js';

export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The request body's bytes. */
  body?: string | Buffer;
  /** A file on the target sent as the body (uri's src). */
  bodyFile?: string;
  user?: string;
  password?: string;
  validateCerts: boolean;
  /** CA certificates (a PEM file on the target) to verify the server with, instead of the system's. */
  caPath?: string;
  /** Seconds before giving up. */
  timeout: number;
  followRedirects: boolean;
  /** Ignore the target's proxy environment variables (use_proxy: false). */
  noProxy?: boolean;
  /** Send If-Modified-Since with this target file's mtime, when it exists (uri's dest). */
  ifModifiedSince?: string;
  /** TLS client certificate and key (PEM files on the target). */
  clientCert?: string;
  clientKey?: string;
  /** Connect through this Unix socket instead of the URL's host (uri's unix_socket; curl only). */
  unixSocket?: string;
}

export interface DownloadPlan {
  /** Print the body (base64) in the answer. */
  returnBody: boolean;
  /** Move the body here when the status is one of `keepOn` (a temp file next to the destination). */
  keepAt?: string;
  keepOn?: number[];
  /** Also print the body's digest with this algorithm's coreutils tool (sha256 -> sha256sum). */
  digest?: DigestAlgorithm;
  /** Make the temporary directory here instead of $TMPDIR (get_url's tmp_dest). */
  tmpDir?: string;
  /** Shell run after the answer is printed, in the temporary directory, with $code and $rc set. */
  then?: string;
}

export const DIGEST_ALGORITHMS = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

/** The parts one after the other, after a first line with their lengths: curlrc, wgetrc, url (for wget), body. */
export function requestBundle(req: HttpRequest): Buffer {
  const parts = [curlConfig(req), wgetConfig(req), req.url, req.body ?? ''].map((p) => Buffer.from(p));
  return Buffer.concat([Buffer.from(`${parts.map((p) => p.length).join(' ')}\n`), ...parts]);
}

/** curl's config-file quoting: a double-quoted string with backslash escapes. */
function curlString(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

function curlConfig(req: HttpRequest): string {
  const lines = [`url = ${curlString(req.url)}`, `request = ${curlString(req.method)}`, `max-time = ${req.timeout}`];
  for (const [name, value] of Object.entries(req.headers)) lines.push(`header = ${curlString(`${name}: ${value}`)}`);
  if (req.user !== undefined) lines.push(`user = ${curlString(`${req.user}:${req.password ?? ''}`)}`);
  if (req.bodyFile !== undefined) lines.push(`data-binary = ${curlString(`@${req.bodyFile}`)}`);
  else if (req.body !== undefined) lines.push('data-binary = "@body"');
  if (req.method === 'HEAD') lines.push('head');
  if (!req.validateCerts) lines.push('insecure');
  if (req.caPath !== undefined) lines.push(`cacert = ${curlString(req.caPath)}`);
  if (req.noProxy) lines.push('noproxy = "*"');
  if (req.followRedirects) lines.push('location', 'max-redirs = 50');
  if (req.ifModifiedSince !== undefined) lines.push(`time-cond = ${curlString(req.ifModifiedSince)}`);
  if (req.clientCert !== undefined) lines.push(`cert = ${curlString(req.clientCert)}`);
  if (req.clientKey !== undefined) lines.push(`key = ${curlString(req.clientKey)}`);
  if (req.unixSocket !== undefined) lines.push(`unix-socket = ${curlString(req.unixSocket)}`);
  return lines.join('\n') + '\n';
}

/** wgetrc takes a value to the end of its line: values with a line break cannot be said there. */
function wgetLine(key: string, value: string): string {
  return `${key} = ${value.replace(/[\r\n]+/g, ' ')}\n`;
}

function wgetConfig(req: HttpRequest): string {
  let rc = wgetLine('method', req.method) + wgetLine('timeout', String(req.timeout)) + 'content_on_error = on\nserver_response = on\n';
  for (const [name, value] of Object.entries(req.headers)) rc += wgetLine('header', `${name}: ${value}`);
  if (req.user !== undefined) rc += wgetLine('user', req.user) + wgetLine('password', req.password ?? '') + 'auth_no_challenge = on\n';
  if (req.bodyFile !== undefined) rc += wgetLine('body_file', req.bodyFile);
  else if (req.body !== undefined) rc += 'body_file = body\n';
  if (!req.validateCerts) rc += 'check_certificate = off\n';
  if (req.caPath !== undefined) rc += wgetLine('ca_certificate', req.caPath);
  if (req.noProxy) rc += 'use_proxy = off\n';
  rc += req.followRedirects ? 'max_redirect = 50\n' : 'max_redirect = 0\n';
  if (req.clientCert !== undefined) rc += wgetLine('certificate', req.clientCert);
  if (req.clientKey !== undefined) rc += wgetLine('private_key', req.clientKey);
  return rc;
}

/**
 * The script: unpacks the bundle from stdin into a private temporary directory, makes the request
 * with curl (or wget), and prints `key=value` lines: tool, rc, the write-out (w), the headers (h),
 * curl's or wget's stderr (e), the body's sha1 and size, and (when asked) the body itself, all base64.
 */
export function requestScript(plan: DownloadPlan, ifModifiedSince?: string): string {
  const b64 = (file: string) => `base64 < ${file} | tr -d '\\n'`;
  const keep = plan.keepAt
    ? `case " ${(plan.keepOn ?? []).join(' ')} " in *" $code "*) if [ "$rc" = 0 ]; then mv -f b ${shellQuote(plan.keepAt)} && echo kept=1; fi;; esac`
    : ':';
  // Without an existing file, curl's time-cond would warn: only ask when the file is there. wget has
  // no such option: it gets the header itself, from the file's mtime.
  const f = ifModifiedSince ? shellQuote(ifModifiedSince) : '';
  const timeCond = ifModifiedSince
    ? `if [ -e ${f} ]; then printf 'header = If-Modified-Since: %s\\n' "$(LC_ALL=C date -u -r ${f} '+%a, %d %b %Y %H:%M:%S GMT')" >> wgetrc; else sed -i '/^time-cond = /d' curlrc; fi`
    : ':';
  return [
    plan.tmpDir ? `d=$(mktemp -d -p ${shellQuote(plan.tmpDir)}) || exit 1` : 'd=$(mktemp -d) || exit 1',
    'trap \'cd /; rm -rf "$d"\' EXIT',
    'cd "$d" || exit 1',
    'cat > in',
    'set -- $(head -n 1 in)',
    'o=$(( $(head -n 1 in | wc -c) + 1 ))',
    'tail -c +$o in | head -c "$1" > curlrc',
    'tail -c +$(( o + $1 )) in | head -c "$2" > wgetrc',
    'tail -c +$(( o + $1 + $2 )) in | head -c "$3" > url',
    'tail -c +$(( o + $1 + $2 + $3 )) in | head -c "$4" > body',
    ': > b; : > h; : > w',
    timeCond,
    'if command -v curl >/dev/null 2>&1; then',
    "  echo tool=curl; curl -K curlrc -s -S -D h -o b -w '%{http_code} %{num_redirects} %{time_total} %{url_effective}' > w 2> e; rc=$?",
    '  code=$(cut -d " " -f 1 w)',
    'else',
    '  echo tool=wget; if grep -q "^unix-socket = " curlrc; then echo "wget cannot connect through a Unix socket (unix_socket needs curl)" > e; rc=1; else WGETRC=wgetrc wget -O b "$(cat url)" 2> e; rc=$?; fi',
    '  code=$(sed -n "s/^  HTTP\\/[0-9.]* \\([0-9]*\\).*/\\1/p" e | tail -n 1)',
    '  [ -n "$code" ] && [ "$rc" = 8 ] && rc=0',
    'fi',
    'echo "rc=$rc"',
    `printf 'w=%s\\n' "$(${b64('w')})"`,
    `printf 'h=%s\\n' "$(${b64('h')})"`,
    `printf 'e=%s\\n' "$(${b64('e')})"`,
    'printf \'sha1=%s\\n\' "$(sha1sum < b | cut -d " " -f 1)"',
    'printf \'size=%s\\n\' "$(wc -c < b)"',
    plan.digest ? `printf 'digest=%s\\n' "$(${plan.digest}sum < b | cut -d " " -f 1)"` : ':',
    plan.returnBody ? `printf 'b=%s\\n' "$(${b64('b')})"` : ':',
    keep,
    plan.then ?? 'exit 0',
  ].join('\n');
}
