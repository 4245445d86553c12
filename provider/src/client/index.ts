// The control-plane client every front end uses: configuration, HTTP and embedded transports,
// retries with backoff, idempotent creates and waiting for operations.
export { CloudClient } from './cloud-client.ts';
export type {
  ChangeOptions,
  ClientOptions,
  CreateOptions,
  PlacementRequest,
  PlacementResult,
  RawResponse,
  RequestOptions,
  StackLock,
  UpdateOptions,
} from './cloud-client.ts';
export { resolveConfig } from './config.ts';
export type { ClientConfig } from './config.ts';
export { createHttpTransport } from './http-transport.ts';
export { createEmbeddedTransport, embeddedTimeScale } from './embedded-transport.ts';
export { NetworkError } from './transport.ts';
export type { Transport, TransportRequest, TransportResponse } from './transport.ts';
export { backoffDelay, parseRetryAfter, isRetryableStatus, resolveRetry, abortableSleep } from './retry-policy.ts';
export type { RetryOptions } from './retry-policy.ts';
export { waitForOperation } from './wait-operation.ts';
export type { Operation, PollOptions } from './wait-operation.ts';
export { errorFromResponse } from './response-error.ts';
