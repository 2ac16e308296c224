// The web family (uri, get_url, unarchive) and the files family (find, tempfile) on a lab host,
// against a small HTTP server the test starts ON THAT HOST (harun-web-server.py, shared with the differential cases; nothing on the
// internet). Through the CLI as roles use them, run twice: the second run changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labExec, testLab } from '../support/lab.js';
import { runTwice } from '../support/run-twice.js';
import { buildCli, root, runCli } from '../executor/cli.js';

const HOST = 'node5';
const PORT = 28431 + (process.pid % 500);
const dir = join(root, 'test/integration/modules/fixtures/web');
const WORK = '/tmp/harun-web-it';
const SERVE = '/tmp/harun-web-it-serve';
const TOOLS = ['curl', 'unzip', 'bzip2', 'xz-utils'];
const play = (file: string, vars: Record<string, unknown> = {}) => [join(dir, file), '-i', testLab().inventory, '-l', HOST, '-e', JSON.stringify({ target: HOST, port: PORT, ...vars })];
const sh = async (cmd: string) => (await labExec(HOST, cmd)).stdout;
const b64 = (s: string) => Buffer.from(s).toString('base64');

let installed: string[] = [];

/** curl, unzip, bzip2 and xz where the host lacks them (removed again after the tests). */
async function installTools(): Promise<void> {
  if (!installed.length) return;
  const r = await runCli(['adhoc', HOST, '-i', testLab().inventory, '-m', 'apt', '-a', `name=${installed.join(',')} install_recommends=no`]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
}

beforeAll(async () => {
  buildCli();
  await labExec(HOST, `rm -rf ${WORK} ${SERVE}`);
  installed = [];
  for (const pkg of TOOLS) if ((await sh(`dpkg-query -W -f='\${Status}' ${pkg} 2>/dev/null`)) !== 'install ok installed') installed.push(pkg);
  // The server and what it serves: a file, its checksum file, a tar.gz.
  const server = readFileSync(join(root, 'test/compat/differential/playbook/files/harun-web-server.py'), 'utf8');
  const setup = [
    `mkdir -p ${SERVE}/files/site/conf`,
    `echo ${b64(server)} | base64 -d > ${SERVE}/server.py`,
    `echo hello > ${SERVE}/files/hello.txt`,
    `echo 'port = 80' > ${SERVE}/files/site/conf/site.conf`,
    `cd ${SERVE}/files && sha256sum hello.txt > SHA256SUMS && tar czf site.tgz -C site . && rm -rf site`,
    `(nohup python3 ${SERVE}/server.py ${PORT} ${SERVE} ${SERVE}/pid >/dev/null 2>&1 &)`,
    `for i in 1 2 3 4 5 6 7 8 9 10; do [ -s ${SERVE}/pid ] && break; sleep 0.3; done; sleep 0.3`,
  ];
  const r = await labExec(HOST, setup.join(' && '));
  expect(r.exitCode, r.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await labExec(HOST, `[ -s ${SERVE}/pid ] && kill $(cat ${SERVE}/pid); rm -rf ${WORK} ${SERVE}`);
  if (installed.length) await labExec(HOST, `DEBIAN_FRONTEND=noninteractive apt-get purge -y -q ${installed.join(' ')} >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get autoremove -y -q >/dev/null 2>&1; true`);
}, 120_000);

describe('web and files families on a lab host', () => {
  it('without curl or wget, uri fails naming both', async () => {
    if ((await sh('command -v curl wget; true')).trim() !== '') return; // another test left curl there
    const r = await runCli(['adhoc', HOST, '-i', testLab().inventory, '-m', 'uri', '-a', `url=http://127.0.0.1:${PORT}/json`]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain(`curl or wget is missing on ${HOST}: needed to read the HTTP response`);
  });

  it('converges: requests, downloads, archives, find; the second run changes nothing', async () => {
    await installTools();
    const { first, second } = await runTwice(play('converge.yml'));
    expect(first.stdout).toMatch(/changed: \[node5\]\s+\(download http:\/\/127\.0\.0\.1:\d+\/files\/hello\.txt \(6 bytes\)/);
    expect(first.stdout).toMatch(/unpack .*site\.tgz into \/tmp\/harun-web-it\/unpacked/);
    // The password went on stdin and is masked: never in the output.
    expect(first.stdout + second.stdout).not.toContain('s3cret pass');
    // What the server said stays what it said: no template was rendered.
    expect(await sh(`cat ${WORK}/out/template.txt`)).toBe('{{ 7 * 6 }}\n');
    expect(await sh(`stat -c '%a %s' ${WORK}/out/hello.txt ${WORK}/out/hello-uri.txt ${WORK}/out/checked.txt`)).toBe('600 6\n640 6\n644 6\n');
    // Like Ansible: the members and their top folder get the mode; a directory that is no member keeps its own.
    expect(await sh(`cat ${WORK}/unpacked/conf/site.conf; stat -c %a ${WORK}/bundle/bundle ${WORK}/bundle/bundle/conf ${WORK}/bundle/bundle/conf/app.conf`)).toBe('port = 80\n750\n755\n640\n');
    expect(await sh(`cat ${WORK}/out/found.txt`)).toBe(
      `${WORK}/bundle/bundle/conf/app.conf 0640 12\n${WORK}/unpacked/conf/site.conf 0644 10\nmatched=2 site=./,./conf/,./conf/site.conf handler=TgzArchive\n`,
    );
  }, 120_000);

  it('unarchive downloads a URL on the target and unpacks it, twice; the download leaves nothing behind', async () => {
    await installTools();
    const { first } = await runTwice(play('unarchive-url.yml'));
    expect(first.stdout).toMatch(/unpack http:\/\/127\.0\.0\.1:\d+\/files\/site\.tgz into \/tmp\/harun-web-it\/fromurl \(/);
    expect(await sh(`cat ${WORK}/fromurl/conf/site.conf ${WORK}/fromurl.txt; ls /tmp/.ha-run-unarchive-* 2>/dev/null | wc -l`)).toMatch(
      /^port = 80\nTgzArchive Failure downloading http:\/\/127\.0\.0\.1:\d+\/files\/none\.tgz, HTTP Error 404: .*\n0\n$/,
    );
  }, 120_000);

  it('uri posts a form-multipart body the server reads whole, twice', async () => {
    await installTools();
    await runTwice(play('uri-multipart.yml'));
    expect(await sh(`cat ${WORK}/multipart.txt`)).toBe('True\nTrue True\nTrue True\nTrue True True\n');
  }, 120_000);

  it('apt installs a .deb given as a URL (the target downloads it), then removes it by a wildcard; each twice', async () => {
    await sh(`cd ${SERVE}/files && apt-get download figlet >/dev/null 2>&1 && mv figlet_*.deb figlet.deb`);
    const url = `http://127.0.0.1:${PORT}/files/figlet.deb`;
    const tmpDebs = () => sh('ls /tmp/tmp.*.deb 2>/dev/null | wc -l');
    const { first } = await runTwice(play('apt-deb-url.yml', { deb_url: url }));
    expect(first.stdout).toMatch(/changed: \[node5\]\s+\(install figlet \S+ from http:\/\/127\.0\.0\.1:\d+\/files\/figlet\.deb\)/);
    expect(await sh("dpkg-query -W -f='${Status}' figlet")).toBe('install ok installed');
    expect(await tmpDebs()).toBe('0\n');
    const { first: gone } = await runTwice(play('apt-deb-url.yml', { deb_url: url, gone: true }));
    expect(gone.stdout).toMatch(/\(purge figlet /);
    expect(await sh("dpkg-query -W -f='${Status}' figlet 2>/dev/null; true")).not.toContain('installed');
  }, 180_000);

  it('uri through a Unix socket (unix_socket), as roles ask the Docker daemon', async () => {
    const server = [
      'import http.server, socketserver, os, sys',
      'class H(http.server.BaseHTTPRequestHandler):',
      '    def log_message(self, *a): pass',
      '    def do_GET(self):',
      '        b = (\'{"via": "socket", "path": "%s"}\' % self.path).encode()',
      "        self.send_response(200); self.send_header('Content-Type', 'application/json'); self.send_header('Content-Length', str(len(b))); self.end_headers(); self.wfile.write(b)",
      'p = sys.argv[1]',
      'os.path.exists(p) and os.unlink(p)',
      'socketserver.UnixStreamServer(p, H).serve_forever()',
    ].join('\n');
    const sock = `${SERVE}/api.sock`;
    await sh(`echo ${b64(server)} | base64 -d > ${SERVE}/sock.py && (nohup python3 ${SERVE}/sock.py ${sock} >/dev/null 2>&1 & echo $! > ${SERVE}/sock.pid) && for i in 1 2 3 4 5 6 7 8 9 10; do [ -S ${sock} ] && break; sleep 0.3; done`);
    try {
      const r = await runCli(['adhoc', HOST, '-i', testLab().inventory, '-m', 'uri', '-a', `url=http://localhost/v1/info unix_socket=${sock}`]);
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).toMatch(/"json": \{\s*"via": "socket",\s*"path": "\/v1\/info"/);
    } finally {
      await sh(`kill $(cat ${SERVE}/sock.pid) 2>/dev/null; true`);
    }
  }, 120_000);

  it('tempfile: a new file or directory each time, always changed', async () => {
    const r = await runCli(['adhoc', HOST, '-i', testLab().inventory, '-m', 'tempfile', '-a', `state=directory path=/tmp prefix=harun-web-tmp. suffix=.d`]);
    expect(r.code, r.stdout).toBe(0);
    const path = /"path": "(\/tmp\/harun-web-tmp\.[A-Za-z0-9]{8}\.d)"/.exec(r.stdout)?.[1];
    expect(path, r.stdout).toBeDefined();
    expect(r.stdout).toContain('CHANGED');
    expect(await sh(`stat -c '%F %a' ${path}; rmdir ${path}`)).toBe('directory 700\n');
  });
});
