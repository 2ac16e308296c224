// A free 127.0.0.1 port for a new lab host's sshd.
import { createServer } from 'node:net';
import { HaRunError } from '../errors.js';

export async function freeLoopbackPort(avoid: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await ephemeralPort();
    if (!avoid.has(port)) return port;
  }
  throw new HaRunError('lab-no-port', 'no free port on 127.0.0.1 for a lab host');
}

function ephemeralPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
