import type { FastifyPluginAsync } from 'fastify';
import { catchUpForRead } from '../read-your-writes.ts';
import { capacityView, regionsView, type ControlPlane } from '../../cloud/index.ts';

/** What the cloud has: regions and accelerator types, and free versus total capacity. */
export const inventoryRoutes: FastifyPluginAsync<{ cp: ControlPlane }> = async (app, { cp }) => {
  app.get('/v1/regions', async (req) => {
    await catchUpForRead(cp, req);
    return regionsView(cp);
  });
  app.get<{ Querystring: { zone?: string; acceleratorType?: string } }>('/v1/capacity', async (req) => {
    await catchUpForRead(cp, req);
    return capacityView(cp, { zone: req.query.zone, acceleratorType: req.query.acceleratorType });
  });
};
