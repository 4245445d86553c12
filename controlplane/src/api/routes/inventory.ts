import type { FastifyPluginAsync } from 'fastify';
import type { ControlPlane } from '../service/control-plane.ts';
import { catchUpForRead } from '../read-your-writes.ts';
import { capacityView, regionsView } from '../service/inventory-view.ts';

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
