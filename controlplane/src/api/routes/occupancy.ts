import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { occupancyView, operationHistory, type ControlPlane } from '../../cloud/index.ts';

/**
 * Read views the web console draws from, under /v1/projects/{project}: who holds each accelerator
 * (other projects' holdings anonymous unless the caller is the admin) and the operation history.
 */
export const occupancyRoutes: FastifyPluginAsync<{ cp: ControlPlane }> = async (app, { cp }) => {
  // The console polls this; an unchanged map answers 304 to If-None-Match, so the page skips the
  // download and the redraw.
  app.get<{ Params: { project: string }; Querystring: { zone?: string } }>('/occupancy', async (req, reply) => {
    const body = JSON.stringify(await occupancyView(cp, req.principal!, req.params.project, { zone: req.query.zone || undefined }));
    const tag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', tag).header('cache-control', 'no-cache');
    if (req.headers['if-none-match'] === tag) return reply.code(304).send();
    return reply.type('application/json').send(body);
  });
  app.get<{ Params: { project: string }; Querystring: { resource?: string; limit?: string } }>('/operations', async (req) =>
    operationHistory(cp, req.params.project, req.query),
  );
};
