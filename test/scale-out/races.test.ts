import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiRequest, invariants } from '../support/index.ts';
import { sharedDatabase } from './shared-database.ts';
import { ADMIN, create, instances, SUPERNODE } from './instances.ts';

// Each race runs this often: a lost update shows up as a second winner in some round.
const ROUNDS = 50;
const small = (name: string) => ({ ...SUPERNODE, name, nodeCount: 1, placement: 'zone' });
/** Deletes through one instance; the delete is due at once (time scale 0) and settles on a read through another. */
async function remove(through: string, name: string, readThrough: string): Promise<void> {
  const del = await apiRequest(through, 'DELETE', `/v1/projects/default/clusters/${name}`, { token: ADMIN });
  assert.equal(del.status, 202, del.text);
  assert.equal((await apiRequest(readThrough, 'GET', `/v1/projects/default/clusters/${name}`, { token: ADMIN })).status, 404);
}
const statuses = (answers: { status: number }[]) =>
  answers
    .map((a) => a.status)
    .sort()
    .join(',');

test('races across three instances, each repeated 50 times: one winner for the last supernode, a name, an idempotency key and an ETag', async (t) => {
  const db = await sharedDatabase(t);
  if (!db) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const cps = await instances(t, db, 3);
  const url = (i: number) => cps[i % 3]!.url;
  for (const [i, name] of ['fill-1', 'fill-2'].entries()) assert.equal((await create(url(i), { ...SUPERNODE, name })).status, 202);

  for (let round = 0; round < ROUNDS; round++) {
    // The last supernode: three racers, one per instance.
    const racers = await Promise.all([0, 1, 2].map((i) => create(url(i + round), { ...SUPERNODE, name: `last-${round}-${i}` })));
    assert.equal(statuses(racers), '202,409,409', `round ${round}: ${racers.map((r) => r.text.slice(0, 100)).join(' | ')}`);
    const winner = racers.find((r) => r.status === 202)!.body.resource.name as string;
    await remove(url(round + 1), winner, url(round + 2));
  }
  // The fills go: the other races need room for their small clusters.
  for (const [i, name] of ['fill-1', 'fill-2'].entries()) await remove(url(i), name, url(i + 1));

  for (let round = 0; round < ROUNDS; round++) {
    // One name, two instances.
    const named = await Promise.all([0, 1].map((i) => create(url(i + round), small(`same-${round}`))));
    assert.equal(statuses(named), '202,409', `round ${round}: ${named.map((r) => r.text.slice(0, 100)).join(' | ')}`);

    // One idempotency key, two instances, two different requests: one is created, the other refused.
    const keyed = await Promise.all([0, 1].map((i) => create(url(i + round), small(`keyed-${round}-${i}`), { 'idempotency-key': `key-${round}` })));
    assert.equal(statuses(keyed), '202,409', `round ${round}: ${keyed.map((r) => r.text.slice(0, 100)).join(' | ')}`);

    // Two updates with the same If-Match: one applies, the other is stale.
    const read = await apiRequest(url(round), 'GET', `/v1/projects/default/clusters/same-${round}`, { token: ADMIN });
    const etag = read.headers.get('etag')!;
    const patches = await Promise.all(
      [2, 3].map((n, i) =>
        apiRequest(url(round + i + 1), 'PATCH', `/v1/projects/default/clusters/same-${round}`, {
          token: ADMIN,
          body: { nodeCount: n },
          headers: { 'if-match': etag },
        }),
      ),
    );
    assert.equal(statuses(patches), '202,412', `round ${round}: ${patches.map((r) => r.text.slice(0, 100)).join(' | ')}`);
    const keptKey = keyed.find((r) => r.status === 202)!.body.resource.name as string;
    await remove(url(round), `same-${round}`, url(round + 1));
    await remove(url(round + 2), keptKey, url(round));
  }
  const list = await apiRequest(url(0), 'GET', '/v1/projects/default/clusters?pageSize=1000', { token: ADMIN });
  assert.deepEqual(list.body.items, [], 'every winner was deleted again');
  for (const cp of cps) assert.deepEqual(await invariants(cp.url, ADMIN), { ok: true, violations: [] });
});

test('a write returns its feed position, and a read carrying it through another instance sees the write', async (t) => {
  const db = await sharedDatabase(t);
  if (!db) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const [a, b] = await instances(t, db, 2);
  const before = await apiRequest(b!.url, 'GET', '/v1/capacity', { token: ADMIN });
  assert.equal(before.headers.get('x-aicloud-position'), null, 'a read that wrote nothing has no position');
  const made = await create(a!.url, { ...SUPERNODE, name: 'mine' });
  assert.equal(made.status, 202, made.text);
  const position = made.headers.get('x-aicloud-position');
  assert.match(position ?? '', /^\d+$/);
  const after = await apiRequest(b!.url, 'GET', '/v1/capacity', { token: ADMIN, headers: { 'x-aicloud-position': position! } });
  const free = (r: typeof after) => (r.body.zones as { free: number }[]).reduce((n, z) => n + z.free, 0);
  assert.equal(free(before) - free(after), 384, 'the other instance shows the supernode taken');
});
