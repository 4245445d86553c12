import type { FastifyPluginAsync } from 'fastify';
import { acquireLock, readLock, releaseLock, type ControlPlane } from '../../cloud/index.ts';

type Params = { project: string; stack: string };

/** Stack locks keep two applies of one stack apart. */
export const lockRoutes: FastifyPluginAsync<{ cp: ControlPlane }> = async (app, { cp }) => {
  app.put<{ Params: Params }>('/locks/:stack', async (req) => acquireLock(cp, req.params.project, req.params.stack, req.body));
  app.get<{ Params: Params }>('/locks/:stack', async (req) => readLock(cp, req.params.project, req.params.stack));
  app.delete<{ Params: Params; Querystring: { holder?: string; force?: string } }>('/locks/:stack', async (req, reply) => {
    await releaseLock(cp, req.params.project, req.params.stack, req.query.holder, req.query.force === 'true');
    return reply.code(204).send();
  });
};
