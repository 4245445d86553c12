import type { FastifyPluginAsync } from 'fastify';
import { previewPlacements, type ControlPlane } from '../../cloud/index.ts';

/** POST /v1/projects/{project}/placements:preview — a dry run that changes nothing. */
export const placementRoutes: FastifyPluginAsync<{ cp: ControlPlane }> = async (app, { cp }) => {
  app.post<{ Params: { project: string } }>('/placements::preview', async (req) => previewPlacements(cp, req.params.project, req.body));
};
