// A free 127.0.0.1 port for a new lab host's sshd. Chosen below Linux's ephemeral range
// (32768+), so an outgoing connection cannot take a stopped host's pinned port meanwhile.
import { createServer } from 'node:net';
import { HaRunError } from '../errors.js';

const FIRST_PORT = 20000;
const LAST_PORT = 29999;

export async function freeLoopbackPort(avoid: ReadonlySet<number>, random: () => number = Math.random): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = FIRST_PORT + Math.floor(random() * (LAST_PORT - FIRST_PORT + 1));
    if (!avoid.has(port) && (await canListen(port))) return port;
  }
  throw new HaRunError('lab-no-port', `no free port on 127.0.0.1 between ${FIRST_PORT} and ${LAST_PORT} for a lab host`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
