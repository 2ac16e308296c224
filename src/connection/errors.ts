// Everything that can go wrong with the link to a host, one stable code each.
// `unreachable` follows Ansible's meaning: the host could not be worked on at all (recap "unreachable"),
// as opposed to a task that failed on a host that answered.
import { ExitCode, HaRunError } from '../errors.js';

export type ConnectionErrorCode =
  | 'unreachable'
  | 'auth-failed'
  | 'host-key-unknown'
  | 'host-key-changed'
  | 'timeout'
  | 'connection-dropped'
  | 'bad-connection-vars';

/** Who we tried to reach, for messages: `node1 (127.0.0.1:2201)`. */
export interface Endpoint {
  host: string;
  address: string;
  port: number;
  user?: string;
}

export function describeEndpoint(e: Endpoint): string {
  const who = e.user ? `${e.user}@` : '';
  return `${e.host} (${who}${e.address}:${e.port})`;
}

export class ConnectionError extends HaRunError {
  declare readonly code: ConnectionErrorCode;
  /** The inventory host name. */
  readonly host: string;
  /** True when the host counts as unreachable (Ansible), false when only one command failed. */
  readonly unreachable: boolean;

  constructor(
    code: ConnectionErrorCode,
    host: string,
    message: string,
    options: { hint?: string; cause?: unknown; unreachable?: boolean } = {},
  ) {
    super(code, message, { hint: options.hint, cause: options.cause, exitCode: ExitCode.hostsUnreachable });
    this.name = 'ConnectionError';
    this.host = host;
    this.unreachable = options.unreachable ?? true;
  }
}

/** A failed TCP connection in plain words, its system code kept for searching: `connection refused ... (ECONNREFUSED)`. */
export function networkFailure(e: Endpoint, err: Error & { code?: string }): string {
  const at = `${e.address}:${e.port}`;
  const why: Record<string, string> = {
    ECONNREFUSED: `connection refused: nothing listens on ${at}`,
    ENOTFOUND: `the name '${e.address}' does not resolve`,
    EAI_AGAIN: `the name '${e.address}' could not be resolved (the DNS lookup failed for now)`,
    EHOSTUNREACH: `no route to ${e.address}`,
    ENETUNREACH: `the network of ${e.address} is unreachable`,
    ETIMEDOUT: `the TCP connection to ${at} timed out`,
    ECONNRESET: `${at} reset the connection`,
    EPIPE: `${at} closed the connection`,
  };
  const text = err.code ? why[err.code] : undefined;
  return text ? `${text} (${err.code})` : err.message;
}

export class UnreachableError extends ConnectionError {
  constructor(e: Endpoint, why: string, cause?: unknown) {
    super('unreachable', e.host, `${describeEndpoint(e)} is unreachable: ${why}`, {
      cause,
      hint: 'check that the host is up, that sshd listens on that port and that ansible_host/ansible_port are right',
    });
    this.name = 'UnreachableError';
  }
}

export class AuthFailedError extends ConnectionError {
  constructor(e: Endpoint, why: string, hint?: string) {
    super('auth-failed', e.host, `${describeEndpoint(e)} refused authentication: ${why}`, {
      hint:
        hint ??
        'check ansible_user and ansible_ssh_private_key_file (or ssh-agent / ansible_password), and that the key is in the user\'s authorized_keys',
    });
    this.name = 'AuthFailedError';
  }
}

export class HostKeyUnknownError extends ConnectionError {
  readonly fingerprint: string;
  constructor(e: Endpoint, keyType: string, fingerprint: string, knownHostsFile: string, trustHint: string) {
    super(
      'host-key-unknown',
      e.host,
      `${describeEndpoint(e)} presented a host key that is not in ${knownHostsFile}: ${keyType} ${fingerprint}`,
      { hint: trustHint },
    );
    this.name = 'HostKeyUnknownError';
    this.fingerprint = fingerprint;
  }
}

export class HostKeyChangedError extends ConnectionError {
  readonly fingerprint: string;
  constructor(e: Endpoint, keyType: string, fingerprint: string, knownHostsFile: string, line: number, revoked = false) {
    super(
      'host-key-changed',
      e.host,
      revoked
        ? `${describeEndpoint(e)} presented a host key marked @revoked in ${knownHostsFile}:${line}: ${keyType} ${fingerprint}`
        : `${describeEndpoint(e)} presented a DIFFERENT host key than the one recorded in ${knownHostsFile}:${line}: now ${keyType} ${fingerprint}. Someone may be intercepting the connection, or the host was reinstalled.`,
      {
        hint: `if the change is expected, replace the old entry (ha-run hostkeys trust -i INVENTORY ${e.host.replace(/ \(jump host\)$/, '')} --replace-changed, or ssh-keygen -R ${e.port === 22 ? e.address : `'[${e.address}]:${e.port}'`} -f ${knownHostsFile}) and connect again; a changed key is never accepted automatically`,
      },
    );
    this.name = 'HostKeyChangedError';
    this.fingerprint = fingerprint;
  }
}

export class ConnectionTimeoutError extends ConnectionError {
  constructor(host: string, message: string, options: { unreachable: boolean; hint?: string }) {
    super('timeout', host, message, options);
    this.name = 'ConnectionTimeoutError';
  }
}

export class ConnectionDroppedError extends ConnectionError {
  constructor(e: Endpoint, why: string, cause?: unknown) {
    super('connection-dropped', e.host, `the connection to ${describeEndpoint(e)} was lost: ${why}`, {
      cause,
      hint: 'the host may have rebooted, sshd restarted, or the network dropped; run again once it is back',
    });
    this.name = 'ConnectionDroppedError';
  }
}

/** Connection variables that cannot work (bad port, unreadable key file...): the user's input, not the host.
 *  Found before any attempt to connect (`unreachable: false`), it is the task's failure, as in Ansible. */
export class BadConnectionVarsError extends ConnectionError {
  constructor(host: string, message: string, hint?: string, options: { unreachable?: boolean } = {}) {
    super('bad-connection-vars', host, message, { hint, unreachable: options.unreachable });
    this.name = 'BadConnectionVarsError';
  }
}
