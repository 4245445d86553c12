import { NetworkError, type Transport } from './transport.ts';

/** Talks to a control plane over HTTP with the platform's fetch (undici keeps connections alive). */
export function createHttpTransport(endpoint: string): Transport {
  const base = endpoint.replace(/\/+$/, '');
  return {
    kind: 'http',
    async send(req) {
      let res: Response;
      try {
        res = await fetch(base + req.path, { method: req.method, headers: req.headers, body: req.body, signal: req.signal });
      } catch (e) {
        if (req.signal?.aborted) throw e;
        const cause = (e as { cause?: { code?: string } }).cause;
        throw new NetworkError(`cannot reach ${base}: ${cause?.code ?? (e as Error).message}`, { cause: e });
      }
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k] = v));
      let body: string;
      try {
        body = await res.text();
      } catch (e) {
        if (req.signal?.aborted) throw e;
        throw new NetworkError(`connection to ${base} broke while reading the answer`, { cause: e });
      }
      return { status: res.status, headers, body };
    },
    async close() {},
  };
}
