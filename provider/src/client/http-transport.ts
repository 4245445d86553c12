import http from 'node:http';
import https from 'node:https';
import { NetworkError, type Transport, type TransportRequest, type TransportResponse } from './transport.ts';

/**
 * Talks to a control plane over HTTP with node:http and a keep-alive agent. `fetch` costs several
 * times more CPU per request, which shows when Terraform runs one provider call per resource, and it
 * keeps an abort listener on the caller's signal until garbage collection.
 */
export function createHttpTransport(endpoint: string): Transport {
  const base = new URL(endpoint.replace(/\/+$/, ''));
  const prefix = base.pathname.replace(/\/+$/, '');
  const secure = base.protocol === 'https:';
  const agent = secure ? new https.Agent({ keepAlive: true, maxSockets: 256 }) : new http.Agent({ keepAlive: true, maxSockets: 256 });
  const request = secure ? https.request : http.request;
  const where = base.origin;

  return {
    kind: 'http',
    send(req: TransportRequest): Promise<TransportResponse> {
      return new Promise((resolve, reject) => {
        if (req.signal?.aborted) return reject(req.signal.reason);
        const headers: Record<string, string | number> = { ...req.headers };
        if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
        let settled = false;
        const fail = (e: unknown, message: string) => {
          if (settled) return;
          settled = true;
          req.signal?.removeEventListener('abort', onAbort);
          if (req.signal?.aborted) return reject(req.signal.reason);
          const code = (e as { code?: string }).code;
          reject(new NetworkError(`${message}: ${code ?? (e as Error).message}`, { cause: e }));
        };
        const r = request(
          { protocol: base.protocol, hostname: base.hostname, port: base.port, path: prefix + req.path, method: req.method, headers, agent },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', (e) => fail(e, `connection to ${where} broke while reading the answer`));
            res.on('aborted', () => fail(new Error('aborted'), `connection to ${where} broke while reading the answer`));
            res.on('end', () => {
              if (settled) return;
              settled = true;
              req.signal?.removeEventListener('abort', onAbort);
              const out: Record<string, string> = {};
              for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
              resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
            });
          },
        );
        const onAbort = () => r.destroy(req.signal?.reason instanceof Error ? req.signal.reason : new Error('aborted'));
        req.signal?.addEventListener('abort', onAbort, { once: true });
        r.on('error', (e) => fail(e, `cannot reach ${where}`));
        r.end(req.body);
      });
    },
    async close() {
      agent.destroy();
    },
  };
}
