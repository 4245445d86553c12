import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { ControlPlaneMetrics } from './control-plane-metrics.ts';

/** Polled by load balancers and scrapers: logged at debug, so they do not drown the request lines. */
const QUIET_PATHS = new Set(['/healthz', '/metrics']);

/**
 * Adds to an app: the `X-Request-Id` reply header, one JSON log line and the request series per
 * reply, and `GET /metrics`. Call it before the hooks that may refuse a request (auth, rate limit,
 * faults), so refused requests carry their id and are counted too.
 */
export function installObservability(app: FastifyInstance, metrics: ControlPlaneMetrics): void {
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const ms = reply.elapsedTime;
    metrics.replied(request.method, route, status, ms / 1000);
    const q = request.url.indexOf('?');
    const path = q === -1 ? request.url : request.url.slice(0, q);
    const line = { method: request.method, route, path, status, ms: Math.round(ms * 1000) / 1000 };
    if (QUIET_PATHS.has(path)) request.log.debug(line, 'request done');
    else request.log.info(line, 'request done');
    done();
  });
  // Open like /healthz (see request-guards.ts): aggregates only, no project's data; docs/scale-out.md.
  app.get('/metrics', async (_request, reply) => reply.type(metrics.contentType).send(await metrics.render()));
}
