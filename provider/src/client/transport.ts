/** A request the client sends, whatever carries it. */
export interface TransportRequest {
  method: string;
  /** Path and query, e.g. `/v1/projects/default/clusters?pageSize=100`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * HTTP to a server, or inject into the embedded cloud: one interface, so both give the same
 * answers by construction. A transport throws only when no answer came (network, abort).
 */
export interface Transport {
  readonly kind: 'http' | 'embedded';
  send(req: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}

/** No answer arrived: connection refused or reset, DNS, a timeout. Always safe to retry with an idempotency key. */
export class NetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}
