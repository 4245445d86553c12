import type { FastifyPluginAsync } from 'fastify';
import openapi from '../../../../schema/generated/openapi.json' with { type: 'json' };

/** Unauthenticated: liveness and the API description, the document the build step generates, served as is. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  const document = JSON.stringify(openapi);
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/v1/openapi.json', async (_req, reply) => reply.type('application/json').send(document));
};
