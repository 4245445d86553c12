import type { FastifyPluginAsync } from 'fastify';
import type { ControlPlane } from '../service/control-plane.ts';
import { occupancyView } from '../service/occupancy-view.ts';
import { operationHistory } from '../service/operation-history.ts';

/**
 * Read views the web console draws from, under /v1/projects/{project}: who holds each accelerator
 * (other projects' holdings anonymous unless the caller is the admin) and the operation history.
 */
export const occupancyRoutes: FastifyPluginAsync<{ cp: ControlPlane }> = async (app, { cp }) => {
  app.get<{ Params: { project: string }; Querystring: { zone?: string } }>('/occupancy', async (req) =>
    occupancyView(cp, req.principal!, req.params.project, { zone: req.query.zone || undefined }),
  );
  app.get<{ Params: { project: string }; Querystring: { resource?: string; limit?: string } }>('/operations', async (req) =>
    operationHistory(cp, req.params.project, req.query),
  );
};
