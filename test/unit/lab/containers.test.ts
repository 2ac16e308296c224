import { describe, expect, it } from 'vitest';
import { dockerRunArgs, specHashOf, type HostRunSpec } from '../../../src/lab/containers.js';

const base: HostRunSpec = {
  lab: 'demo',
  host: 'web1',
  kind: 'plain',
  image: 'ha-run-lab/plain:abc',
  network: 'ha-run-lab-demo',
  address: '10.213.0.10',
  port: 20001,
  authorizedKey: 'ssh-ed25519 AAAA lab',
  owner: '/home/me/project/.ha-run',
};

function valueAfter(args: string[], flag: string): string[] {
  return args.flatMap((a, i) => (a === flag ? [args[i + 1]!] : []));
}

describe('docker run arguments for lab hosts', () => {
  it('pins the port on loopback and the address on the lab network; labels name lab and host', () => {
    const args = dockerRunArgs(base);
    expect(valueAfter(args, '--publish')).toEqual(['127.0.0.1:20001:22']);
    expect(valueAfter(args, '--ip')).toEqual(['10.213.0.10']);
    expect(valueAfter(args, '--label')).toEqual(expect.arrayContaining(['ha-run.lab=demo', 'ha-run.host=web1', 'ha-run.port=20001']));
    expect(args.at(-1)).toBe('ha-run-lab/plain:abc');
  });

  it('labels the owner, but a lab made before owners existed keeps its spec hash (adopted, not recreated)', () => {
    const args = dockerRunArgs(base);
    expect(valueAfter(args, '--label')).toContain('ha-run.owner=/home/me/project/.ha-run');
    expect(specHashOf(dockerRunArgs({ ...base, owner: '/elsewhere/.ha-run' }))).toBe(specHashOf(args));
  });

  it('runs plain hosts under a tiny init, systemd hosts without one and with cgroups; docker hosts get a volume', () => {
    const plain = dockerRunArgs(base);
    expect(plain).toContain('--init');
    expect(plain).not.toContain('--privileged');
    const systemd = dockerRunArgs({ ...base, kind: 'systemd' });
    expect(systemd).not.toContain('--init');
    expect(valueAfter(systemd, '-v')).toContain('/sys/fs/cgroup:/sys/fs/cgroup:rw');
    expect(valueAfter(systemd, '--cap-add')).toContain('SYS_ADMIN');
    expect(valueAfter(systemd, '--volume')).toEqual([]);
    const docker = dockerRunArgs({ ...base, kind: 'docker' });
    expect(valueAfter(docker, '--volume')).toEqual(['ha-run-demo-web1-docker:/var/lib/docker']);
    for (const args of [plain, systemd, docker]) expect(args).not.toContain('ALL');
  });

  it('records a hash of how the container was made, which changes with image, port or key', () => {
    const hash = specHashOf(dockerRunArgs(base));
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(specHashOf(dockerRunArgs({ ...base }))).toBe(hash);
    expect(specHashOf(dockerRunArgs({ ...base, image: 'other' }))).not.toBe(hash);
    expect(specHashOf(dockerRunArgs({ ...base, port: 20002 }))).not.toBe(hash);
    expect(specHashOf(dockerRunArgs({ ...base, authorizedKey: 'ssh-ed25519 BBBB lab' }))).not.toBe(hash);
  });
});
