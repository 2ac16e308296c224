// The ssh2 client (with host-key-scan.ts, the only files that import ssh2). One client per host for the whole
// run, Nagle off (LAB-NOTES: ~60 ms per round trip otherwise), keepalives on, host keys checked against
// known_hosts (a key recorded on first use is announced), optional jump hosts.
import { existsSync } from 'node:fs';
import { readRegularFile } from '../source/read-file.js';
// ssh2 is CommonJS: Node's ESM loader only offers its default export at run time.
import ssh2 from 'ssh2';
import type { AgentAuthMethod, Client, ClientChannel, ConnectConfig, NoAuthMethod, ParsedKey, PasswordAuthMethod, PublicKeyAuthMethod } from 'ssh2';
import type { Duplex, Readable } from 'node:stream';
import { ChannelLimit } from './channel-limit.js';
import { EarlyChannel } from './ssh-early-channel.js';
import {
  AuthFailedError,
  BadConnectionVarsError,
  ConnectionDroppedError,
  ConnectionTimeoutError,
  describeEndpoint,
  HostKeyChangedError,
  networkFailure,
  HostKeyUnknownError,
  UnreachableError,
  type ConnectionError,
  type Endpoint,
} from './errors.js';
import { appendHostKey, keepsNothing, readKnownHosts } from './host-key-record.js';
import { fingerprintSha256, keyTypeOf, knownHostName, knownKeyTypes, verifyHostKey } from './known-hosts.js';
import { feed, type RawResult, type ShellStreams } from './shell-session.js';
import { ChannelUnavailable, ShellConnection, type Transport } from './shell-connection.js';
import type { SshSettings } from './settings.js';
import type { Connection } from './types.js';

/** Extra channels beside the persistent shell; OpenSSH's MaxSessions is 10 and churn makes ~5 the safe limit. */
const MAX_EXTRA_CHANNELS = 4;
const KEEPALIVE_COUNT_MAX = 3;

const HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/** Known key types first, like OpenSSH: otherwise a host with several keys may show one we never recorded. */
function hostKeyAlgorithms(knownTypes: string[]): string[] {
  const preferred = HOST_KEY_ALGORITHMS.filter((alg) => knownTypes.includes(alg === 'rsa-sha2-512' || alg === 'rsa-sha2-256' ? 'ssh-rsa' : alg));
  return [...preferred, ...HOST_KEY_ALGORITHMS.filter((alg) => !preferred.includes(alg))];
}

type AuthMethod = PublicKeyAuthMethod | AgentAuthMethod | PasswordAuthMethod;

/** What a connection offers, in order, and a line per key for the failure message (tried or skipped, why). */
interface Credentials {
  methods: AuthMethod[];
  described: string[];
}

type KeySource = 'explicit' | 'config' | 'default';

/** Key files as ssh2 auth methods. Explicitly configured keys that cannot be used are errors; the ssh config's
 *  IdentityFile and the default ~/.ssh/id_* files that cannot be used are skipped, as ssh does. */
function keyMethods(s: SshSettings, user: string, hopKeys: string[]): Credentials {
  const methods: AuthMethod[] = [];
  const described: string[] = [];
  const load = (file: string, source: KeySource) => {
    let text: Buffer;
    try {
      text = readRegularFile(file);
    } catch (err) {
      if (source === 'explicit') throw new BadConnectionVarsError(s.host, `cannot read private key ${file} for ${s.host}: ${(err as Error).message}`, 'check ansible_ssh_private_key_file');
      if (source === 'config') described.push(`${file} (skipped: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message})`);
      return;
    }
    const parsed = ssh2.utils.parseKey(text, s.passphrase);
    if (parsed instanceof Error) {
      const encrypted = /passphrase|encrypted|decrypt/i.test(parsed.message);
      if (source !== 'explicit' || (encrypted && s.agent)) {
        described.push(`${file} (skipped: ${encrypted ? 'encrypted and no ansible_ssh_private_key_passphrase' : 'not a private key ha-run can read'})`);
        return; // the agent may hold the decrypted key
      }
      throw new BadConnectionVarsError(
        s.host,
        `cannot use private key ${file} for ${s.host}: ${parsed.message}`,
        encrypted ? 'set ansible_ssh_private_key_passphrase, or load the key into ssh-agent (SSH_AUTH_SOCK)' : 'check that the file is an OpenSSH/PEM private key',
      );
    }
    const key: ParsedKey = Array.isArray(parsed) ? (parsed[0] as ParsedKey) : parsed;
    described.push(`${file} (${key.type} ${fingerprintSha256(key.getPublicSSH())})`);
    methods.push({ type: 'publickey', username: user, key });
  };
  for (const f of hopKeys) load(f, 'config');
  for (const f of s.keyFiles) load(f, 'explicit');
  for (const f of s.configKeyFiles ?? []) load(f, 'config');
  for (const f of s.defaultKeyFiles) if (existsSync(f)) load(f, 'default');
  return { methods, described };
}

/** What we offer, in order. Possibly nothing: that is said once the host answers, not before (a closed port
 *  or an unknown name must be reported as what it is). */
function credentials(s: SshSettings, user: string, hopKeys: string[] = []): Credentials {
  const { methods, described } = keyMethods(s, user, hopKeys);
  if (s.agent) {
    methods.push({ type: 'agent', username: user, agent: s.agent });
    described.push(`the keys of ssh-agent (${s.agent})`);
  }
  if (s.password !== undefined) {
    methods.push({ type: 'password', username: user, password: s.password });
    described.push('a password');
  }
  return { methods, described };
}

/** Offers the methods in turn, skipping those the server does not take, and remembers which it takes. */
function authSequence(
  user: string,
  methods: AuthMethod[],
  refused: () => void,
): { handler: NonNullable<ConnectConfig['authHandler']>; serverMethods(): string[] | undefined } {
  // The server's first refusal lists the methods it takes; the rest of the queue skips the others. 'none'
  // first, as ssh does, would cost a round trip of every connection: only when there is nothing to offer,
  // so that the failure can still say what the server takes.
  const queue: (AuthMethod | NoAuthMethod)[] = methods.length > 0 ? [...methods] : [{ type: 'none', username: user }];
  let allowed: string[] | undefined;
  const handler = ((methodsLeft: string[] | null) => {
    if (methodsLeft) {
      allowed = methodsLeft;
      refused(); // called again only after a refusal
    }
    let next = queue.shift();
    while (next && allowed && !allowed.includes(next.type === 'agent' ? 'publickey' : next.type)) next = queue.shift();
    return next ?? false;
  }) as NonNullable<ConnectConfig['authHandler']>;
  return { handler, serverMethods: () => allowed };
}

/** Why authentication failed: what was offered (each key by file and fingerprint) and what the server takes. */
function authFailure(e: Endpoint, creds: Credentials, serverMethods: string[] | undefined): AuthFailedError {
  const takes = serverMethods ? `; the server accepts: ${serverMethods.join(', ')}` : '';
  if (creds.methods.length === 0) {
    const looked = creds.described.length > 0 ? ` (${creds.described.join('; ')})` : ' (no key file, no ssh-agent, no password)';
    return new AuthFailedError(e, `no credentials to offer${looked}${takes}`, 'set ansible_ssh_private_key_file (or IdentityFile in ~/.ssh/config) or ansible_password, or start ssh-agent (SSH_AUTH_SOCK)');
  }
  return new AuthFailedError(e, `none of the offered credentials were accepted: offered ${creds.described.join('; ')}${takes}`);
}

function trustHint(e: Endpoint, keyType: string, file: string): string {
  return (
    `check the fingerprint with the host's owner, then pin it: ha-run hostkeys trust -i INVENTORY ${e.host.replace(/ \(jump host\)$/, '')} ` +
    `(or ssh-keyscan -p ${e.port} -t ${keyType} ${e.address} >> ${file}); or allow recording new keys, each announced: --trust-new-host-keys / connect option trustOnFirstUse, or -o StrictHostKeyChecking=accept-new in ansible_ssh_common_args`
  );
}

/** An authenticated client and, when the server took one, its shell's channel asked for while logging in. */
interface OpenedClient {
  client: Client;
  early?: EarlyChannel;
}

/** One authenticated ssh2 client to `e`, through `sock` when it is reached via a jump host. `forShell`:
 *  the target itself, whose shell's channel is asked for with the login (a jump host only forwards). */
function openClient(s: SshSettings, e: Endpoint & { user: string }, forShell: boolean, sock?: Duplex, hopKeys: string[] = []): Promise<OpenedClient> {
  const knownHosts = [s.knownHostsFile, ...s.globalKnownHostsFiles].flatMap(readKnownHosts);
  const name = knownHostName(e.address, e.port);
  const creds = credentials(s, e.user, hopKeys);
  let early: EarlyChannel | undefined;
  const auth = authSequence(e.user, creds.methods, () => early?.authFailed());
  let rejection: ConnectionError | undefined;

  const hostVerifier = (key: Buffer): boolean => {
    const verdict = verifyHostKey(knownHosts, name, key);
    const type = keyTypeOf(key);
    if (verdict.status === 'known') return true;
    if (verdict.status === 'unknown') {
      if (s.trustOnFirstUse) {
        try {
          appendHostKey(s.knownHostsFile, name, key);
          const record = { host: e.host, name, keyType: type, fingerprint: fingerprintSha256(key), file: s.knownHostsFile };
          s.onHostKeyRecorded?.({ ...record, trustedBy: s.trustedBy ?? 'trust on first use', kept: !keepsNothing(s.knownHostsFile) });
          return true;
        } catch (err) {
          rejection = new BadConnectionVarsError(s.host, `cannot record the host key of ${describeEndpoint(e)} in ${s.knownHostsFile}: ${(err as Error).message}`);
          return false;
        }
      }
      rejection = new HostKeyUnknownError(e, type, fingerprintSha256(key), s.knownHostsFile, trustHint(e, type, s.knownHostsFile));
      return false;
    }
    rejection = new HostKeyChangedError(e, type, fingerprintSha256(key), s.knownHostsFile, verdict.entry.line, verdict.status === 'revoked');
    return false;
  };

  return new Promise<OpenedClient>((resolve, reject) => {
    const client = new ssh2.Client();
    let tcpConnected = sock !== undefined;
    let loggedIn = false;
    client.on('connect', () => (tcpConnected = true));
    client.once('ready', () => {
      loggedIn = true;
      client.removeAllListeners('error');
      // Later failures surface as 'close' to whoever watches the client; an 'error' without any listener
      // would crash the whole run instead.
      client.on('error', () => undefined);
      resolve({ client, early });
    });
    client.on('error', (err: Error & { level?: string; code?: string }) => {
      client.removeAllListeners('ready');
      client.end();
      if (rejection) return reject(rejection);
      if (err.level === 'client-authentication') return reject(authFailure(e, creds, auth.serverMethods()));
      if (err.level === 'client-timeout') {
        return reject(
          tcpConnected
            ? new ConnectionTimeoutError(s.host, `${describeEndpoint(e)} accepted the TCP connection but the SSH handshake did not finish within ${s.connectTimeoutMs / 1000}s`, { unreachable: true, hint: 'check that an SSH server (not another service) listens on that port, and raise ansible_ssh_timeout if the host is slow' })
            : new UnreachableError(e, `no answer within ${s.connectTimeoutMs / 1000}s`),
        );
      }
      reject(new UnreachableError(e, networkFailure(e, err), err));
    });
    // Safety net: a link that closes before 'ready' must never leave the caller waiting (no-op once settled).
    client.once('close', () => loggedIn || reject(rejection ?? new UnreachableError(e, 'the connection closed during the SSH handshake')));
    const config: ConnectConfig = {
      host: e.address,
      port: e.port,
      username: e.user,
      sock: sock as ConnectConfig['sock'],
      readyTimeout: s.connectTimeoutMs,
      keepaliveInterval: s.keepaliveIntervalMs,
      keepaliveCountMax: KEEPALIVE_COUNT_MAX,
      hostVerifier,
      authHandler: auth.handler,
      algorithms: { serverHostKey: hostKeyAlgorithms(knownKeyTypes(knownHosts, name)) as NonNullable<ConnectConfig['algorithms']>['serverHostKey'] },
    };
    try {
      client.connect(config);
      // Nagle off from the first byte, not only once logged in: it held each small handshake or login
      // message that followed another until the first was acknowledged.
      client.setNoDelay(true);
      if (forShell) early = EarlyChannel.arm(client);
    } catch (err) {
      reject(new UnreachableError(e, (err as Error).message, err));
    }
  });
}

/** A TCP stream to `e` opened by the jump host; bounded by the connect timeout (sshd may wait minutes). */
function forward(client: Client, e: Endpoint, timeoutMs: number): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new UnreachableError(e, `the jump host got no answer within ${timeoutMs / 1000}s`)), timeoutMs);
    client.forwardOut('127.0.0.1', 0, e.address, e.port, (err, stream) => {
      clearTimeout(timer);
      if (err) reject(new UnreachableError(e, `the jump host could not reach it: ${err.message}`, err));
      else resolve(stream);
    });
  });
}

class SshTransport implements Transport {
  private diedBecause?: string;
  private diedWith?: ConnectionError;
  private closing = false;
  private readonly limit = new ChannelLimit(MAX_EXTRA_CHANNELS);

  constructor(
    private readonly endpoint: Endpoint,
    private readonly client: Client,
    private readonly jumps: Client[],
    private readonly early?: EarlyChannel,
  ) {
    const die = (why: string) => {
      this.diedBecause ??= this.closing ? 'the connection was closed by ha-run' : why;
    };
    client.on('error', (err: Error) => die(err.message));
    client.on('close', () => die('the SSH connection closed'));
  }

  /** The error for anything asked of a connection that ended; made only when something asks (every
   *  connection of a run ends, and an error's stack costs time to take). */
  private get dead(): ConnectionError | undefined {
    if (this.diedBecause === undefined) return undefined;
    return (this.diedWith ??= new ConnectionDroppedError(this.endpoint, this.diedBecause));
  }

  describe(): string {
    return describeEndpoint(this.endpoint);
  }

  lost(why: string): ConnectionError {
    return this.dead ?? new ConnectionDroppedError(this.endpoint, why);
  }

  async openShell(): Promise<ShellStreams> {
    if (this.dead) throw this.dead;
    // exec, not a "shell" request: no pty, no motd, no login rc files; the user's shell runs /bin/sh.
    const stream =
      (await this.early?.exec(SHELL)) ??
      (await new Promise<ClientChannel>((resolve, reject) => {
        if (this.dead) return reject(this.dead);
        this.client.exec(SHELL, (err, channel) => (err ? reject(this.lost(`could not open a remote shell: ${err.message}`)) : resolve(channel)));
      }));
    return { input: stream, output: stream, errors: stream.stderr, destroy: () => stream.close() };
  }

  execStreaming(command: string, stdin: Buffer | Readable, timeoutMs?: number): Promise<RawResult> {
    return this.limit.use(
      () =>
        new Promise<RawResult>((resolve, reject) => {
          if (this.dead) return reject(this.dead);
          this.client.exec(command, (err, stream) => {
            if (err) return reject(this.dead ?? new ChannelUnavailable(err.message));
            const out: Buffer[] = [];
            const errs: Buffer[] = [];
            let rc = -1;
            let timer: NodeJS.Timeout | undefined;
            if (timeoutMs) {
              timer = setTimeout(() => {
                stream.close();
                reject(new ConnectionTimeoutError(this.endpoint.host, `a command on ${this.describe()} did not finish within ${timeoutMs} ms`, { unreachable: false }));
              }, timeoutMs);
            }
            stream.on('data', (b: Buffer) => out.push(b));
            stream.stderr.on('data', (b: Buffer) => errs.push(b));
            stream.on('exit', (code: number | null, signal?: string) => {
              rc = code ?? (signal ? 128 + (SIGNALS[signal] ?? 0) : 255);
            });
            let readFailure: Error | undefined;
            stream.on('close', () => {
              if (timer) clearTimeout(timer);
              if (readFailure) return reject(readFailure);
              if (rc < 0) return reject(this.lost('the channel closed before the command finished'));
              resolve({ rc, stdout: Buffer.concat(out), stderr: Buffer.concat(errs) });
            });
            feed(stdin, stream, (e) => (readFailure = e));
          });
        }),
    );
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const closed = new Promise<void>((resolve) => {
      if (this.dead) return resolve();
      this.client.once('close', () => resolve());
      setTimeout(resolve, 2000).unref();
    });
    this.client.end();
    await closed;
    for (const jump of this.jumps.reverse()) jump.end();
  }
}

const SHELL = '/bin/sh';

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, PIPE: 13, TERM: 15 };

/** The jump hosts opened in turn (each checked like any host), and a way to open a stream through the
 *  last of them to the target (none when there are no jump hosts: connect directly). */
export async function openJumpChain(s: SshSettings): Promise<{ jumps: Client[]; reachTarget(): Promise<Duplex | undefined> }> {
  const jumps: Client[] = [];
  try {
    let sock: Duplex | undefined;
    for (const [i, hop] of s.jumps.entries()) {
      const jumpEndpoint = { host: `${s.host} (jump host)`, address: hop.address, port: hop.port, user: hop.user ?? s.user };
      const { client: jump } = await openClient(s, jumpEndpoint, false, sock, hop.keyFiles);
      jumps.push(jump);
      const next = s.jumps[i + 1];
      if (next) sock = await forward(jump, { host: s.host, address: next.address, port: next.port }, s.connectTimeoutMs);
    }
  } catch (err) {
    for (const jump of jumps) jump.end();
    throw err;
  }
  const last = jumps.at(-1);
  const target = { host: s.host, address: s.address, port: s.port };
  return { jumps, reachTarget: async () => (last ? forward(last, target, s.connectTimeoutMs) : undefined) };
}

/** Connects (through any jump hosts) and returns the host's Connection. A host that could not be reached
 *  is tried again `s.retries` times, after 0, 1, 3, 7, 15, then 30 s, as Ansible's ssh connection does;
 *  a refused login or host key would only be refused again. */
export async function connectSsh(s: SshSettings): Promise<Connection> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await connectOnce(s);
    } catch (err) {
      const unreached = err instanceof UnreachableError || (err instanceof ConnectionTimeoutError && err.unreachable);
      if (!unreached || attempt >= s.retries) throw err;
      await new Promise((resume) => setTimeout(resume, Math.min(2 ** attempt - 1, 30) * 1000));
    }
  }
}

async function connectOnce(s: SshSettings): Promise<Connection> {
  const target = { host: s.host, address: s.address, port: s.port, user: s.user };
  const { jumps, reachTarget } = await openJumpChain(s);
  try {
    const { client, early } = await openClient(s, target, true, await reachTarget());
    return new ShellConnection(s.host, new SshTransport(target, client, jumps, early), s.commandTimeoutMs);
  } catch (err) {
    for (const jump of jumps) jump.end();
    throw err;
  }
}
