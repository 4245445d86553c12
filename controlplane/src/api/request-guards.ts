import type { FastifyReply, FastifyRequest } from 'fastify';
import { apiError, pickFault, advance, type ControlPlane } from '../cloud/index.ts';
import { assertProjectAccess, type Principal } from './auth.ts';
import { codeForStatus } from './error-handler.ts';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.ts';
import { catchUpForRead } from './read-your-writes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const OPEN_PATHS = new Set(['/healthz', '/v1/openapi.json', '/metrics']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The one onRequest hook: injected faults, then the bearer token, then the rate limit. Kept in a
 * single function so the hot path is a few map lookups.
 */
export function requestGuard(cp: ControlPlane, rateLimit: RateLimitOptions | undefined) {
  const limiter = rateLimit ? createRateLimiter(rateLimit, () => cp.clock.now(), cp.store) : undefined;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const q = request.url.indexOf('?');
    const path = q === -1 ? request.url : request.url.slice(0, q);
    const faults = cp.faults;
    if (faults.latencyMs > 0 && !path.startsWith('/v1/admin')) await sleep(faults.latencyMs);
    if (faults.rules.length) {
      const status = pickFault(faults, request.method, path, cp.random);
      if (status !== undefined) {
        const code = codeForStatus(status);
        if (status === 429 || status === 503) reply.header('retry-after', '1');
        throw apiError(code, `injected fault: ${status} for ${request.method} ${path}`, { status });
      }
    }
    // The console's page and bundle hold no data; the page's API calls carry the token.
    if (OPEN_PATHS.has(path) || (request.method === 'GET' && (path === '/' || path.startsWith('/console/')))) return;
    const principal = await cp.authenticate(request.headers.authorization);
    request.principal = principal;
    if (limiter) {
      const wait = await limiter(principal.id);
      if (wait > 0) {
        throw apiError('RATE_LIMITED', `too many requests; retry in ${wait}s`, { details: { retryAfterSeconds: wait } });
      }
    }
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's handler runs one write transaction that catches up inside it before deciding and
     * settles what it then finds due first (`settleDueFirst`), and reads no cache before it.
     */
    catchesUpInWrite?: boolean;
  }
}

/**
 * For routes under /v1/projects/{project}: scope check, then bring time-based state up to date. A
 * route that catches up inside its write (a create) skips the catch-up here when the project is
 * known (projects are never deleted): on a shared database it would read the change feed twice.
 */
export function projectGuard(cp: ControlPlane) {
  return async (request: FastifyRequest) => {
    const project = (request.params as { project: string }).project;
    const inWrite = request.routeOptions.config.catchesUpInWrite === true && cp.settleDue !== undefined && cp.projects.has(project);
    if (!inWrite) await catchUpForRead(cp, request);
    assertProjectAccess(request.principal!, project, cp.projects.has(project));
    await advance(cp);
  };
}
