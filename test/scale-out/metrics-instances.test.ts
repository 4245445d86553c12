import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { apiRequest, startControlPlane } from '../support/index.ts';
import { promValue, scrapeMetrics } from '../support/prometheus-text.ts';
import { sharedDatabase } from './shared-database.ts';

const ADMIN = 'scale-out-metrics-token-0123456789';
const INVENTORY = fileURLToPath(new URL('./fixtures/three-supernodes.yaml', import.meta.url));
const RELOADS = { reason: 'other_writer' };

test("two instances on one database: B catches up on A's write from the change feed, with no full reload then or in the steady state", async (t) => {
  const db = await sharedDatabase(t);
  if (!db) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  // In one process: each instance has its own registry, so B's series are B's alone.
  const a = await startControlPlane(t, { databaseUrl: db, bootstrapToken: ADMIN, inventoryFile: INVENTORY });
  const b = await startControlPlane(t, { databaseUrl: db, bootstrapToken: ADMIN, inventoryFile: INVENTORY });
  const read = async (url: string) => assert.equal((await apiRequest(url, 'GET', '/v1/projects/default/clusters', { token: ADMIN })).status, 200);

  // Each catches up with whatever the other wrote while starting (B's start-up writes are news to A).
  await read(a.url);
  await read(b.url);
  await read(b.url);
  const before = await scrapeMetrics(b.url);
  await read(b.url);
  const quiet = await scrapeMetrics(b.url);
  assert.equal(
    promValue(quiet, 'aicloud_full_reloads_total', RELOADS),
    promValue(before, 'aicloud_full_reloads_total', RELOADS),
    'no reload when nobody wrote',
  );
  assert.equal(promValue(quiet, 'aicloud_change_feed_lag'), 0);

  const body = { region: 'cn-southwest-2', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 2, placement: 'zone', name: 'from-a' };
  const aBefore = await scrapeMetrics(a.url);
  const created = await apiRequest(a.url, 'POST', '/v1/projects/default/clusters', { token: ADMIN, body });
  assert.equal(created.status, 202, created.text);
  const aAfter = await scrapeMetrics(a.url);
  const zone = { zone: 'cn-southwest-2a', accelerator_type: 'ascend-910c' };
  assert.ok(
    promValue(await scrapeMetrics(b.url), 'aicloud_accelerators_held', zone) < promValue(aAfter, 'aicloud_accelerators_held', zone),
    'B catches up when it next looks, not before',
  );

  await read(b.url);
  const after = await scrapeMetrics(b.url);
  assert.equal(
    promValue(after, 'aicloud_full_reloads_total', RELOADS),
    promValue(quiet, 'aicloud_full_reloads_total', RELOADS),
    "B applied A's write from the feed without reloading everything",
  );
  assert.ok(promValue(after, 'aicloud_change_feed_lag') >= 1, 'B found itself at least one write behind');
  // A's own write cost A no reload, and both instances now report the same holdings.
  assert.equal(promValue(aAfter, 'aicloud_full_reloads_total', RELOADS), promValue(aBefore, 'aicloud_full_reloads_total', RELOADS));
  assert.equal(promValue(aAfter, 'aicloud_change_feed_lag'), 0);
  assert.equal(promValue(after, 'aicloud_accelerators_held', zone), promValue(aAfter, 'aicloud_accelerators_held', zone));
  assert.ok(promValue(after, 'aicloud_accelerators_held', zone) > 0);
});

test("B answers reads by name from memory until the feed brings A's write of that resource", async (t) => {
  const db = await sharedDatabase(t);
  if (!db) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const a = await startControlPlane(t, { databaseUrl: db, bootstrapToken: ADMIN, inventoryFile: INVENTORY });
  const b = await startControlPlane(t, { databaseUrl: db, bootstrapToken: ADMIN, inventoryFile: INVENTORY });
  const body = { region: 'cn-southwest-2', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 1, placement: 'zone', name: 'kept' };
  assert.equal((await apiRequest(a.url, 'POST', '/v1/projects/default/clusters', { token: ADMIN, body })).status, 202);
  const get = async () => {
    const r = await apiRequest(b.url, 'GET', '/v1/projects/default/clusters/kept', { token: ADMIN });
    assert.equal(r.status, 200, r.text);
    return r.body as { resourceVersion: number; spec: { nodeCount: number } };
  };
  const reads = async () => {
    const m = await scrapeMetrics(b.url);
    return {
      memory: promValue(m, 'aicloud_resource_reads_total', { source: 'memory' }),
      database: promValue(m, 'aicloud_resource_reads_total', { source: 'database' }),
    };
  };
  const start = await reads();
  const first = await get();
  await get();
  const kept = await reads();
  assert.equal(kept.database - start.database, 1, 'the first read went to the database');
  assert.ok(kept.memory - start.memory >= 1, 'the second was answered from memory');

  const patched = await apiRequest(a.url, 'PATCH', '/v1/projects/default/clusters/kept', {
    token: ADMIN,
    body: { nodeCount: 2 },
  });
  assert.equal(patched.status, 202, patched.text);
  const after = await get();
  assert.ok(after.resourceVersion > first.resourceVersion, "B reads A's write at once");
  assert.equal(after.spec.nodeCount, 2);
  assert.equal((await reads()).database - kept.database, 1, 'the feed dropped it from memory: read again from the database');
});
