import type { FastifyPluginAsync } from 'fastify';
import { syncControlPlane, capacityView, regionsView, type ControlPlane } from '../../cloud/index.ts';

/** What the cloud has: regions and accelerator types, and free versus total capacity. */
export const inventoryRoutes: FastifyPluginAsync<{ cp: ControlPlane }> = async (app, { cp }) => {
  app.get('/v1/regions', async () => {
    await syncControlPlane(cp);
    return regionsView(cp);
  });
  app.get<{ Querystring: { zone?: string; acceleratorType?: string } }>('/v1/capacity', async (req) => {
    await syncControlPlane(cp);
    return capacityView(cp, { zone: req.query.zone, acceleratorType: req.query.acceleratorType });
  });
};
