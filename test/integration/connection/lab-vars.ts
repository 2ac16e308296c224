// Ansible-style variables for reaching a lab host, built from the lab description (like its inventory).
import { createHash } from 'node:crypto';
import { testLab } from '../support/lab.js';

export function labVars(host: string, user = 'root', extra: Record<string, unknown> = {}): Record<string, unknown> {
  const lab = testLab();
  const info = lab.hosts[host];
  if (!info) throw new Error(`the test lab has no host '${host}'`);
  return {
    inventory_hostname: host,
    ansible_host: '127.0.0.1',
    ansible_port: info.port,
    ansible_user: user,
    ansible_ssh_private_key_file: lab.privateKey,
    ansible_ssh_common_args: `-o UserKnownHostsFile=${lab.knownHosts}`,
    ...extra,
  };
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
