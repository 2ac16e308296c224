// The arguments uri and get_url share (Ansible's url_argument_spec), their schema and how they
// become a request.
import type { HttpRequest } from './request.js';

export interface HttpArgs {
  url: string;
  headers?: Record<string, string>;
  validate_certs?: boolean;
  ca_path?: string;
  url_username?: string;
  url_password?: string;
  username?: string;
  password?: string;
  force_basic_auth?: boolean;
  http_agent?: string;
  timeout?: number;
  use_proxy?: boolean;
  client_cert?: string;
  client_key?: string;
}

export const httpArgProperties = {
  url: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9+.-]*://', description: 'The URL to ask (http, https or ftp).' },
  headers: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] }, description: 'Request headers, a mapping of names to values.' },
  validate_certs: { type: 'boolean', default: true, description: "Check the server's TLS certificate." },
  ca_path: { type: 'string', description: "A PEM file of CA certificates (on the target) to check the server's certificate against, instead of the system's." },
  url_username: { type: 'string', description: 'User name for HTTP authentication (alias: username).' },
  username: { type: 'string', description: 'Alias of url_username.' },
  url_password: { type: 'string', description: 'Password for HTTP authentication (alias: password); sent to the tool on stdin, never on a command line.' },
  password: { type: 'string', description: 'Alias of url_password.' },
  force_basic_auth: { type: 'boolean', default: false, description: 'Send the credentials with the first request (ha-run always does: curl and wget send basic auth up front).' },
  http_agent: { type: 'string', default: 'ansible-httpget', description: 'The User-Agent header.' },
  timeout: { type: 'integer', minimum: 1, default: 30, description: 'Seconds before the request gives up.' },
  use_proxy: { type: 'boolean', default: true, description: "Use the target's proxy environment variables (curl and wget read them)." },
  client_cert: { type: 'string', description: 'A PEM client certificate on the target for TLS client authentication (it may hold the key too).' },
  client_key: { type: 'string', description: "The client certificate's private key (PEM) on the target, when not in client_cert." },
} as const;

export const HTTP_SECRET_ARGS = ['url_password', 'password'];

/** The request for these arguments (method, body and redirects are the module's). */
export function baseRequest(args: HttpArgs, timeoutDefault: number): Omit<HttpRequest, 'method' | 'followRedirects'> {
  const headers: Record<string, string> = { 'User-Agent': args.http_agent ?? 'ansible-httpget' };
  for (const [k, v] of Object.entries(args.headers ?? {})) headers[k] = String(v);
  const user = args.url_username ?? args.username;
  return {
    url: args.url,
    headers,
    user,
    password: user === undefined ? undefined : (args.url_password ?? args.password ?? ''),
    validateCerts: args.validate_certs !== false,
    ...(args.ca_path !== undefined ? { caPath: args.ca_path } : {}),
    timeout: args.timeout ?? timeoutDefault,
    noProxy: args.use_proxy === false,
    ...(args.client_cert !== undefined ? { clientCert: args.client_cert } : {}),
    ...(args.client_key !== undefined ? { clientKey: args.client_key } : {}),
  };
}

/** Ansible's "OK (N bytes)" (from Content-Length) for a good answer, the HTTP error text otherwise. */
export function responseMsg(status: number, reason: string, headers: Record<string, string>, error?: string): string {
  if (status === -1) return `Request failed: ${error ?? 'no response'}`;
  if (status >= 200 && status < 300) return `OK (${headers['content-length'] ?? 'unknown'} bytes)`;
  return `HTTP Error ${status}: ${reason}`;
}
