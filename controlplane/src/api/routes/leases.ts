import type { FastifyPluginAsync } from 'fastify';
import { apiError, type ControlPlane } from '../../cloud/index.ts';
import { createLease, extendLease, getLease, listLeases, releaseLease } from '../../leases/index.ts';

type Params = { project: string; id: string };

/** Capacity leases: hold a saved plan's placements until apply draws on them (docs/leases.md). */
export const leaseRoutes: FastifyPluginAsync<{ cp: ControlPlane }> = async (app, { cp }) => {
  app.post<{ Params: Params }>('/leases', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    return reply.code(201).send(await createLease(cp, req.params.project, req.body, typeof key === 'string' ? key : undefined));
  });
  app.get<{ Params: Params }>('/leases', async (req) => listLeases(cp, req.params.project));
  app.get<{ Params: Params }>('/leases/:id', async (req) => getLease(cp, req.params.project, req.params.id));
  // `POST /leases/{id}:extend`: the router cannot split a parameter from a literal colon, so the verb is read here.
  app.post<{ Params: Params }>('/leases/:id', async (req) => {
    const [id, verb] = req.params.id.split(':');
    if (verb !== 'extend') throw apiError('NOT_FOUND', `no route POST ${req.url.split('?')[0]}`);
    return extendLease(cp, req.params.project, id!, req.body);
  });
  app.delete<{ Params: Params }>('/leases/:id', async (req) => releaseLease(cp, req.params.project, req.params.id));
};
