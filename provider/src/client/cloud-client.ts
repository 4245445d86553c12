import { randomUUID } from 'node:crypto';
import { AicloudError, isAicloudError, kindInfo, type CloudResource, type ClusterPreviewCreate, type Kind } from '../../../core/index.ts';
import { resolveConfig, type ClientConfig } from './config.ts';
import { createEmbeddedTransport } from './embedded-transport.ts';
import { createHttpTransport } from './http-transport.ts';
import { errorFromResponse } from './response-error.ts';
import { backoffDelay, isRetryableStatus, parseRetryAfter, resolveRetry, type ResolvedRetry, type RetryOptions } from './retry-policy.ts';
import { NetworkError, type Transport, type TransportResponse } from './transport.ts';
import { waitForOperation, type Operation, type PollOptions } from './wait-operation.ts';

export interface RawResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Turn retries off for this call (tests of the raw API). */
  retry?: boolean;
  /** Answer with the error status instead of throwing (tests of the raw API). */
  throwOnError?: boolean;
}

export interface ChangeOptions {
  signal?: AbortSignal;
  /** Longest wait for the operation, ms (default 30 minutes). */
  timeoutMs?: number;
}

export interface CreateOptions extends ChangeOptions {
  /** Defaults to a new UUID per call, reused across that call's retries. */
  idempotencyKey?: string;
}

export interface UpdateOptions extends ChangeOptions {
  ifMatch?: string | number;
}

export interface ClientOptions {
  retry?: RetryOptions;
  poll?: PollOptions;
  /** Called before each retry, for progress output. Never receives secrets. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

/** One entry of a placement preview batch (see the control plane's placements:preview). */
export type PlacementRequest =
  | (Omit<ClusterPreviewCreate, 'action' | 'placement'> & { action?: 'create'; placement?: string })
  | { action: 'grow'; name: string; nodeCount: number }
  | { action: 'release'; name: string; kind?: 'Cluster' | 'ModelEndpoint' }
  | { action: 'replicas'; name: string; cluster: string; replicas: number; acceleratorsPerReplica: number; acceleratorProfile?: string; queue?: string };

export interface PlacementResult {
  index: number;
  action: string;
  name: string;
  fits: boolean;
  /** Does not fit now; the request names a queue, where it will wait. */
  queued?: boolean;
  allocation?: Record<string, unknown>;
  /** The accelerator type placed on (chosen from a cluster's acceleratorTypes when it lists several). */
  acceleratorType?: string;
  code?: string;
  message?: string;
}

export interface StackLock {
  stack: string;
  holder: string;
  since: string;
  expiresAt: string | null;
}

/**
 * The one way every front end talks to the cloud: bearer token, retries with backoff and jitter
 * (honouring Retry-After) on 429, 5xx and network errors, an Idempotency-Key on every create,
 * operations waited for with a timeout and an AbortSignal, and AicloudErrors for everything else.
 */
export class CloudClient {
  readonly project: string;
  readonly region: string | undefined;
  readonly transport: Transport;
  private readonly token: string;
  private readonly retry: ResolvedRetry;
  private readonly poll: PollOptions;
  private readonly onRetry?: ClientOptions['onRetry'];
  /** A capacity lease every create and update names (header `Aicloud-Lease`); what it holds for a change is drawn on exactly. */
  lease: string | undefined;

  constructor(args: { transport: Transport; token: string; project: string; region?: string; lease?: string } & ClientOptions) {
    this.lease = args.lease;
    this.transport = args.transport;
    this.token = args.token;
    this.project = args.project;
    this.region = args.region;
    this.retry = resolveRetry(args.retry);
    this.poll = { sleep: this.retry.sleep, now: this.retry.now, ...args.poll };
    this.onRetry = args.onRetry;
  }

  /** Resolves configuration (AICLOUD_* fallbacks) and opens HTTP or, without an endpoint, the embedded cloud. */
  static async connect(partial: Partial<ClientConfig> = {}, options: ClientOptions = {}): Promise<CloudClient> {
    const config = resolveConfig(partial);
    if (config.endpoint) {
      return new CloudClient({
        transport: createHttpTransport(config.endpoint),
        token: config.token!,
        project: config.project,
        region: config.region,
        lease: config.lease,
        ...options,
      });
    }
    const { transport, token } = await createEmbeddedTransport(config.dataDir);
    return new CloudClient({ transport, token, project: config.project, region: config.region, lease: config.lease, ...options });
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  /** Any call to the API, with auth and retries; throws AicloudError on an error status. */
  async raw<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<RawResponse<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json', ...opts.headers };
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const attempts = opts.retry === false ? 1 : this.retry.maxAttempts;
    for (let attempt = 1; ; attempt++) {
      let res: TransportResponse | undefined;
      let failure: Error | undefined;
      try {
        res = await this.transport.send({ method, path, headers, body, signal: opts.signal });
      } catch (e) {
        if (opts.signal?.aborted) throw cancelled(opts.signal);
        if (!(e instanceof NetworkError)) throw e;
        failure = e;
      }
      const retryable = failure !== undefined || (res !== undefined && isRetryableStatus(res.status));
      if (!retryable || attempt >= attempts) {
        if (failure) throw new AicloudError('UNAVAILABLE', failure.message, { cause: failure, details: { attempts: attempt } });
        return this.finish<T>(res!, method, path, opts);
      }
      const retryAfter = res ? parseRetryAfter(res.headers['retry-after'], this.retry.now()) : undefined;
      const delayMs = backoffDelay(attempt, retryAfter, this.retry);
      this.onRetry?.({ attempt, delayMs, reason: failure ? failure.message : `HTTP ${res!.status}` });
      try {
        await this.retry.sleep(delayMs, opts.signal);
      } catch {
        throw cancelled(opts.signal);
      }
    }
  }

  private finish<T>(res: TransportResponse, method: string, path: string, opts: RequestOptions): RawResponse<T> {
    if (res.status >= 400 && opts.throwOnError !== false) throw errorFromResponse(res.status, res.body, `${method} ${path.split('?')[0]}`);
    let parsed: unknown = undefined;
    if (res.body !== '') {
      try {
        parsed = JSON.parse(res.body);
      } catch {
        throw new AicloudError('UNAVAILABLE', `${method} ${path.split('?')[0]} answered with something other than JSON`, {
          details: { httpStatus: res.status },
        });
      }
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  private collection(kind: Kind): string {
    return `/v1/projects/${this.project}/${kindInfo(kind).collection}`;
  }

  /** Creates a resource and waits for it; a retried call with the same key never creates twice. */
  async create(kind: Kind, inputs: Record<string, unknown>, opts: CreateOptions = {}): Promise<CloudResource> {
    const key = opts.idempotencyKey ?? randomUUID();
    const body = this.region && inputs.region === undefined && inputs.zone === undefined ? { ...inputs, region: this.region } : inputs;
    const res = await this.raw<{ resource: CloudResource; operation: Operation }>('POST', this.collection(kind), {
      body,
      headers: { 'idempotency-key': key, ...(this.lease ? { 'aicloud-lease': this.lease } : {}) },
      signal: opts.signal,
    });
    return this.settle(kind, res.body, opts);
  }

  /** The resource, or undefined when it does not exist. */
  async get(kind: Kind, name: string, opts: { signal?: AbortSignal } = {}): Promise<CloudResource | undefined> {
    try {
      const res = await this.raw<CloudResource>('GET', `${this.collection(kind)}/${encodeURIComponent(name)}`, opts);
      return res.body;
    } catch (e) {
      if (isAicloudError(e) && e.status === 404) return undefined;
      throw e;
    }
  }

  /** Every resource of a kind (following pages), optionally filtered by labels (`k=v,k2=v2`). */
  async list(kind: Kind, opts: { labelSelector?: string; signal?: AbortSignal; pageSize?: number } = {}): Promise<CloudResource[]> {
    // Large pages: reading a stack's state is a round trip per page, and round trips dominate on a slow link.
    const pageSize = opts.pageSize ?? 500;
    const out: CloudResource[] = [];
    let token: string | null = null;
    do {
      const q = new URLSearchParams();
      if (opts.labelSelector) q.set('labelSelector', opts.labelSelector);
      q.set('pageSize', String(pageSize));
      if (token) q.set('pageToken', token);
      const qs = q.toString();
      const res: RawResponse<{ items: CloudResource[]; nextPageToken: string | null }> = await this.raw(
        'GET',
        `${this.collection(kind)}${qs ? `?${qs}` : ''}`,
        {
          signal: opts.signal,
        },
      );
      out.push(...res.body.items);
      token = res.body.nextPageToken;
    } while (token);
    return out;
  }

  /** Changes a resource in place (JSON merge patch of its inputs) and waits for it. */
  async update(kind: Kind, name: string, patch: Record<string, unknown>, opts: UpdateOptions = {}): Promise<CloudResource> {
    const headers: Record<string, string> = { 'content-type': 'application/merge-patch+json' };
    // A growth or an endpoint's replicas that the lease holds are drawn from it, as creates are.
    if (this.lease) headers['aicloud-lease'] = this.lease;
    if (opts.ifMatch !== undefined) headers['if-match'] = typeof opts.ifMatch === 'number' ? `"${opts.ifMatch}"` : opts.ifMatch;
    const res = await this.raw<{ resource: CloudResource; operation: Operation | null }>('PATCH', `${this.collection(kind)}/${encodeURIComponent(name)}`, {
      body: patch,
      headers,
      signal: opts.signal,
    });
    return this.settle(kind, res.body, opts);
  }

  /** Deletes a resource and waits until it is gone; a resource that is already gone is fine. */
  async delete(kind: Kind, name: string, opts: UpdateOptions = {}): Promise<void> {
    const headers: Record<string, string> = {};
    if (opts.ifMatch !== undefined) headers['if-match'] = typeof opts.ifMatch === 'number' ? `"${opts.ifMatch}"` : opts.ifMatch;
    let res: RawResponse<{ resource: CloudResource; operation: Operation }>;
    try {
      res = await this.raw('DELETE', `${this.collection(kind)}/${encodeURIComponent(name)}`, { headers, signal: opts.signal });
    } catch (e) {
      if (isAicloudError(e) && e.status === 404) return;
      throw e;
    }
    await this.wait(res.body.operation, opts);
  }

  /**
   * Waits for the operation a resource has in flight, if any (a create waiting in its queue), and returns the
   * resource then; undefined when it does not exist. What a retry of a create that timed out needs: the
   * resource is there, only not ready yet, and changing nothing must not be sent as a change.
   */
  async awaitResource(kind: Kind, name: string, opts: ChangeOptions = {}): Promise<CloudResource | undefined> {
    const resource = await this.get(kind, name, { signal: opts.signal });
    if (!resource) return undefined;
    const q = new URLSearchParams({ resource: resource.id, limit: '1' }).toString();
    const res = await this.raw<{ operations: Operation[] }>('GET', `/v1/projects/${this.project}/operations?${q}`, { signal: opts.signal });
    const last = res.body.operations[0];
    if (!last || last.status === 'done') return resource;
    await this.wait(last, opts);
    return (await this.get(kind, name, { signal: opts.signal })) ?? resource;
  }

  /** Polls an operation until it is done; throws OPERATION_FAILED, OPERATION_TIMEOUT or CANCELLED. */
  async wait(op: Operation, opts: ChangeOptions = {}): Promise<Operation> {
    return waitForOperation(op, (id, signal) => this.raw<Operation>('GET', `/v1/projects/${this.project}/operations/${id}`, { signal }).then((r) => r.body), {
      ...this.poll,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs ?? this.poll.timeoutMs,
    });
  }

  private async settle(kind: Kind, reply: { resource: CloudResource; operation: Operation | null }, opts: ChangeOptions): Promise<CloudResource> {
    if (!reply.operation) return reply.resource;
    if (reply.operation.status === 'done') return reply.resource;
    await this.wait(reply.operation, opts);
    return (await this.get(kind, reply.resource.name, { signal: opts.signal })) ?? reply.resource;
  }

  async previewPlacements(requests: PlacementRequest[], opts: { signal?: AbortSignal } = {}): Promise<PlacementResult[]> {
    const res = await this.raw<{ results: PlacementResult[] }>('POST', `/v1/projects/${this.project}/placements:preview`, {
      body: { requests },
      signal: opts.signal,
      ...(this.lease ? { headers: { 'aicloud-lease': this.lease } } : {}),
    });
    return res.body.results;
  }

  async capacity(filter: { zone?: string; acceleratorType?: string } = {}): Promise<unknown> {
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined) as [string, string][]).toString();
    return (await this.raw('GET', `/v1/capacity${q ? `?${q}` : ''}`)).body;
  }

  async regions(): Promise<unknown> {
    return (await this.raw('GET', '/v1/regions')).body;
  }

  /** Takes the stack lock; throws STACK_LOCKED (details: holder, since) when someone else holds it. */
  async lock(stack: string, holder: string, ttlSeconds?: number): Promise<StackLock> {
    const res = await this.raw<StackLock>('PUT', `/v1/projects/${this.project}/locks/${encodeURIComponent(stack)}`, { body: { holder, ttlSeconds } });
    return res.body;
  }

  async getLock(stack: string): Promise<StackLock | undefined> {
    try {
      return (await this.raw<StackLock>('GET', `/v1/projects/${this.project}/locks/${encodeURIComponent(stack)}`)).body;
    } catch (e) {
      if (isAicloudError(e) && e.status === 404) return undefined;
      throw e;
    }
  }

  /** Releases the lock as `holder`, or breaks it with `force`. */
  async unlock(stack: string, opts: { holder?: string; force?: boolean }): Promise<void> {
    const q = new URLSearchParams();
    if (opts.holder) q.set('holder', opts.holder);
    if (opts.force) q.set('force', 'true');
    await this.raw('DELETE', `/v1/projects/${this.project}/locks/${encodeURIComponent(stack)}?${q.toString()}`);
  }
}

function cancelled(signal: AbortSignal | undefined): AicloudError {
  return new AicloudError('CANCELLED', 'the request was cancelled', { cause: signal?.reason });
}
