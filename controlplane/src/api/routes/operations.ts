import type { FastifyPluginAsync } from 'fastify';
import { toWireOperation } from '../../operations/index.ts';
import { notFound, type ControlPlane } from '../../cloud/index.ts';

/** GET /v1/projects/{project}/operations/{id}; the project guard has already settled what is due. */
export const operationRoutes: FastifyPluginAsync<{ cp: ControlPlane }> = async (app, { cp }) => {
  app.get<{ Params: { project: string; id: string } }>('/operations/:id', async (req) => {
    const op = await cp.store.getOperation(req.params.project, req.params.id);
    if (!op) throw notFound(`operation ${req.params.id}`);
    return toWireOperation(op);
  });
};
