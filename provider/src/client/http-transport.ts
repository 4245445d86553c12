import { NetworkError, type Transport } from './transport.ts';

/** Talks to a control plane over HTTP with the platform's fetch (undici keeps connections alive). */
export function createHttpTransport(endpoint: string): Transport {
  const base = endpoint.replace(/\/+$/, '');
  return {
    kind: 'http',
    async send(req) {
      // fetch keeps an abort listener on the signal it is given until garbage collection, so a
      // long apply sharing one signal would pile up thousands; a per-request signal linked to the
      // caller's, unlinked when the request ends, keeps the caller's signal clean.
      const local = new AbortController();
      const forward = () => local.abort(req.signal?.reason);
      if (req.signal?.aborted) forward();
      else req.signal?.addEventListener('abort', forward, { once: true });
      try {
        return await sendOnce(req, local.signal);
      } finally {
        req.signal?.removeEventListener('abort', forward);
      }
    },
    async close() {},
  };

  async function sendOnce(req: Parameters<Transport['send']>[0], signal: AbortSignal) {
    let res: Response;
    try {
      res = await fetch(base + req.path, { method: req.method, headers: req.headers, body: req.body, signal });
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
  }
}
