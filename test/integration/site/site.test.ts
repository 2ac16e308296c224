// The flagship end to end: the shipped lab file, copied under another name (`hasite-<hash of this
// checkout>`, side by side with a user's own `ha` lab and other checkouts' site labs), brought up fresh; playbooks/site.yml deploys Rancher HA on it with
// ha-run, twice (the second run changes nothing); then everything is checked from outside ha-run
// (docker exec and plain sockets), backups are restored, and the failure drill is run.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execInHost, startHost, stopHost } from '../../../src/lab/host-control.js';
import { labDown } from '../../../src/lab/lab-down.js';
import { labUp, type LabUpResult } from '../../../src/lab/lab-up.js';
import { checkoutLabName, labFileNamed } from '../checkout-lab.js';
import { recapOf, root, runCli, type CliRun } from '../executor/cli.js';

const LAB = checkoutLabName('hasite');
const SERVERS = ['rancher1', 'rancher2', 'rancher3'];
const REPLICAS = ['db2', 'db3'];
const RUN_TIMEOUT = 30 * 60_000;
let lab: LabUpResult;

function playbook(name: string): string {
  return join(root, 'playbooks', name);
}

function site(...extra: string[]): Promise<CliRun> {
  return runCli([playbook('site.yml'), '-i', lab.paths.inventory, ...extra], { timeoutMs: RUN_TIMEOUT });
}

async function sh(host: string, command: string): Promise<string> {
  const r = await execInHost(LAB, host, command);
  if (r.exitCode !== 0) throw new Error(`${host}: ${command} failed (${r.exitCode}): ${r.stderr}`);
  return r.stdout.trim();
}

function address(host: string): string {
  return lab.state.hosts[host]!.address;
}

function secret(name: string): string {
  return readFileSync(join(lab.paths.dir, 'rancher-secrets', name), 'utf8').trim();
}

/** GET /ping from here, as a browser would: HTTPS verified against the site CA. */
function ping(url: string, ca?: string): Promise<string> {
  return new Promise((done) => {
    const request = (url.startsWith('https:') ? httpsRequest : httpRequest)(url, { ca, timeout: 3000 }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => done(`${res.statusCode} ${body}`));
    });
    request.on('error', (err) => done(`error ${err.message}`));
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.end();
  });
}

function expectConverged(run: CliRun, hosts: string[]): void {
  expect(run.code, run.stdout.slice(-6000) + run.stderr).toBe(0);
  const recap = recapOf(run.stdout);
  for (const host of hosts) {
    const counts = recap[host];
    expect({ host, changed: counts?.changed, failed: counts?.failed, unreachable: counts?.unreachable }).toEqual({
      host,
      changed: 0,
      failed: 0,
      unreachable: 0,
    });
  }
}

beforeAll(async () => {
  // The shipped lab file under another name: proves it can run beside the default lab.
  const file = labFileNamed(join(root, 'lab/ha.yml'), LAB);
  await labDown(LAB); // fresh hosts: a first run must be a first run
  lab = await labUp(file);
}, 20 * 60_000);

afterAll(async () => {
  if (lab) await Promise.all(Object.keys(lab.state.hosts).map((h) => startHost(LAB, h).catch(() => undefined)));
});

describe('playbooks/site.yml on the Rancher HA lab', () => {
  let first: CliRun;
  let second: CliRun;
  const hosts = ['db1', 'db2', 'db3', 'lb1', ...SERVERS, 'agent1'];

  it('deploys the whole site, then a second run changes nothing on any host', async () => {
    first = await site();
    expect(first.code, first.stdout.slice(-8000) + first.stderr).toBe(0);
    second = await site();
    expectConverged(second, hosts);
  }, 2 * RUN_TIMEOUT);

  it('never prints the generated passwords', () => {
    for (const name of ['db-password', 'replication-password']) {
      expect(first.stdout + first.stderr + second.stdout).not.toContain(secret(name));
    }
  });

  it('replicates: a row written on the primary is on both replicas', async () => {
    await sh('db1', `mysql cattle -e "CREATE TABLE IF NOT EXISTS site_probe (v VARCHAR(32)); INSERT INTO site_probe VALUES ('written-on-primary')"`);
    for (const replica of REPLICAS) {
      let seen = '';
      for (let i = 0; i < 30 && !seen.includes('written-on-primary'); i++) {
        seen = (await execInHost(LAB, replica, 'mysql cattle -Nse "SELECT v FROM site_probe"')).stdout;
        if (!seen.includes('written-on-primary')) await new Promise((r) => setTimeout(r, 1000));
      }
      expect(seen, replica).toContain('written-on-primary');
      expect(await sh(replica, 'mysql -Nse "SELECT @@read_only"'), replica).toBe('1');
    }
  }, 120_000);

  it('serves the cattle database in utf8 with enough connections for five servers', async () => {
    expect(Number(await sh('db1', 'mysql -Nse "SELECT @@max_connections"'))).toBeGreaterThanOrEqual(250);
    expect(Number(await sh('db1', 'mysql -Nse "SELECT @@max_allowed_packet"'))).toBeGreaterThanOrEqual(32 * 1024 * 1024);
    expect(await sh('db1', `mysql -Nse "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME='cattle'"`)).toMatch(
      /^utf8(mb3)?\tutf8(mb3)?_general_ci$/,
    );
  });

  it('lets the Rancher user in from a server node and refuses it from the balancer', async () => {
    const login = `mysql -h ${address('db1')} -u cattle -p"$(cat)" cattle -Nse "SELECT 1"`;
    const password = secret('db-password');
    await sh('rancher1', 'command -v mysql >/dev/null || (apt-get update -qq && apt-get install -y -qq mariadb-client >/dev/null)');
    await sh('lb1', 'command -v mysql >/dev/null || (apt-get update -qq && apt-get install -y -qq mariadb-client >/dev/null)');
    // The password travels on stdin, never on a command line.
    const fromServer = await execInHost(LAB, 'rancher1', `printf '%s' '${password}' | { ${login}; }`);
    expect(fromServer.stdout.trim(), fromServer.stderr).toBe('1');
    const fromBalancer = await execInHost(LAB, 'lb1', `printf '%s' '${password}' | { ${login}; }`);
    expect(fromBalancer.exitCode).not.toBe(0);
    expect(fromBalancer.stderr).toMatch(/not allowed to connect|Access denied/);
  }, 300_000);

  it('drops the Rancher user of an address that is no longer a server node, then changes nothing', async () => {
    // What a server removed from (or readdressed in) the inventory leaves behind: a grant for its old address.
    await sh('db1', `mysql -e "CREATE USER 'cattle'@'10.254.0.7' IDENTIFIED BY 'old'; GRANT ALL ON cattle.* TO 'cattle'@'10.254.0.7'"`);
    const cleaned = await site('--tags', 'mysql');
    expect(cleaned.code, cleaned.stdout.slice(-4000) + cleaned.stderr).toBe(0);
    expect(recapOf(cleaned.stdout).db1?.changed).toBe(1);
    for (const db of ['db1', ...REPLICAS]) {
      expect(await sh(db, `mysql -Nse "SELECT COUNT(*) FROM mysql.user WHERE User='cattle' AND Host='10.254.0.7'"`), db).toBe('0');
    }
    expectConverged(await site('--tags', 'mysql'), ['db1', 'db2', 'db3']);
  }, 2 * RUN_TIMEOUT);

  it('answers /ping through the balancer on 80, and on 443 with a certificate the site CA verifies', async () => {
    const ca = readFileSync(join(lab.paths.dir, 'rancher-pki', 'ca.crt'), 'utf8');
    expect(await ping(`http://${address('lb1')}/ping`)).toBe('200 pong');
    expect(await ping(`https://${address('lb1')}/ping`, ca)).toBe('200 pong');
    // And without the CA, the certificate is not trusted.
    expect(await ping(`https://${address('lb1')}/ping`)).toMatch(/^error /);
  });

  it('runs the (stand-in) Rancher server container on every server node', async () => {
    const image = lab.state.images!.rancher_server!.image;
    for (const server of SERVERS) {
      expect(await sh(server, `docker ps --filter name=^rancher-server$ --format '{{.Image}} {{.Status}}'`), server).toMatch(
        new RegExp(`^${image.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} Up `),
      );
    }
  });

  it('puts the management CA on the agents, root-owned, 0400', async () => {
    expect(await sh('agent1', 'stat -c "%U:%G:%a" /var/lib/rancher/etc/ssl/ca.crt && head -1 /var/lib/rancher/etc/ssl/ca.crt')).toBe(
      'root:root:400\n-----BEGIN CERTIFICATE-----',
    );
  });

  it('backs up from a replica every 15 minutes, and restore.yml restores a backup into a scratch database', async () => {
    expect(await sh('db2', 'cat /etc/cron.d/rancher-db-backup')).toMatch(/^\*\/15 \* \* \* \* root \/usr\/local\/sbin\/rancher-db-backup$/m);
    await sh('db2', '/usr/local/sbin/rancher-db-backup');
    expect(await sh('db2', 'stat -c "%a" /var/backups/rancher-db/cattle-*.sql.gz | sort -u')).toBe('600');
    const restore = await runCli([playbook('restore.yml'), '-i', lab.paths.inventory, '-e', 'restore_database=cattle_scratch'], { timeoutMs: RUN_TIMEOUT });
    expect(restore.code, restore.stdout.slice(-4000) + restore.stderr).toBe(0);
    expect(await sh('db1', 'mysql cattle_scratch -Nse "SELECT v FROM site_probe"')).toBe('written-on-primary');
    const check = await runCli([playbook('check.yml'), '-i', lab.paths.inventory], { timeoutMs: RUN_TIMEOUT });
    expect(check.code, check.stdout.slice(-4000) + check.stderr).toBe(0);
  }, 2 * RUN_TIMEOUT);

  it('failure drill: a stopped server node leaves the balancer answering, is reported unreachable (exit 3), and converges when back', async () => {
    await stopHost(LAB, 'rancher2');
    // The balancer drops the node within its health-check interval; every answer after that is pong.
    await new Promise((r) => setTimeout(r, 4000));
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await ping(`http://${address('lb1')}/ping`));
    expect(answers).toEqual(Array(10).fill('200 pong'));
    const down = await site();
    expect(down.code, down.stdout.slice(-4000)).toBe(3);
    const recap = recapOf(down.stdout);
    expect(recap.rancher2?.unreachable).toBe(1);
    for (const host of hosts.filter((h) => h !== 'rancher2')) expect({ host, failed: recap[host]?.failed }).toEqual({ host, failed: 0 });
    await startHost(LAB, 'rancher2');
    // Back, it converges (Docker rewrote the container's /etc/hosts on start: the site puts its names
    // back), and the run after that changes nothing.
    const back = await site();
    expect(back.code, back.stdout.slice(-4000)).toBe(0);
    expectConverged(await site(), hosts);
  }, 4 * RUN_TIMEOUT);

  it('failure drill: a stopped replica fails check.yml naming it, and catches up when started', async () => {
    await stopHost(LAB, 'db3');
    const check = await runCli([playbook('check.yml'), '-i', lab.paths.inventory], { timeoutMs: RUN_TIMEOUT });
    expect(check.code).not.toBe(0);
    expect(check.stdout).toMatch(/db3/);
    expect(recapOf(check.stdout).db3?.unreachable).toBe(1);
    await sh('db1', `mysql cattle -e "INSERT INTO site_probe VALUES ('while-db3-was-down')"`);
    await startHost(LAB, 'db3');
    let seen = '';
    for (let i = 0; i < 60 && !seen.includes('while-db3-was-down'); i++) {
      seen = (await execInHost(LAB, 'db3', 'mysql cattle -Nse "SELECT v FROM site_probe"')).stdout;
      if (!seen.includes('while-db3-was-down')) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(seen).toContain('while-db3-was-down');
    const healthy = await runCli([playbook('check.yml'), '-i', lab.paths.inventory], { timeoutMs: RUN_TIMEOUT });
    expect(healthy.code, healthy.stdout.slice(-4000)).toBe(0);
  }, 2 * RUN_TIMEOUT);

  it('refuses a wrong layout before touching a host: 4 server nodes', async () => {
    const extra = join(mkdtempSync(join(tmpdir(), 'ha-run-site-inv-')), 'four.yml');
    // rancher4 points at a closed port: had ha-run connected, it would say unreachable.
    writeFileSync(extra, 'all:\n  children:\n    rancher_servers:\n      hosts:\n        rancher4: { ansible_host: 127.0.0.1, ansible_port: 1 }\n');
    const run = await runCli([playbook('site.yml'), '-i', lab.paths.inventory, '-i', extra], { timeoutMs: RUN_TIMEOUT });
    // A validation error (exit 4) at the inventory's rancher_servers group, and no play started.
    expect(run.code, run.stdout + run.stderr).toBe(4);
    expect(run.stderr).toMatch(/inventory\.yml:\d+:\d+/);
    expect(run.stderr).toContain('the group rancher_servers must hold 1, 3 or 5 hosts (an odd number keeps a quorum); it has 4');
    expect(run.stdout).not.toMatch(/PLAY|unreachable=1/);
  }, RUN_TIMEOUT);
});
