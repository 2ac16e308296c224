#!/usr/bin/env python3
# A TEST DOUBLE of rancher/server 1.x for the ha-run lab, where the real image cannot be pulled.
# It behaves like rancher/server for everything the Rancher HA playbooks touch, so the playbooks
# cannot tell it apart (only the image name differs):
#   - the same flags (--db-host ... --advertise-address) and CATTLE_DB_CATTLE_* variables;
#   - it connects to MySQL with the given credentials; wrong credentials or grants make it exit 1
#     with MySQL's own error, as the real server fails;
#   - it migrates its schema once, after STANDIN_MIGRATION_SECONDS, holding the liquibase lock row
#     (DATABASECHANGELOGLOCK) meanwhile; a lock left by an interrupted migration makes later starts
#     wait, then fail, as the real one does;
#   - GET /ping answers `pong` only once the schema is there;
#   - the v1.0 haconfig API: GET /v1/haconfigs, POST ...?action=createscript (returns rancher-ha.sh,
#     a new encryption key each time), PUT /v1/haconfigs/haconfig {"enabled": true};
#   - `rancher-ha.sh IMAGE` writes /var/lib/rancher/etc/{server.conf,server/encryption.key,ssl/*}
#     and starts a `rancher-ha` container, which serves 80 and 443 once `clusterSize` members are up;
#   - with --advertise-address it listens on the cluster port 9345 and records its membership,
#     with a heartbeat, in the database (table cluster_membership).
import base64
import json
import os
import secrets
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pymysql

CHANGELOG_ID = 'stand-in-schema-1'
HA_ETC = '/var/lib/rancher/etc'
HEARTBEAT_SECONDS = 5
MEMBER_FRESH_SECONDS = 20


def log(message):
    print(f'{time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())} {message}', flush=True)


def env_int(name, default):
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


# ---------------------------------------------------------------- configuration

def parse_flags(argv):
    """rancher/server's flags; `ha` is the mode rancher-ha.sh starts the container in."""
    flags = {'mode': 'server'}
    names = {'--db-host': 'host', '--db-port': 'port', '--db-user': 'user', '--db-pass': 'password',
             '--db-name': 'name', '--advertise-address': 'advertise', '--advertise-http-port': 'http_port'}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == 'ha':
            flags['mode'] = 'ha'
        elif arg == '--db-strict-enforcing':
            flags['strict'] = True
        elif arg.split('=', 1)[0] in names:
            key = names[arg.split('=', 1)[0]]
            if '=' in arg:
                flags[key] = arg.split('=', 1)[1]
            else:
                i += 1
                if i >= len(argv):
                    log(f'FATAL: flag {arg} needs a value')
                    sys.exit(2)
                flags[key] = argv[i]
        else:
            log(f'FATAL: unknown argument {arg!r}')
            sys.exit(2)
        i += 1
    return flags


def database_settings(flags):
    env = os.environ
    db = {
        'host': flags.get('host') or env.get('CATTLE_DB_CATTLE_MYSQL_HOST'),
        'port': int(flags.get('port') or env.get('CATTLE_DB_CATTLE_MYSQL_PORT') or 3306),
        'name': flags.get('name') or env.get('CATTLE_DB_CATTLE_MYSQL_NAME') or 'cattle',
        'user': flags.get('user') or env.get('CATTLE_DB_CATTLE_USERNAME') or 'cattle',
        'password': flags.get('password') or env.get('CATTLE_DB_CATTLE_PASSWORD') or 'cattle',
    }
    return db if db['host'] else None


def read_server_conf():
    """What rancher-ha.sh left for the `rancher-ha` container: KEY=VALUE lines."""
    conf = {}
    with open(os.path.join(HA_ETC, 'server.conf')) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#') and '=' in line:
                key, value = line.split('=', 1)
                conf[key] = value
    return conf


def decrypt(ciphertext_b64, key_file):
    out = subprocess.run(['openssl', 'enc', '-d', '-aes-256-cbc', '-pbkdf2', '-a', '-A', '-pass', f'file:{key_file}'],
                         input=ciphertext_b64.encode(), capture_output=True, check=True)
    return out.stdout.decode()


def encrypt(plaintext, key_file):
    out = subprocess.run(['openssl', 'enc', '-aes-256-cbc', '-pbkdf2', '-a', '-A', '-pass', f'file:{key_file}'],
                         input=plaintext.encode(), capture_output=True, check=True)
    return out.stdout.decode().strip()


# ---------------------------------------------------------------- database

def connect(db, wait_seconds):
    """Connection errors are retried (MySQL may still be starting); refusals are fatal, as for the real server."""
    deadline = time.time() + wait_seconds
    while True:
        try:
            return pymysql.connect(host=db['host'], port=db['port'], user=db['user'], password=db['password'],
                                   database=db['name'], autocommit=True, connect_timeout=5)
        except pymysql.err.OperationalError as err:
            code = err.args[0] if err.args else 0
            # 1044/1045: access denied, 1049: unknown database: the real server gives up too.
            if code in (1044, 1045, 1049) or time.time() > deadline:
                log(f'FATAL: cannot use database {db["name"]} on {db["host"]}:{db["port"]} as {db["user"]}: {err}')
                sys.exit(1)
            log(f'waiting for the database: {err}')
            time.sleep(2)


def check_charset(conn, db):
    with conn.cursor() as cur:
        cur.execute('SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME=%s', (db['name'],))
        row = cur.fetchone()
    if row and row[0] not in ('utf8', 'utf8mb3'):
        # The real migration fails on utf8mb4 with "Specified key was too long".
        log(f'FATAL: database {db["name"]} uses character set {row[0]}; the schema needs utf8 '
            '(Specified key was too long; max key length is 767 bytes)')
        sys.exit(1)


def migrate(conn, db, me):
    with conn.cursor() as cur:
        cur.execute('CREATE TABLE IF NOT EXISTS DATABASECHANGELOGLOCK (ID INT PRIMARY KEY, LOCKED TINYINT NOT NULL, '
                    'LOCKGRANTED DATETIME NULL, LOCKEDBY VARCHAR(255) NULL)')
        cur.execute('INSERT IGNORE INTO DATABASECHANGELOGLOCK (ID, LOCKED) VALUES (1, 0)')
        cur.execute('CREATE TABLE IF NOT EXISTS DATABASECHANGELOG (ID VARCHAR(255) PRIMARY KEY, DATEEXECUTED DATETIME NOT NULL)')
        lock_wait = env_int('STANDIN_LOCK_WAIT_SECONDS', 300)
        deadline = time.time() + lock_wait
        while True:
            cur.execute('SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID=%s', (CHANGELOG_ID,))
            if cur.fetchone()[0] == 1:
                log('schema is up to date')
                return
            taken = cur.execute('UPDATE DATABASECHANGELOGLOCK SET LOCKED=1, LOCKGRANTED=NOW(), LOCKEDBY=%s '
                                'WHERE ID=1 AND LOCKED=0', (me,))
            if taken == 1:
                break
            if time.time() > deadline:
                cur.execute('SELECT LOCKEDBY, LOCKGRANTED FROM DATABASECHANGELOGLOCK WHERE ID=1')
                by, since = cur.fetchone()
                log(f'FATAL: could not acquire change log lock; currently locked by {by} since {since}')
                sys.exit(1)
            log('waiting for changelog lock....')
            time.sleep(5)
        seconds = env_int('STANDIN_MIGRATION_SECONDS', 10)
        log(f'migrating the schema (takes {seconds} s; interrupting now leaves the changelog lock)')
        time.sleep(seconds)
        cur.execute('CREATE TABLE IF NOT EXISTS setting (name VARCHAR(255) PRIMARY KEY, value TEXT)')
        cur.execute('CREATE TABLE IF NOT EXISTS cluster_membership (uuid VARCHAR(64) PRIMARY KEY, '
                    'address VARCHAR(255) NOT NULL, heartbeat DATETIME NOT NULL)')
        cur.execute('INSERT INTO DATABASECHANGELOG (ID, DATEEXECUTED) VALUES (%s, NOW())', (CHANGELOG_ID,))
        cur.execute('UPDATE DATABASECHANGELOGLOCK SET LOCKED=0, LOCKGRANTED=NULL, LOCKEDBY=NULL WHERE ID=1')
        log('schema migrated')


def setting(conn, name, value=None):
    with conn.cursor() as cur:
        if value is not None:
            cur.execute('REPLACE INTO setting (name, value) VALUES (%s, %s)', (name, value))
            return value
        cur.execute('SELECT value FROM setting WHERE name=%s', (name,))
        row = cur.fetchone()
        return row[0] if row else None


def heartbeat(db, me, address):
    conn = connect(db, 60)
    while True:
        try:
            with conn.cursor() as cur:
                cur.execute('REPLACE INTO cluster_membership (uuid, address, heartbeat) VALUES (%s, %s, NOW())', (me, address))
        except pymysql.err.MySQLError as err:
            log(f'heartbeat failed: {err}')
            conn = connect(db, 60)
        time.sleep(HEARTBEAT_SECONDS)


def live_members(conn):
    with conn.cursor() as cur:
        cur.execute('SELECT COUNT(*) FROM cluster_membership WHERE heartbeat > NOW() - INTERVAL %s SECOND', (MEMBER_FRESH_SECONDS,))
        return cur.fetchone()[0]


# ---------------------------------------------------------------- the HA script (v1.0-v1.1 procedure)

def make_certificates(workdir, registration_url):
    """A CA and a server certificate for the registration host name, as rancher-ha.sh carries them."""
    host = registration_url.split('://', 1)[-1].split('/', 1)[0].split(':', 1)[0] or 'rancher'
    run = lambda *args: subprocess.run(args, cwd=workdir, capture_output=True, check=True)
    run('openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/CN=rancher-ha-ca',
        '-keyout', 'ca.key', '-out', 'ca.crt')
    run('openssl', 'req', '-newkey', 'rsa:2048', '-nodes', '-subj', f'/CN={host}', '-keyout', 'server-key.pem', '-out', 'server.csr')
    with open(os.path.join(workdir, 'san.ext'), 'w') as f:
        f.write(f'subjectAltName=DNS:{host}\n')
    run('openssl', 'x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
        '-days', '3650', '-extfile', 'san.ext', '-out', 'server-cert.pem')
    return {name: open(os.path.join(workdir, name)).read() for name in ('ca.crt', 'server-cert.pem', 'server-key.pem')}


def ha_script(db, request):
    cluster_size = int(request.get('clusterSize') or 3)
    registration = request.get('hostRegistrationUrl') or ''
    key = secrets.token_hex(32)
    workdir = f'/tmp/createscript-{secrets.token_hex(8)}'
    os.makedirs(workdir, mode=0o700)
    key_file = os.path.join(workdir, 'encryption.key')
    with open(key_file, 'w') as f:
        f.write(key)
    if request.get('cert') and request.get('key'):
        pems = {'ca.crt': request.get('certChain') or request['cert'], 'server-cert.pem': request['cert'],
                'server-key.pem': request['key']}
    else:
        pems = make_certificates(workdir, registration)
    conf = '\n'.join([
        f'CATTLE_DB_CATTLE_MYSQL_HOST={db["host"]}', f'CATTLE_DB_CATTLE_MYSQL_PORT={db["port"]}',
        f'CATTLE_DB_CATTLE_MYSQL_NAME={db["name"]}', f'CATTLE_DB_CATTLE_USERNAME={db["user"]}',
        f'CATTLE_DB_CATTLE_PASSWORD_ENCRYPTED={encrypt(db["password"], key_file)}',
        f'CATTLE_HA_CLUSTER_SIZE={cluster_size}', f'CATTLE_HA_HOST_REGISTRATION_URL={registration}', '']) + '\n'
    subprocess.run(['rm', '-rf', workdir], check=False)
    files = {'server.conf': conf, 'server/encryption.key': key + '\n', 'ssl/ca.crt': pems['ca.crt'],
             'ssl/server-cert.pem': pems['server-cert.pem'], 'ssl/server-key.pem': pems['server-key.pem']}
    lines = ['#!/bin/bash', '# rancher-ha.sh: run on every HA node as `bash rancher-ha.sh IMAGE`.', 'set -e',
             'IMAGE="${1:?usage: rancher-ha.sh rancher/server:TAG}"', 'umask 077',
             f'mkdir -p {HA_ETC}/server {HA_ETC}/ssl']
    for name, text in files.items():
        encoded = base64.b64encode(text.encode()).decode()
        lines.append(f"echo '{encoded}' | base64 -d > {HA_ETC}/{name}")
    lines += ['docker rm -f rancher-ha >/dev/null 2>&1 || true',
              f'docker run -d --name rancher-ha --restart=always --net=host -v {HA_ETC}:{HA_ETC} "$IMAGE" ha', '']
    return '\n'.join(lines)


# ---------------------------------------------------------------- HTTP

class State:
    def __init__(self):
        self.ready = False
        self.conn = None
        self.db = None
        self.lock = threading.Lock()


STATE = State()


class Api(BaseHTTPRequestHandler):
    server_version = 'rancher-server-stand-in'

    def log_message(self, fmt, *args):
        log(f'http {self.address_string()} {fmt % args}')

    def reply(self, status, body, content_type='application/json'):
        data = body if isinstance(body, bytes) else (json.dumps(body) if content_type == 'application/json' else body).encode()
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        length = int(self.headers.get('Content-Length') or 0)
        raw = self.rfile.read(length) if length else b''
        try:
            return json.loads(raw or b'{}')
        except ValueError:
            return None

    def base_url(self):
        return f'http://{self.headers.get("Host") or "localhost:8080"}'

    def haconfig(self):
        with STATE.lock:
            enabled = setting(STATE.conn, 'ha.enabled') == 'true'
            size = setting(STATE.conn, 'ha.cluster.size')
        url = f'{self.base_url()}/v1/haconfigs/haconfig'
        return {'id': 'haconfig', 'type': 'haConfig', 'enabled': enabled, 'clusterSize': int(size or 3),
                'links': {'self': url}, 'actions': {'createscript': f'{url}/?action=createscript'}}

    def do_GET(self):
        path = self.path.split('?', 1)[0].rstrip('/')
        if path == '/ping':
            return self.reply(200, 'pong', 'text/plain') if STATE.ready else self.reply(503, 'starting', 'text/plain')
        if not STATE.ready:
            return self.reply(503, {'type': 'error', 'status': 503, 'message': 'server is starting'})
        if path == '/v1/haconfigs':
            return self.reply(200, {'type': 'collection', 'resourceType': 'haConfig', 'data': [self.haconfig()]})
        if path == '/v1/haconfigs/haconfig':
            return self.reply(200, self.haconfig())
        return self.reply(404, {'type': 'error', 'status': 404, 'message': 'not found'})

    def do_POST(self):
        path, _, query = self.path.partition('?')
        if not STATE.ready or STATE.db is None:
            return self.reply(503, {'type': 'error', 'status': 503, 'message': 'server is starting'})
        if path.rstrip('/') == '/v1/haconfigs/haconfig' and query == 'action=createscript':
            request = self.body()
            if request is None:
                return self.reply(422, {'type': 'error', 'status': 422, 'message': 'body is not JSON'})
            with STATE.lock:
                setting(STATE.conn, 'ha.cluster.size', str(int(request.get('clusterSize') or 3)))
            return self.reply(200, ha_script(STATE.db, request), 'application/octet-stream')
        return self.reply(404, {'type': 'error', 'status': 404, 'message': 'not found'})

    def do_PUT(self):
        path = self.path.split('?', 1)[0].rstrip('/')
        if not STATE.ready:
            return self.reply(503, {'type': 'error', 'status': 503, 'message': 'server is starting'})
        if path == '/v1/haconfigs/haconfig':
            request = self.body()
            if request is None:
                return self.reply(422, {'type': 'error', 'status': 422, 'message': 'body is not JSON'})
            with STATE.lock:
                if 'enabled' in request:
                    setting(STATE.conn, 'ha.enabled', 'true' if request['enabled'] else 'false')
                if 'clusterSize' in request:
                    setting(STATE.conn, 'ha.cluster.size', str(int(request['clusterSize'])))
            return self.reply(200, self.haconfig())
        return self.reply(404, {'type': 'error', 'status': 404, 'message': 'not found'})


def serve(port, tls=None):
    server = ThreadingHTTPServer(('0.0.0.0', port), Api)
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(tls[0], tls[1])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    log(f'listening on {port}{" (TLS)" if tls else ""}')


def listen_cluster_port(port):
    """The cluster channel: the stand-in only accepts connections on it, which is what peers and checks see."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(('0.0.0.0', port))
    sock.listen(16)

    def accept():
        while True:
            peer, _ = sock.accept()
            peer.close()
    threading.Thread(target=accept, daemon=True).start()
    log(f'cluster port {port} open')


def main():
    flags = parse_flags(sys.argv[1:])
    me = secrets.token_hex(8)
    if flags['mode'] == 'ha':
        conf = read_server_conf()
        key_file = os.path.join(HA_ETC, 'server', 'encryption.key')
        db = {'host': conf['CATTLE_DB_CATTLE_MYSQL_HOST'], 'port': int(conf['CATTLE_DB_CATTLE_MYSQL_PORT']),
              'name': conf['CATTLE_DB_CATTLE_MYSQL_NAME'], 'user': conf['CATTLE_DB_CATTLE_USERNAME'],
              'password': decrypt(conf['CATTLE_DB_CATTLE_PASSWORD_ENCRYPTED'], key_file)}
        address = flags.get('advertise') or socket.gethostbyname(socket.gethostname())
        cluster_size = int(conf.get('CATTLE_HA_CLUSTER_SIZE') or 3)
    else:
        db = database_settings(flags)
        address = flags.get('advertise')
        cluster_size = 1
    serve(8080)
    if db is None:
        log('no external database given: using the embedded one (not simulated; nothing persists)')
        time.sleep(env_int('STANDIN_MIGRATION_SECONDS', 10))
        STATE.ready = True
        threading.Event().wait()
    conn = connect(db, env_int('STANDIN_DB_WAIT_SECONDS', 120))
    check_charset(conn, db)
    migrate(conn, db, me)
    STATE.conn, STATE.db = conn, db
    if address:
        if flags['mode'] != 'ha':
            listen_cluster_port(9345)
        threading.Thread(target=heartbeat, args=(db, me, address), daemon=True).start()
    if flags['mode'] == 'ha':
        # rancher-ha waits for its peers before it serves the UI ports.
        waited = time.time()
        while live_members(conn) < cluster_size and time.time() - waited < 600:
            log(f'waiting for {cluster_size} cluster members ({live_members(conn)} up)')
            time.sleep(HEARTBEAT_SECONDS)
        serve(80)
        serve(443, (os.path.join(HA_ETC, 'ssl', 'server-cert.pem'), os.path.join(HA_ETC, 'ssl', 'server-key.pem')))
    STATE.ready = True
    log('Startup Succeeded, Listening on port 8080')
    threading.Event().wait()


if __name__ == '__main__':
    main()
