import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { acceleratorLedger, apiRequest, invariants, spawnControlPlane, type ChildControlPlane } from '../support/index.ts';
import { sharedDatabase } from './shared-database.ts';

const ADMIN = 'scale-out-admin-token-0123456789';
const INVENTORY = fileURLToPath(new URL('./fixtures/three-supernodes.yaml', import.meta.url));
const SUPERNODE = { region: 'cn-southwest-2', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode' };

type AfterHook = { after(fn: () => void | Promise<void>): void };

async function instances(t: AfterHook, databaseUrl: string, n: number, extra: Record<string, unknown> = {}): Promise<ChildControlPlane[]> {
  const out: ChildControlPlane[] = [];
  // One after another: the first creates the schema, the others find it.
  for (let i = 0; i < n; i++) {
    out.push(await spawnControlPlane(t, { databaseUrl, bootstrapToken: ADMIN, inventoryFile: INVENTORY, logLevel: 'warn', ...extra }));
  }
  return out;
}

const create = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  apiRequest(url, 'POST', '/v1/projects/default/clusters', { token: ADMIN, body, headers });

test('three instances on one database: concurrent creates racing for the last supernode, exactly one wins', async (t) => {
  const db = await sharedDatabase(t);
  if (!db) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const cps = await instances(t, db, 3);
  // Fill two of the three supernodes, through different instances.
  for (const [i, name] of ['fill-1', 'fill-2'].entries()) {
    const r = await create(cps[i]!.url, { ...SUPERNODE, name });
    assert.equal(r.status, 202, r.text);
  }
  const racers = Array.from({ length: 12 }, (_, i) => create(cps[i % 3]!.url, { ...SUPERNODE, name: `race-${i}` }));
  const answers = await Promise.all(racers);
  const won = answers.filter((a) => a.status === 202);
  const refused = answers.filter((a) => a.status === 409);
  assert.equal(won.length, 1, answers.map((a) => `${a.status} ${a.text.slice(0, 120)}`).join('\n'));
  assert.equal(refused.length, 11);
  for (const r of refused) assert.equal(r.body.code, 'CAPACITY_EXHAUSTED', r.text);
  for (const cp of cps) {
    assert.deepEqual(await invariants(cp.url, ADMIN), { ok: true, violations: [] }, `invariants on ${cp.url}`);
    // Every instance reports the same capacity: the whole zone held, by three clusters.
    const ledger = await acceleratorLedger(cp.url, ADMIN, ['default']);
    assert.deepEqual(ledger, { taken: 3 * 384, heldByClusters: 3 * 384 });
  }
});

test('idempotency keys, ETags, stack locks and time-based operations hold across instances', async (t) => {
  const db = await sharedDatabase(t);
  if (!db) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const [a, b, c] = await instances(t, db, 3);
  const body = { ...SUPERNODE, name: 'idem', nodeCount: 2, placement: 'zone' };
  const first = await create(a!.url, body, { 'idempotency-key': 'k-1' });
  assert.equal(first.status, 202, first.text);
  const again = await create(b!.url, body, { 'idempotency-key': 'k-1' });
  assert.equal(again.status, 202, again.text);
  assert.equal(again.body.resource.id, first.body.resource.id, 'a retry on another instance replays the first answer');
  const reused = await create(c!.url, { ...body, nodeCount: 3 }, { 'idempotency-key': 'k-1' });
  assert.equal(reused.status, 409);
  assert.equal(reused.body.code, 'IDEMPOTENCY_KEY_REUSED');

  const read = await apiRequest(b!.url, 'GET', '/v1/projects/default/clusters/idem', { token: ADMIN });
  const etag = read.headers.get('etag')!;
  const patched = await apiRequest(a!.url, 'PATCH', '/v1/projects/default/clusters/idem', {
    token: ADMIN,
    body: { nodeCount: 3 },
    headers: { 'if-match': etag },
  });
  assert.equal(patched.status, 202, patched.text);
  const stale = await apiRequest(c!.url, 'PATCH', '/v1/projects/default/clusters/idem', {
    token: ADMIN,
    body: { nodeCount: 4 },
    headers: { 'if-match': etag },
  });
  assert.equal(stale.status, 412, stale.text);

  const lock = await apiRequest(a!.url, 'PUT', '/v1/projects/default/locks/web', { token: ADMIN, body: { holder: 'ci-1' } });
  assert.equal(lock.status, 200, lock.text);
  const taken = await apiRequest(b!.url, 'PUT', '/v1/projects/default/locks/web', { token: ADMIN, body: { holder: 'ci-2' } });
  assert.equal(taken.status, 423);
  assert.equal(taken.body.code, 'STACK_LOCKED');
  const unlock = await apiRequest(c!.url, 'DELETE', '/v1/projects/default/locks/web?holder=ci-1', { token: ADMIN });
  assert.equal(unlock.status, 204);

  // A delete started on one instance finishes when another reads (time scale 0: due at once).
  const del = await apiRequest(a!.url, 'DELETE', '/v1/projects/default/clusters/idem', { token: ADMIN });
  assert.equal(del.status, 202, del.text);
  const gone = await apiRequest(c!.url, 'GET', '/v1/projects/default/clusters/idem', { token: ADMIN });
  assert.equal(gone.status, 404, gone.text);
  for (const cp of [a!, b!, c!]) assert.deepEqual(await invariants(cp.url, ADMIN), { ok: true, violations: [] });
});

test('a rate limit holds across instances: one token bucket per caller in the database', async (t) => {
  const db = await sharedDatabase(t);
  if (!db) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  // One request per 100 s with a burst of one: the second request anywhere is refused.
  const [a, b] = await instances(t, db, 2, { rateLimit: { perSecond: 0.01 } });
  const one = await apiRequest(a!.url, 'GET', '/v1/projects/default/clusters', { token: ADMIN });
  assert.equal(one.status, 200, one.text);
  const two = await apiRequest(b!.url, 'GET', '/v1/projects/default/clusters', { token: ADMIN });
  assert.equal(two.status, 429, two.text);
  assert.equal(two.body.code, 'RATE_LIMITED');
});

test('kill -9 of one instance mid-burst: every acknowledged create is there once, nothing is held twice', async (t) => {
  const db = await sharedDatabase(t);
  if (!db) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const cps = await instances(t, db, 3);
  const victim = cps[1]!;
  const acknowledged = new Map<string, string>();
  let sent = 0;
  // Each client sends creates with an idempotency key, round-robin; a failed connection retries the
  // same key on the next instance that is up, as a client behind a load balancer would.
  const client = async (c: number) => {
    for (let i = 0; i < 25; i++) {
      const name = `k9-${c}-${i}`;
      const body = { ...SUPERNODE, name, nodeCount: 1, placement: 'zone' };
      for (let attempt = 0; ; attempt++) {
        const target = cps[(c + i + attempt) % 3]!;
        sent++;
        if (sent === 40) void victim.kill9();
        try {
          const r = await create(target.url, body, { 'idempotency-key': `key-${name}` });
          assert.equal(r.status, 202, r.text);
          acknowledged.set(name, r.body.resource.id);
          break;
        } catch (e) {
          if (e instanceof assert.AssertionError || attempt > 5) throw e;
        }
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(client));
  const killed = await victim.exited;
  assert.equal(killed.signal, 'SIGKILL');
  assert.equal(acknowledged.size, 100);
  for (const cp of [cps[0]!, cps[2]!]) {
    const list = await apiRequest(cp.url, 'GET', '/v1/projects/default/clusters?pageSize=1000', { token: ADMIN });
    const byName = new Map<string, string>(list.body.items.map((r: { name: string; id: string }) => [r.name, r.id]));
    assert.equal(byName.size, 100);
    for (const [name, id] of acknowledged) assert.equal(byName.get(name), id, `${name} is the resource its create acknowledged`);
    assert.deepEqual(await invariants(cp.url, ADMIN), { ok: true, violations: [] });
    assert.deepEqual(await acceleratorLedger(cp.url, ADMIN, ['default']), { taken: 100 * 8, heldByClusters: 100 * 8 });
  }
  // A new instance on the same database starts from what the others committed.
  const [late] = await instances(t, db, 1);
  assert.deepEqual(await invariants(late!.url, ADMIN), { ok: true, violations: [] });
});
