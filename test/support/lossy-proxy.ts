import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A proxy in front of the control plane that loses some answers after the server has acted. */
export interface LossyProxy {
  url: string;
  /** Requests whose answer was dropped, as `METHOD path`. */
  dropped: string[];
  close(): Promise<void>;
}

/**
 * Forwards every request to `upstream`, then for a share of them cuts the connection instead of
 * answering: the change happened, the caller never hears of it. This is the failure that makes
 * retries dangerous, which the control plane's own fault injection (before the handler) cannot
 * produce. `shouldDrop` decides per request; a seeded one keeps runs repeatable.
 */
export async function startLossyProxy(upstream: string, shouldDrop: (method: string, path: string) => boolean): Promise<LossyProxy> {
  const dropped: string[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length' && k !== 'connection') headers[k] = v;
    try {
      const answer = await fetch(upstream + req.url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      const body = Buffer.from(await answer.arrayBuffer());
      if (shouldDrop(req.method ?? 'GET', (req.url ?? '').split('?')[0])) {
        dropped.push(`${req.method} ${(req.url ?? '').split('?')[0]}`);
        req.socket.destroy();
        return;
      }
      const out: Record<string, string> = {};
      answer.headers.forEach((v, k) => {
        if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection' && k !== 'keep-alive') out[k] = v;
      });
      res.writeHead(answer.status, out).end(body);
    } catch {
      req.socket.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dropped,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
