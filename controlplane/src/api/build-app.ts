import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { apiError, type ControlPlane } from '../cloud/index.ts';
import { handleError } from './error-handler.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import { projectGuard, requestGuard } from './request-guards.ts';
import { returnPositions } from './read-your-writes.ts';
import { installObservability, loggerOptions } from '../observability/index.ts';
import { adminRoutes } from './routes/admin.ts';
import { consoleRoutes } from './routes/console.ts';
import { healthRoutes } from './routes/health.ts';
import { inventoryRoutes } from './routes/inventory.ts';
import { lockRoutes } from './routes/locks.ts';
import { leaseRoutes } from './routes/leases.ts';
import { snapshotRoutes } from './routes/snapshot.ts';
import { occupancyRoutes } from './routes/occupancy.ts';
import { operationRoutes } from './routes/operations.ts';
import { placementRoutes } from './routes/placements.ts';
import { resourceRoutes } from './routes/resources.ts';

export interface AppOptions {
  /** pino level for stderr logs; 'silent' turns them off. */
  logLevel?: string;
  rateLimit?: RateLimitOptions;
  /** Largest request body, bytes (1 MiB by default). */
  bodyLimit?: number;
  /** Told of every route as it is registered (the test that holds the OpenAPI document to the routes). */
  onRoute?: (route: RouteOptions) => void;
}

/** The fastify app over a control plane; the server listens with it, the embedded cloud injects into it. */
export async function buildApp(cp: ControlPlane, opts: AppOptions = {}): Promise<FastifyInstance> {
  const level = opts.logLevel ?? 'info';
  const app = Fastify({
    ...loggerOptions(level),
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    return503OnClosing: false,
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.decorateRequest('principal', null);
  // One JSON parser for both types; an empty body is no body (a DELETE sent with a content type).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch {
      done(apiError('INVALID_BODY', 'the request body is not valid JSON'), undefined);
    }
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) => handleError(apiError('NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`), req, reply));
  installObservability(app, cp.metrics);
  returnPositions(app, cp);
  app.addHook('onRequest', requestGuard(cp, opts.rateLimit));

  await app.register(healthRoutes);
  await app.register(consoleRoutes);
  await app.register(inventoryRoutes, { cp });
  await app.register(adminRoutes, { cp, prefix: '/v1/admin' });
  await app.register(
    async (projectScope) => {
      projectScope.addHook('preHandler', projectGuard(cp));
      await projectScope.register(operationRoutes, { cp });
      await projectScope.register(lockRoutes, { cp });
      await projectScope.register(occupancyRoutes, { cp });
      await projectScope.register(placementRoutes, { cp });
      await projectScope.register(leaseRoutes, { cp });
      await projectScope.register(snapshotRoutes, { cp });
      await projectScope.register(resourceRoutes, { cp });
    },
    { prefix: '/v1/projects/:project' },
  );
  return app;
}
