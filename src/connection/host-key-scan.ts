// Reading the host keys a server offers, as ssh-keyscan does: one handshake per key family, each stopped
// as soon as the server has shown its key (nothing is authenticated, nothing is recorded). Through the
// host's jump hosts when it has some (those are checked against known_hosts like any connection).
import ssh2 from 'ssh2';
import type { ConnectConfig } from 'ssh2';
import type { Duplex } from 'node:stream';
import { describeEndpoint, networkFailure, UnreachableError, type Endpoint } from './errors.js';
import { fingerprintSha256, keyTypeOf } from './known-hosts.js';
import type { SshSettings } from './settings.js';
import { openJumpChain } from './ssh.js';

export interface ScannedHostKey {
  keyType: string;
  key: Buffer;
  fingerprint: string;
}

/** One algorithm per key family: the server answers with its key of that family, if it has one. */
const KEY_FAMILIES = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512'];

/** The key the server shows for `algorithm`; undefined when it has none of that family. */
function offeredKey(s: SshSettings, e: Endpoint, algorithm: string, sock: Duplex | undefined): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    let shown: Buffer | undefined;
    const settle = (err?: Error & { level?: string; code?: string }) => {
      client.removeAllListeners();
      client.on('error', () => undefined);
      client.end();
      if (shown || !err || err.level === 'handshake' || /no matching|verification failed/i.test(err.message)) return resolve(shown);
      if (err.level === 'client-timeout') return reject(new UnreachableError(e, `no SSH answer within ${s.connectTimeoutMs / 1000}s`));
      reject(new UnreachableError(e, networkFailure(e, err), err));
    };
    client.on('error', settle);
    client.on('ready', () => settle());
    client.on('close', () => settle(new Error('the connection closed during the SSH handshake')));
    const config: ConnectConfig = {
      host: e.address,
      port: e.port,
      username: s.user,
      sock: sock as ConnectConfig['sock'],
      readyTimeout: s.connectTimeoutMs,
      algorithms: { serverHostKey: [algorithm] as NonNullable<ConnectConfig['algorithms']>['serverHostKey'] },
      // Seen, kept, and refused: the handshake stops here.
      hostVerifier: (key: Buffer) => {
        shown = key;
        return false;
      },
    };
    try {
      client.connect(config);
    } catch (err) {
      reject(new UnreachableError(e, (err as Error).message, err));
    }
  });
}

/** Every host key `s` offers, one per key family. Throws a ConnectionError when the host cannot be reached. */
export async function scanHostKeys(s: SshSettings): Promise<ScannedHostKey[]> {
  const e: Endpoint = { host: s.host, address: s.address, port: s.port, user: s.user };
  const { jumps, reachTarget } = await openJumpChain(s);
  try {
    const keys: ScannedHostKey[] = [];
    for (const algorithm of KEY_FAMILIES) {
      const key = await offeredKey(s, e, algorithm, await reachTarget());
      if (key && !keys.some((k) => k.key.equals(key))) keys.push({ keyType: keyTypeOf(key), key, fingerprint: fingerprintSha256(key) });
    }
    if (keys.length === 0) throw new UnreachableError(e, `${describeEndpoint(e)} offered no host key ha-run can check`);
    return keys;
  } finally {
    for (const jump of jumps) jump.end();
  }
}
