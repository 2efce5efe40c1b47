import { createServer, request, type Server } from 'node:http';

export interface RoundRobin {
  url: string;
  /** Requests sent to each backend port, in order of the backends given. */
  served: number[];
  close(): Promise<void>;
}

/**
 * A small HTTP load balancer on loopback: each request goes to the next backend in turn (per request, not
 * per connection, so a keep-alive client is spread too). A backend that refuses the connection answers 502,
 * as a real balancer does before its health check notices.
 */
export async function startRoundRobin(backends: number[], port = 0): Promise<RoundRobin> {
  const served = backends.map(() => 0);
  let next = 0;
  const server: Server = createServer((req, res) => {
    const index = next++ % backends.length;
    served[index]! += 1;
    const upstream = request(
      {
        host: '127.0.0.1',
        port: backends[index],
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (res.headersSent) return res.destroy();
      res.writeHead(502, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ title: 'bad gateway', status: 502, code: 'upstream_unreachable' }));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${bound}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
