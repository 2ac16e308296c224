// The shipped playbooks/site.yml on real lab hosts: converges, then changes nothing on the second run,
// and leaves what Rancher HA needs (CA 0400 root, MySQL settings, the cattle database in utf8, HAProxy on 80/443).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { labExec, labHostInfo, testLab } from '../support/lab.js';
import { buildCli, recapOf, root, runCli } from '../executor/cli.js';

const site = join(root, 'playbooks/site.yml');
const args = () => [
  site,
  '-i', testLab().inventory,
  '-i', join(root, 'test/fixtures/site/groups.yml'),
  '-l', 'node1:node2:node3:node4:node5',
  '-e', `@${join(root, 'test/fixtures/site/extra-vars.yml')}`,
];

const NODES = ['node1', 'node2', 'node3', 'node4', 'node5'];

beforeAll(async () => {
  buildCli();
  // From clean: what an earlier run of this test left behind would make the first run a re-run.
  await Promise.all(
    NODES.map((h) => labExec(h, 'rm -rf /var/lib/rancher /etc/haproxy /etc/mysql/conf.d/rancher.cnf /root/rancher-db.sql /etc/rancher')),
  );
});

describe('playbooks/site.yml', () => {
  it('converges the HA layout, then a second run reports changed=0 on every host', async () => {
    const first = await runCli(args());
    expect(first.code, first.stdout + first.stderr).toBe(0);
    for (const [host, counts] of Object.entries(recapOf(first.stdout))) expect({ host, changed: counts.changed > 0 }).toEqual({ host, changed: true });
    const second = await runCli(args());
    expect(second.code, second.stdout + second.stderr).toBe(0);
    const recap = recapOf(second.stdout);
    expect(Object.keys(recap).sort()).toEqual(NODES);
    for (const [host, counts] of Object.entries(recap)) {
      expect({ host, changed: counts.changed, failed: counts.failed, unreachable: counts.unreachable }).toEqual({ host, changed: 0, failed: 0, unreachable: 0 });
    }
    // The secret given with -e never reaches the output.
    expect(first.stdout + second.stdout).not.toContain('site-test-password');
    expect(first.stdout + second.stdout).not.toContain('SiteTestBalancerPrivateKeyNeverPrinted');
  });

  it('left the management CA, MySQL and load balancer configuration Rancher HA needs', async () => {
    const ca = await labExec('node5', 'stat -c "%U:%G:%a" /var/lib/rancher/etc/ssl/ca.crt && head -1 /var/lib/rancher/etc/ssl/ca.crt');
    expect(ca.stdout).toBe('root:root:400\n-----BEGIN CERTIFICATE-----\n');
    const cnf = (await labExec('node1', 'cat /etc/mysql/conf.d/rancher.cnf')).stdout;
    expect(cnf).toMatch(/^max_connections = (\d+)$/m);
    expect(Number(/^max_connections = (\d+)$/m.exec(cnf)![1])).toBeGreaterThanOrEqual(250);
    expect(cnf).toContain('character-set-server = utf8\n');
    expect(cnf).not.toContain('read_only');
    expect((await labExec('node2', 'cat /etc/mysql/conf.d/rancher.cnf')).stdout).toMatch(/^read_only = 1$/m);
    const sql = (await labExec('node1', 'cat /root/rancher-db.sql')).stdout;
    expect(sql).toContain("CREATE DATABASE IF NOT EXISTS cattle COLLATE = 'utf8_general_ci' CHARACTER SET = 'utf8';");
    // The Rancher user may connect from the servers' network (node4 is on the lab's 10.213.0.0/24) and
    // from localhost, not from anywhere.
    const grants = [...sql.matchAll(/^GRANT ALL ON cattle\.\* TO 'cattle'@'([^']*)';$/gm)].map((m) => m[1]);
    expect(grants).toEqual([`${labHostInfo('node4').address.replace(/\.\d+$/, '.%')}`, 'localhost']);
    expect(sql).not.toContain("'%'");
    const haproxy = (await labExec('node3', 'cat /etc/haproxy/haproxy.cfg')).stdout;
    expect(haproxy).toMatch(/bind \*:80\b/);
    expect(haproxy).toMatch(/bind \*:443\b/);
    expect(haproxy).toMatch(/server node4 \S+:8080 check/);
    expect((await labExec('node3', 'stat -c "%U:%a" /etc/haproxy/rancher.pem')).stdout).toBe('root:600\n');
  });
});
