// How the mysql family logs in: Ansible's login_* arguments, written into a client option file.
// The option file carries the password, so it only ever travels on stdin (see client.ts).
import type { ArgsSchema } from '../types.js';

export interface LoginArgs {
  login_user?: string;
  login_password?: string;
  login_host?: string;
  login_port?: number;
  login_unix_socket?: string;
  config_file?: string;
  connect_timeout?: number;
  ca_cert?: string;
  client_cert?: string;
  client_key?: string;
  check_hostname?: boolean;
}

/** The arguments every mysql module takes (community.mysql's common argument spec). */
export const loginProperties: Record<string, ArgsSchema> = {
  login_user: { type: 'string', description: 'The user to log in as (default: the connecting user, as the mysql client does; root under become).' },
  login_password: { type: 'string', description: 'Its password (given to the client in a 0600 option file, never on a command line).' },
  login_host: { type: 'string', description: "The server's host; localhost (the default) means the local socket." },
  login_port: { type: 'integer', minimum: 0, maximum: 65535, description: "The server's TCP port (3306)." },
  login_unix_socket: { type: 'string', description: 'The local socket to connect through (Debian: /run/mysqld/mysqld.sock).' },
  config_file: { type: 'string', default: '~/.my.cnf', description: 'A client option file read first when it exists; login_* arguments override it.' },
  connect_timeout: { type: 'integer', minimum: 1, default: 30, description: 'Seconds to wait for the connection.' },
  ca_cert: { type: 'string', description: 'CA certificate for TLS (alias: ssl_ca).' },
  client_cert: { type: 'string', description: 'Client certificate for TLS (alias: ssl_cert).' },
  client_key: { type: 'string', description: 'Client key for TLS (alias: ssl_key).' },
  check_hostname: { type: 'boolean', description: "Verify the server certificate's host name." },
  ssl_ca: { type: 'string', description: 'Alias of ca_cert.' },
  ssl_cert: { type: 'string', description: 'Alias of client_cert.' },
  ssl_key: { type: 'string', description: 'Alias of client_key.' },
};

/** Arguments that hold secrets in every mysql module. */
export const loginSecrets = ['login_password'];

/** The login part of a module's arguments, aliases resolved. */
export function loginOf(args: LoginArgs & { ssl_ca?: string; ssl_cert?: string; ssl_key?: string }): LoginArgs {
  return {
    login_user: args.login_user,
    login_password: args.login_password,
    login_host: args.login_host,
    login_port: args.login_port,
    login_unix_socket: args.login_unix_socket,
    config_file: args.config_file ?? '~/.my.cnf',
    connect_timeout: args.connect_timeout,
    ca_cert: args.ca_cert ?? args.ssl_ca,
    client_cert: args.client_cert ?? args.ssl_cert,
    client_key: args.client_key ?? args.ssl_key,
    check_hostname: args.check_hostname,
  };
}

/** An option file value: quoted, with the escapes the client's option parser undoes. */
export function optionValue(value: string): string {
  const escaped = value.replace(/[\\"\n\r\t\b]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b' })[c]!);
  return `"${escaped}"`;
}

/**
 * The [client] group that overrides whatever the config file says. Without login_host or with
 * `localhost` the client uses its socket: the Debian root login (unix_socket authentication).
 */
export function clientOptions(login: LoginArgs): string {
  const lines = ['[client]'];
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined) lines.push(`${key}=${optionValue(String(value))}`);
  };
  set('user', login.login_user);
  set('password', login.login_password);
  if (login.login_unix_socket !== undefined) {
    set('host', 'localhost');
    set('socket', login.login_unix_socket);
  } else {
    set('host', login.login_host);
  }
  set('port', login.login_port);
  set('connect-timeout', login.connect_timeout);
  set('ssl-ca', login.ca_cert);
  set('ssl-cert', login.client_cert);
  set('ssl-key', login.client_key);
  if (login.check_hostname !== undefined) lines.push(login.check_hostname ? 'ssl-verify-server-cert' : 'skip-ssl-verify-server-cert');
  return `${lines.join('\n')}\n`;
}
