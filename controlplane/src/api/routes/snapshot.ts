import type { FastifyPluginAsync } from 'fastify';
import type { ControlPlane } from '../../cloud/index.ts';
import { takeSnapshot } from '../../snapshot/index.ts';

/** GET /v1/projects/{project}/snapshot — the occupancy a what-if plan starts from (docs/what-if.md). */
export const snapshotRoutes: FastifyPluginAsync<{ cp: ControlPlane }> = async (app, { cp }) => {
  app.get<{ Params: { project: string } }>('/snapshot', async (req) => takeSnapshot(cp, req.principal!, req.params.project));
};
