import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildApp } from '../../controlplane/src/api/build-app.ts';
import { openControlPlane } from '../../controlplane/src/api/open-control-plane.ts';
import { testDatabaseUrl } from '../support/test-store.ts';
import { endpointBody } from './helpers.ts';

const ADMIN = 'property-admin-token-0123456789';
const CLUSTERS = ['c1', 'c2', 'c3', 'c4'];
const ENDPOINTS = ['e1', 'e2', 'e3'];
const PLACES = [
  { zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c' },
  { zone: 'cn-southwest-2b', acceleratorType: 'ascend-910c' },
  { zone: 'cn-southwest-2a', acceleratorType: 'ascend-910b' },
  { zone: 'cn-southwest-2b', acceleratorType: 'nvidia-h200' },
];

/** One API call of the random sequence, as method, path and body. */
type Step = { method: 'POST' | 'PATCH' | 'DELETE' | 'PUT'; path: string; body?: unknown };

const clusterCreate = fc
  .record({
    name: fc.constantFrom(...CLUSTERS),
    place: fc.constantFrom(...PLACES),
    nodeCount: fc.integer({ min: 1, max: 60 }),
    placement: fc.constantFrom('supernode', 'zone', 'spread'),
  })
  .map(({ name, place, nodeCount, placement }): Step => ({
    method: 'POST',
    path: '/v1/projects/default/clusters',
    body: { name, ...place, nodeCount, placement },
  }));
const clusterResize = fc
  .record({ name: fc.constantFrom(...CLUSTERS), nodeCount: fc.integer({ min: 1, max: 60 }) })
  .map(({ name, nodeCount }): Step => ({ method: 'PATCH', path: `/v1/projects/default/clusters/${name}`, body: { nodeCount } }));
const clusterDelete = fc.constantFrom(...CLUSTERS).map((name): Step => ({ method: 'DELETE', path: `/v1/projects/default/clusters/${name}` }));
const endpointCreate = fc
  .record({
    name: fc.constantFrom(...ENDPOINTS),
    cluster: fc.constantFrom(...CLUSTERS),
    per: fc.constantFrom(1, 2, 4, 8, 16),
    replicas: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ name, cluster, per, replicas }): Step => ({
    method: 'POST',
    path: '/v1/projects/default/endpoints',
    body: endpointBody(name, cluster, { acceleratorsPerReplica: per, parallelism: { tensor: per }, replicas }),
  }));
const endpointScale = fc
  .record({ name: fc.constantFrom(...ENDPOINTS), replicas: fc.integer({ min: 1, max: 8 }) })
  .map(({ name, replicas }): Step => ({ method: 'PATCH', path: `/v1/projects/default/endpoints/${name}`, body: { replicas } }));
const endpointDelete = fc.constantFrom(...ENDPOINTS).map((name): Step => ({ method: 'DELETE', path: `/v1/projects/default/endpoints/${name}` }));
const quota = fc
  .record({ type: fc.constantFrom('ascend-910c', 'ascend-910b'), limit: fc.integer({ min: 0, max: 800 }) })
  .map(({ type, limit }): Step => ({ method: 'PUT', path: `/v1/admin/projects/default/quotas/${type}`, body: { limit } }));
const health = fc.oneof(
  fc.record({ sn: fc.integer({ min: 1, max: 4 }), s: fc.integer({ min: 1, max: 48 }), a: fc.integer({ min: 0, max: 7 }) }).map(({ sn, s, a }): Step => ({
    method: 'POST',
    path: '/v1/admin/accelerators:markFaulty',
    body: { ids: [`cn-southwest-2a/sn-${sn}/s${String(s).padStart(2, '0')}/${a}`] },
  })),
  fc
    .integer({ min: 1, max: 16 })
    .map((n): Step => ({ method: 'POST', path: '/v1/admin/servers:drain', body: { ids: [`cn-southwest-2b/h200-${String(n).padStart(2, '0')}`] } })),
);

const step = fc.oneof(
  { arbitrary: clusterCreate, weight: 5 },
  { arbitrary: clusterResize, weight: 4 },
  { arbitrary: clusterDelete, weight: 2 },
  { arbitrary: endpointCreate, weight: 4 },
  { arbitrary: endpointScale, weight: 3 },
  { arbitrary: endpointDelete, weight: 2 },
  { arbitrary: quota, weight: 1 },
  { arbitrary: health, weight: 1 },
);

test('after any sequence of creates, patches and deletes through the API, the invariants hold', async () => {
  let steps = 0;
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 60, maxLength: 120 }), async (sequence) => {
      const { cp, close } = await openControlPlane({ memory: true, timeScale: 0, bootstrapToken: ADMIN, databaseUrl: await testDatabaseUrl() });
      const app = await buildApp(cp, { logLevel: 'silent' });
      const headers = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
      try {
        for (const s of sequence) {
          const res = await app.inject({ method: s.method, url: s.path, headers, payload: s.body === undefined ? undefined : JSON.stringify(s.body) });
          steps++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          assert.ok(res.statusCode < 500, `${s.method} ${s.path} answered ${res.statusCode}: ${res.body}`);
          const inv = (await app.inject({ method: 'GET', url: '/v1/admin/invariants', headers })).json();
          assert.deepEqual(inv, { ok: true, violations: [] }, `after ${s.method} ${s.path} ${JSON.stringify(s.body ?? '')}`);
        }
        // What resources say they hold adds up to what the capacity report counts as held.
        const clusters = (await app.inject({ method: 'GET', url: '/v1/projects/default/clusters', headers })).json().items;
        const claimed = clusters.reduce((n: number, c: any) => n + c.allocation.acceleratorCount, 0);
        const held = (await app.inject({ method: 'GET', url: '/v1/capacity', headers })).json().zones.reduce((n: number, z: any) => n + z.held, 0);
        assert.equal(held, claimed);
      } finally {
        await app.close();
        await close();
      }
    }),
    { numRuns: 4 },
  );
  assert.ok(steps >= 240, `${steps} steps`);
  // Both outcomes must occur, or the sequence proves little.
  assert.ok((statuses.get(202) ?? 0) > 20, JSON.stringify([...statuses]));
  assert.ok((statuses.get(409) ?? 0) > 10, JSON.stringify([...statuses]));
});
