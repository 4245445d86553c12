import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiRequest, invariants } from '../support/index.ts';
import { seededRandom } from '../../controlplane/src/allocator/seeded-random.ts';
import { sharedDatabase } from './shared-database.ts';
import { ADMIN, create, instances, SUPERNODE } from './instances.ts';

const BATCHES = 12;
const OPS_PER_BATCH = 12;

test('three instances, concurrent random batches: after each, invariants are clean on every instance and every memory equals the rows', async (t) => {
  const db = await sharedDatabase(t);
  if (!db) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const cps = await instances(t, db, 3);
  const random = seededRandom(20);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const live = new Set<string>();
  let made = 0;
  for (let batch = 0; batch < BATCHES; batch++) {
    const ops: Promise<unknown>[] = [];
    const touched = new Set<string>();
    for (let i = 0; i < OPS_PER_BATCH; i++) {
      const via = pick(cps).url;
      const roll = random();
      const existing = [...live].filter((n) => !touched.has(n));
      if (roll < 0.5 || existing.length === 0) {
        const name = `c-${made++}`;
        const body =
          random() < 0.2
            ? { ...SUPERNODE, name, nodeCount: 8 + Math.floor(random() * 24) }
            : { ...SUPERNODE, name, nodeCount: 1 + Math.floor(random() * 6), placement: 'zone' };
        ops.push(
          create(via, body).then((r) => {
            assert.ok(r.status === 202 || r.status === 409, r.text);
            if (r.status === 202) live.add(name);
          }),
        );
      } else if (roll < 0.75) {
        const name = pick(existing);
        touched.add(name);
        ops.push(
          apiRequest(via, 'DELETE', `/v1/projects/default/clusters/${name}`, { token: ADMIN }).then((r) => {
            assert.equal(r.status, 202, r.text);
            live.delete(name);
          }),
        );
      } else {
        const name = pick(existing);
        touched.add(name);
        const nodeCount = 1 + Math.floor(random() * 10);
        ops.push(
          apiRequest(via, 'PATCH', `/v1/projects/default/clusters/${name}`, { token: ADMIN, body: { nodeCount } }).then((r) => {
            // Growth may not fit, a cluster in a supernode keeps to it, and the same size changes nothing (200).
            assert.ok([200, 202, 409, 400, 422].includes(r.status), r.text);
          }),
        );
      }
    }
    await Promise.all(ops);
    for (const cp of cps) {
      // A read settles what is due; the check then compares memory with the rows at one instant.
      await apiRequest(cp.url, 'GET', '/v1/projects/default/clusters', { token: ADMIN });
      assert.deepEqual(await invariants(cp.url, ADMIN), { ok: true, violations: [] }, `batch ${batch} on ${cp.url}`);
    }
    const capacities = await Promise.all(cps.map((cp) => apiRequest(cp.url, 'GET', '/v1/capacity', { token: ADMIN })));
    for (const c of capacities) assert.deepEqual(c.body, capacities[0]!.body, `batch ${batch}: every instance reports the same capacity`);
  }
});
