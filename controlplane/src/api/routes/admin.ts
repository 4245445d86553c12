import type { FastifyPluginAsync } from 'fastify';
import { assertAdmin } from '../auth.ts';
import { catchUpForRead } from '../read-your-writes.ts';
import {
  writeTransaction,
  createProject,
  createProjectToken,
  setFaults,
  setQuota,
  checkInvariants,
  admissionView,
  defragment,
  healthView,
  markHealth,
  NO_FAULTS,
  advance,
  type ControlPlane,
} from '../../cloud/index.ts';

/** /v1/admin/*: projects, tokens, quotas, faults, health marks (and what runs there) and invariants; admin token only. */
export const adminRoutes: FastifyPluginAsync<{ cp: ControlPlane }> = async (app, { cp }) => {
  app.addHook('preHandler', async (req) => {
    assertAdmin(req.principal!);
    await catchUpForRead(cp, req);
  });
  app.post('/projects', async (req, reply) => reply.code(201).send(await createProject(cp, req.body)));
  app.post<{ Params: { project: string } }>('/projects/:project/tokens', async (req, reply) =>
    reply.code(201).send(await createProjectToken(cp, req.params.project)),
  );
  app.put<{ Params: { project: string; type: string } }>('/projects/:project/quotas/:type', async (req) =>
    setQuota(cp, req.params.project, req.params.type, req.body),
  );
  app.get('/faults', async () => cp.faults);
  app.post('/faults', async (req) => setFaults(cp, req.body));
  app.delete('/faults', async () => {
    cp.faults = NO_FAULTS;
    return cp.faults;
  });
  app.post('/accelerators::markFaulty', async (req) => markHealth(cp, 'accelerator', req.body));
  app.post('/servers::drain', async (req) => markHealth(cp, 'server', req.body));
  app.get('/health', async () => healthView(cp));
  // Inside a write transaction: memory and rows are compared at one instant no other writer can move.
  app.get('/invariants', async () => writeTransaction(cp, () => checkInvariants(cp), { exclusive: true }));
  // The admission routes first settle what is due, as project routes do: a defragmentation must not
  // plan around endpoints whose deletes have already finished.
  app.post('/defragment', async (req) => {
    await advance(cp);
    return defragment(cp, req.body);
  });
  app.get('/queues', async () => {
    await advance(cp);
    return admissionView(cp);
  });
};
