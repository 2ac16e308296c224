// What a person reads when a host key was taken on first use: loud, and louder still when the
// known_hosts file keeps nothing (/dev/null), because then every run takes any key, unchecked.
import type { RecordedHostKey } from '../connection/host-key-record.js';

export function hostKeyNotice(r: RecordedHostKey): string {
  const who = r.name === r.host ? r.host : `${r.host} (${r.name})`;
  if (!r.kept) {
    return (
      `HOST KEY ACCEPTED UNCHECKED for ${who}: ${r.keyType} ${r.fingerprint} (${r.trustedBy}). ` +
      `${r.file} keeps no keys, so EVERY run takes whatever key is presented, an impostor's too. ` +
      `Pin the keys instead: ha-run hostkeys trust -i INVENTORY ${r.host.replace(/ \(jump host\)$/, '')}, with a real known_hosts file.`
    );
  }
  return (
    `NEW HOST KEY recorded for ${who} in ${r.file}: ${r.keyType} ${r.fingerprint} (trusted on first use: ${r.trustedBy}). ` +
    `Check it against the host's own: ssh-keygen -lf /etc/ssh/ssh_host_${r.keyType.replace(/^ssh-|-sha2-nistp\d+$/g, '')}_key.pub on the host.`
  );
}
