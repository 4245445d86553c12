import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openPgStore, WriteConflict, type Store } from '../../controlplane/src/store/index.ts';
import { sharedDatabase } from './shared-database.ts';

type AfterHook = { after(fn: () => void | Promise<void>): void };

async function open(t: AfterHook, url: string, extra: { feedRetentionMs?: number; commitsPerPrune?: number } = {}): Promise<Store> {
  const store = await openPgStore({ url, ...extra });
  t.after(() => store.close());
  return store;
}

// Each owner in its own project, so writes that did not catch up claim no quota in common.
const holding = (server: string, owner: string) => ({ owner, server, project: owner, parentOwner: null, mask: 1 });

test('the change feed misses no change that commits after a later one (a transaction held open)', async (t) => {
  const url = await sharedDatabase(t);
  if (!url) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const writer = await open(t, url);
  const reader = await open(t, url);
  const held = new pg.Client({ connectionString: url });
  await held.connect();
  t.after(() => held.end());

  // A transaction takes its feed row (and its sequence number) first and stays open...
  await held.query('BEGIN');
  const early = (await held.query("INSERT INTO changes (servers, scopes) VALUES ('{z/held}', '{quotas}') RETURNING seq")).rows[0].seq;
  // ...while another writer commits after it.
  await writer.transaction(() => writer.putHoldings([holding('z/late', 'owner-late')]));
  const first = await reader.changesElsewhere();
  assert.deepEqual(first, { full: false, servers: ['z/late'], scopes: [] });
  const late = (await held.query("SELECT seq FROM changes WHERE 'z/late' = ANY(servers)")).rows[0].seq;
  assert.ok(Number(early) < Number(late), 'the held change has the smaller sequence number and commits last');

  await held.query('COMMIT');
  const second = await reader.changesElsewhere();
  assert.deepEqual(second, { full: false, servers: ['z/held'], scopes: ['quotas'] }, 'the change that committed late is read once it commits');
  assert.equal(await reader.changesElsewhere(), undefined, 'and only once');
  assert.equal((await writer.changesElsewhere()) !== undefined, true, 'the writer sees the other change, never its own');
  assert.equal(await writer.changesElsewhere(), undefined);
});

test('a writer skips its own changes, and a reader sees a position once it has caught up to it', async (t) => {
  const url = await sharedDatabase(t);
  if (!url) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const a = await open(t, url);
  const b = await open(t, url);
  await a.transaction(async () => {
    await a.putHoldings([holding('z/1', 'o1'), holding('z/2', 'o1')]);
    await a.putQuota({ project: 'default', acceleratorType: 'ascend-910c', limit: 8 });
  });
  const position = a.lastPosition!()!;
  assert.equal(b.sees!(position), false, 'b has not read the feed since a committed');
  assert.deepEqual(await b.changesElsewhere(), { full: false, servers: ['z/1', 'z/2'], scopes: ['quotas'] });
  assert.equal(b.sees!(position), true);
  assert.equal(await a.changesElsewhere(), undefined, 'a already holds its own change');
  await a.transaction(() => a.deleteHoldingsOf('o1'));
  assert.deepEqual(await b.changesElsewhere(), { full: false, servers: ['z/1', 'z/2'], scopes: [] }, 'a release names the servers it freed');
  // A transaction that writes nothing the caches hold records nothing.
  await a.transaction(() => a.putIdempotency({ project: 'default', key: 'k', requestHash: 'h', status: 202, body: '{}', createdAt: 1 }));
  assert.equal(await b.changesElsewhere(), undefined);
});

test("a resource read outside a transaction is kept until the feed brings another instance's write of it", async (t) => {
  const url = await sharedDatabase(t);
  if (!url) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const a = await open(t, url);
  const b = await open(t, url);
  const doc = (v: number) => ({ id: 'r-1', project: 'default', kind: 'Cluster', name: 'c', resourceVersion: v, doc: `{"v":${v}}`, secret: null });
  const version = async (s: Store) => (await s.getResource('default', 'Cluster', 'c'))?.resourceVersion;
  assert.equal(await version(b), undefined);
  await a.transaction(() => a.putResource(doc(1)));
  assert.equal(await version(a), 1, 'a writer reads its own commit');
  assert.equal(await version(b), undefined, 'b serves what its memory had at its cursor');
  await b.changesElsewhere();
  assert.equal(await version(b), 1, 'the feed named the resource: b read it again');
  await a.transaction(() => a.putResource(doc(2)));
  assert.equal(b.sees!(a.lastPosition!()!), false);
  await b.changesElsewhere();
  assert.equal(b.sees!(a.lastPosition!()!), true);
  assert.equal(await version(b), 2, 'once b sees the position, it reads the write');
  // A write transaction reads the row, never the kept copy.
  await a.transaction(() => a.putResource(doc(3)));
  assert.equal(await b.transaction(() => version(b)), 3);
  await a.transaction(() => a.deleteResource(doc(3)));
  await b.changesElsewhere();
  assert.equal(await version(b), undefined, 'a delete is read too');
});

test('a reader whose cursor fell behind the pruned feed reloads in full; one that kept up does not', async (t) => {
  const url = await sharedDatabase(t);
  if (!url) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  // Both writers prune after each commit: one keeps an hour of rows, the other none.
  const keeping = await open(t, url, { feedRetentionMs: 3_600_000, commitsPerPrune: 1 });
  const pruning = await open(t, url, { feedRetentionMs: 0, commitsPerPrune: 1 });
  const reader = await open(t, url);
  await keeping.transaction(() => keeping.putHoldings([holding('z/1', 'o1')]));
  assert.deepEqual(await reader.changesElsewhere(), { full: false, servers: ['z/1'], scopes: [] });
  await pruning.transaction(() => pruning.putHoldings([holding('z/2', 'o2')]));
  assert.equal((await pruning.changesElsewhere())?.full, true, 'it never read the row of z/1, which it pruned');
  const behind = await reader.changesElsewhere();
  assert.deepEqual(behind, { full: true, servers: [], scopes: [] }, 'the row it never read was pruned');
  await keeping.transaction(() => keeping.putHoldings([holding('z/3', 'o3')]));
  assert.deepEqual(await reader.changesElsewhere(), { full: false, servers: ['z/3'], scopes: [] }, 'caught up again, deltas suffice');
  assert.deepEqual(await pruning.changesElsewhere(), { full: false, servers: ['z/3'], scopes: [] });
});

test("a write decided on memory that missed another instance's change to the same supernode is refused as a conflict", async (t) => {
  const url = await sharedDatabase(t);
  if (!url) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const a = await open(t, url);
  const b = await open(t, url);
  for (const s of [a, b]) s.useClaims!((server, project) => [`supernode:${server.split('/')[0]}`, 'zone:z', ...(project ? [`quota:${project}`] : [])]);
  await a.transaction(() => a.putHoldings([holding('sn1/s1', 'first')]));
  // b has not read the feed since: its memory does not have a's holding in sn1.
  let rolledBack: unknown;
  await assert.rejects(
    b.transaction(() => b.putHoldings([holding('sn1/s2', 'second')]), { onRollback: (c) => (rolledBack = c) }),
    (e: unknown) => e instanceof WriteConflict && e.claims.includes('supernode:sn1'),
  );
  assert.deepEqual(rolledBack, { full: false, servers: ['sn1/s2'], scopes: [] }, 'the rollback names what to re-read');
  // Another supernode is no conflict, and after catching up the same write goes through.
  await b.transaction(() => b.putHoldings([holding('sn2/s1', 'elsewhere')]));
  assert.deepEqual(await b.changesElsewhere(), { full: false, servers: ['sn1/s1'], scopes: [] });
  await b.transaction(() => b.putHoldings([holding('sn1/s2', 'second')]));
});
