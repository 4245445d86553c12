import { test } from 'node:test';
import assert from 'node:assert/strict';
import { injectableControlPlane } from '../support/inject-app.ts';
import { sharedDatabase } from './shared-database.ts';
import { ADMIN, INVENTORY } from './instances.ts';

const cluster = (name: string) => ({
  name,
  region: 'cn-southwest-2',
  zone: 'cn-southwest-2a',
  acceleratorType: 'ascend-910c',
  nodeCount: 1,
  placement: 'zone',
});

// A create skips the read's catch-up before it (the write catches up inside its transaction), so the
// settling pass before it may not know an operation another instance started. Once caught up, the
// write must settle what is due first, as a caught-up instance would have.
test('a create on one instance settles an operation another instance started, once it is due, before it writes', async (t) => {
  const databaseUrl = await sharedDatabase(t);
  if (!databaseUrl) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  let now = Date.UTC(2026, 0, 1);
  const clock = { now: () => now };
  const open = { databaseUrl, inventoryFile: INVENTORY, timeScale: 1, clock, bootstrapToken: ADMIN };
  const a = await injectableControlPlane(t, open);
  const b = await injectableControlPlane(t, open);
  const post = (app: typeof a.app, name: string) =>
    app.inject({ method: 'POST', url: '/v1/projects/default/clusters', headers: { authorization: `Bearer ${ADMIN}` }, payload: cluster(name) });

  // B knows the project (it loaded the projects when it opened) and has nothing due of its own; then A
  // starts a create that runs for a while.
  assert.equal(b.cp.nextDueAt, undefined);
  const started = await post(a.app, 'from-a');
  assert.equal(started.statusCode, 202, started.body);
  const op = JSON.parse(started.body).operation as { id: string; status: string };
  assert.equal(op.status, 'running');

  // Past its due time, a create on B: B has not read the feed since A's create.
  now += 24 * 3600_000;
  const second = await post(b.app, 'from-b');
  assert.equal(second.statusCode, 202, second.body);
  const stored = await a.cp.store.getOperation('default', op.id);
  assert.equal(stored?.status, 'done', 'the due operation was settled before the create wrote');
  assert.equal(b.cp.scaleOut?.fullReloads, 0);
});
