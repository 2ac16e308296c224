// A TCP relay that adds latency and counts round trips from outside the runner. These machines' kernels
// have no netem, so a relay in front of a lab host's published SSH port holds every chunk `delayMs` in
// each direction (2 x delayMs of round-trip time). It counts a round trip each time data from the server
// follows data from the client on one TCP connection: the client had to wait for an answer. A client
// that writes many things at once and then waits costs one; one that waits after each costs one each.
import { connect, createServer } from 'node:net';

/**
 * Starts a relay on 127.0.0.1 (a free port) to 127.0.0.1:`targetPort`. Returns its port, its counters
 * (`roundTrips`, `connections`, since the last `reset()`) and `close()`.
 */
export function startRelay(targetPort, delayMs) {
  const counters = { roundTrips: 0, connections: 0 };
  const sockets = new Set();
  const server = createServer((client) => {
    counters.connections++;
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      s.setNoDelay(true);
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    let lastFrom = 'none';
    // Timers of one duration fire in the order they were set, so each direction keeps its byte order.
    const forward = (from, to, side) => {
      from.on('data', (chunk) => {
        if (side === 'server' && lastFrom === 'client') counters.roundTrips++;
        lastFrom = side;
        setTimeout(() => to.destroyed || to.write(chunk), delayMs);
      });
      from.on('end', () => setTimeout(() => to.destroyed || to.end(), delayMs));
      from.on('error', () => setTimeout(() => to.destroy(), delayMs));
      from.on('close', () => setTimeout(() => to.destroy(), delayMs + 1));
    };
    forward(client, upstream, 'client');
    forward(upstream, client, 'server');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: server.address().port,
        counters,
        reset() {
          counters.roundTrips = 0;
          counters.connections = 0;
        },
        close() {
          for (const s of sockets) s.destroy();
          return new Promise((done) => server.close(() => done()));
        },
      }),
    );
  });
}
