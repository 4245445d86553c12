import type { FastifyPluginAsync } from 'fastify';
import { buildOpenApi } from '../openapi.ts';

/** Unauthenticated: liveness and the API description. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  const openapi = JSON.stringify(buildOpenApi());
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/v1/openapi.json', async (_req, reply) => reply.type('application/json').send(openapi));
};
