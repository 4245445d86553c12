import { fileURLToPath } from 'node:url';
import { apiRequest, spawnControlPlane, type ChildControlPlane } from '../support/index.ts';

export const ADMIN = 'scale-out-admin-token-0123456789';
export const INVENTORY = fileURLToPath(new URL('./fixtures/three-supernodes.yaml', import.meta.url));
/** A cluster that takes one whole supernode of the fixture. */
export const SUPERNODE = { region: 'cn-southwest-2', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode' };

type AfterHook = { after(fn: () => void | Promise<void>): void };

/** Starts `n` instances on one database, one after another (the first creates the schema). */
export async function instances(t: AfterHook, databaseUrl: string, n: number, extra: Record<string, unknown> = {}): Promise<ChildControlPlane[]> {
  const out: ChildControlPlane[] = [];
  for (let i = 0; i < n; i++) {
    out.push(await spawnControlPlane(t, { databaseUrl, bootstrapToken: ADMIN, inventoryFile: INVENTORY, logLevel: 'warn', ...extra }));
  }
  return out;
}

export const create = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  apiRequest(url, 'POST', '/v1/projects/default/clusters', { token: ADMIN, body, headers });
