// The persistent shell's channel, asked for in the same write as the authentication request that logs
// in, so opening the shell costs one round trip (the exec) instead of two. RFC 4252 (5.1) lets a client
// send messages for the service right after the request that will succeed: the server must pass them on
// once it has accepted the login. It is only done where that is safe and known to work:
//   - after the server said it takes the key (PK_OK), with the signed request for that key: a signature
//     it then refuses is rare, and a refusal simply voids the early channel (`authFailed`);
//   - with OpenSSH servers (the version they announce), which queue the message through their login;
//   - with ssh2's internals present (channel manager, protocol writer); another ssh2 version falls back.
// When the channel does not come (a server that dropped it), the shell opens one the ordinary way.
import type { Client, ClientChannel } from 'ssh2';

/** ssh2's own sizes for a session channel's window and largest packet (lib/Channel.js). */
const WINDOW = 2 * 1024 * 1024;
const PACKET = 32 * 1024;
/** How long a logged-in connection waits for the early channel's answer before opening another. */
const CONFIRMATION_WAIT_MS = 2000;
/** What OpenSSH servers announce (the versions ssh2 itself treats as OpenSSH). */
const OPENSSH = /^OpenSSH_([5-9]|\d{2,})/;

type Opened = ((err: Error | undefined, channel?: ClientChannel) => void) & { type?: string };
type Sign = (data: Buffer, done: (signature: Buffer) => void) => void;

interface ClientInternals {
  _remoteVer?: string;
  _chanMgr?: { add(onOpen: Opened): number; remove(id: number): void };
  _protocol?: {
    authPK(user: string, key: unknown, algo?: unknown, sign?: Sign): void;
    session(id: number, window: number, packet: number): void;
    exec(id: number, command: string, wantReply: boolean): void;
  };
}

interface ChannelInternals {
  outgoing?: { id?: number; state?: string };
  _callbacks?: ((failed: boolean | Error) => void)[];
  subtype?: string;
  allowHalfOpen?: boolean;
}

interface Pending {
  id: number;
  answer: Promise<ClientChannel | undefined>;
}

export class EarlyChannel {
  private pending?: Pending;
  private used = false;

  private constructor(private readonly client: Client & ClientInternals) {}

  /** Watches `client`'s authentication (call right after `connect`); undefined when ssh2 lacks what it needs. */
  static arm(client: Client): EarlyChannel | undefined {
    const internals = client as Client & ClientInternals;
    const protocol = internals._protocol;
    const manager = internals._chanMgr;
    if (typeof protocol?.authPK !== 'function' || typeof protocol.session !== 'function' || typeof protocol.exec !== 'function') return undefined;
    if (typeof manager?.add !== 'function' || typeof manager.remove !== 'function') return undefined;
    const early = new EarlyChannel(internals);
    const authPK = protocol.authPK.bind(protocol);
    protocol.authPK = (user, key, algo, sign) => {
      if (typeof algo === 'function') [algo, sign] = [undefined, algo as Sign];
      if (!sign) return authPK(user, key, algo);
      // The signed request: the channel request goes right behind it.
      return authPK(user, key, algo, (data, done) =>
        sign(data, (signature) => {
          done(signature);
          early.ask();
        }),
      );
    };
    return early;
  }

  /** The server refused the request the channel followed: it will never open it. */
  authFailed(): void {
    if (!this.pending) return;
    this.client._chanMgr!.remove(this.pending.id);
    this.pending = undefined;
  }

  /** The early channel running `command`, or undefined: open one the ordinary way. Once per connection. */
  async exec(command: string): Promise<ClientChannel | undefined> {
    const pending = this.pending;
    if (!pending || this.used) return undefined;
    this.used = true;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), CONFIRMATION_WAIT_MS)));
    const channel = await Promise.race([pending.answer, waited]);
    clearTimeout(timer);
    if (!channel) {
      this.client._chanMgr!.remove(pending.id);
      return undefined;
    }
    const state = channel as unknown as ChannelInternals;
    if (state.outgoing?.id === undefined || !Array.isArray(state._callbacks)) {
      channel.close();
      return undefined;
    }
    // What ssh2's own exec does on an open channel (reqExec): ask, and wait for the server's word.
    return new Promise((resolve) => {
      state._callbacks!.push((failed) => {
        if (failed) {
          channel.close();
          return resolve(undefined);
        }
        state.subtype = 'exec';
        state.allowHalfOpen = true;
        resolve(channel);
      });
      this.client._protocol!.exec(state.outgoing!.id!, command, true);
    });
  }

  private ask(): void {
    if (this.pending || this.used || !OPENSSH.test(this.client._remoteVer ?? '')) return;
    let settle!: (channel: ClientChannel | undefined) => void;
    const answer = new Promise<ClientChannel | undefined>((resolve) => (settle = resolve));
    const opened: Opened = (err, channel) => settle(err ? undefined : channel);
    opened.type = 'session';
    const id = this.client._chanMgr!.add(opened);
    if (id === -1) return;
    this.pending = { id, answer };
    this.client._protocol!.session(id, WINDOW, PACKET);
  }
}
