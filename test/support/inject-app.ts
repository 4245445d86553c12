import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../controlplane/src/api/build-app.ts';
import { openControlPlane, type OpenOptions } from '../../controlplane/src/api/open-control-plane.ts';
import type { ControlPlane } from '../../controlplane/src/cloud/index.ts';
import { testDatabaseUrl } from './test-store.ts';

/** The control plane's fastify app with no socket: fastest for fuzzing thousands of requests. */
export interface InjectableControlPlane {
  app: FastifyInstance;
  cp: ControlPlane;
  adminToken: string;
  close(): Promise<void>;
}

/** Opens an in-memory control plane at time scale 0; closed when the test ends if `t` is given. */
export async function injectableControlPlane(
  t: { after(fn: () => void | Promise<void>): void } | undefined,
  open: OpenOptions = {},
  appOptions: AppOptions = {},
): Promise<InjectableControlPlane> {
  const databaseUrl = open.dbPath || open.databaseUrl ? open.databaseUrl : await testDatabaseUrl();
  const opened = await openControlPlane({ memory: true, timeScale: 0, bootstrapToken: 'aic_test-admin', databaseUrl, ...open });
  const app = await buildApp(opened.cp, { logLevel: 'silent', ...appOptions });
  await app.ready();
  const h = {
    app,
    cp: opened.cp,
    adminToken: opened.adminToken!,
    close: async () => {
      await app.close();
      await opened.close();
    },
  };
  t?.after(h.close);
  return h;
}
