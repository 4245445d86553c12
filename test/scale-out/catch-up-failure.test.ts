import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openControlPlane } from '../../controlplane/src/api/open-control-plane.ts';
import { checkInvariants, planNewCluster, syncControlPlane, writeTransaction, type ControlPlane } from '../../controlplane/src/cloud/index.ts';
import { sharedDatabase } from './shared-database.ts';
import { ADMIN, INVENTORY } from './instances.ts';

type AfterHook = { after(fn: () => void | Promise<void>): void };

const spec = (name: string) =>
  ({ name, region: 'cn-southwest-2', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 1, placement: 'zone' }) as const;

async function instance(t: AfterHook, databaseUrl: string): Promise<ControlPlane> {
  const opened = await openControlPlane({ databaseUrl, inventoryFile: INVENTORY, timeScale: 0, bootstrapToken: ADMIN });
  t.after(() => opened.close());
  return opened.cp;
}

/** The invariant check's findings, but for holders without a resource document (these tests write holdings only). */
async function violations(cp: ControlPlane): Promise<string[]> {
  const report = await writeTransaction(cp, () => checkInvariants(cp), { exclusive: true });
  return report.violations.filter((v) => !v.endsWith('is not a live resource'));
}

const createCluster = (cp: ControlPlane, id: string) => writeTransaction(cp, () => planNewCluster(cp, 'default', id, spec(id)).commit(cp));

// The feed's cursor moves when the feed is read. Found with SIGSTOP (stopped-instance.test.ts): the
// stopped instance's transaction resumed on a connection the database had ended, read the feed, and
// failed to read the rows it named; the next catch-up found nothing new, so the instance placed on
// servers another instance held, and the commit check (which trusts the cursor) let it through.
test('a catch-up that fails after reading the feed is not lost: the next one reloads, and no server is handed out twice', async (t) => {
  const url = await sharedDatabase(t);
  if (!url) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const a = await instance(t, url);
  const b = await instance(t, url);

  await createCluster(a, 'cl-from-a');
  const holdingsAround = b.store.holdingsAround!;
  b.store.holdingsAround = async () => {
    throw new Error('Client has encountered a connection error and is not queryable');
  };
  await assert.rejects(() => syncControlPlane(b), /not queryable/);
  b.store.holdingsAround = holdingsAround;

  await syncControlPlane(b);
  assert.ok(b.allocator.holdings('cl-from-a'), 'the instance has the other instance’s cluster after the next catch-up');
  // And what it places next lands beside that cluster, not on it.
  await createCluster(b, 'cl-from-b');
  for (const cp of [a, b]) assert.deepEqual(await violations(cp), []);
  assert.equal(b.scaleOut?.fullReloads, 1, 'one full reload stood in for the lost deltas');
});

test('undoing a failed write that cannot read its rows back leaves the next change to reload first', async (t) => {
  const url = await sharedDatabase(t);
  if (!url) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const a = await instance(t, url);
  const holdingsAround = a.store.holdingsAround!;
  await assert.rejects(
    () =>
      writeTransaction(a, async () => {
        await planNewCluster(a, 'default', 'cl-doomed', spec('cl-doomed')).commit(a);
        // The connection is gone: the rollback cannot read the rows back either.
        a.store.holdingsAround = async () => {
          throw new Error('Connection terminated unexpectedly');
        };
        throw new Error('the commit failed');
      }),
    /the commit failed/,
  );
  assert.ok(a.allocator.holdings('cl-doomed'), 'memory still believes in the rolled-back holding');
  a.store.holdingsAround = holdingsAround;
  await createCluster(a, 'cl-next');
  assert.equal(a.allocator.holdings('cl-doomed'), undefined, 'the next change reloaded before it decided');
  assert.deepEqual(await violations(a), []);
});
