import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator, type Placement } from '../allocator/index.ts';
import { req, testInventory } from '../allocator/testing.ts';
import type { HoldingRecord } from '../store/index.ts';
import { applyChanges, type CatchUpTarget } from './catch-up.ts';
import { rowsOfPlacement } from './holding-rows.ts';

function placed(a: Allocator, owner: string, count: number): Placement {
  const d = a.place(req(owner, { count }));
  assert.ok(d.ok, d.ok ? '' : d.message);
  a.commit(owner, d);
  return d;
}

/** A catch-up target whose store answers `holdingsAround` from `rows`, as the SQL does. */
function target(allocator: Allocator, rows: () => HoldingRecord[]): CatchUpTarget & { fullReloads: number } {
  const t = {
    fullReloads: 0,
    allocator,
    allocatorEpoch: 0,
    projects: new Set<string>(),
    nextDueAt: undefined,
    store: {
      async holdingsAround(servers: readonly string[], owners: readonly string[]) {
        const now = rows();
        const o = new Set([...owners, ...now.filter((r) => servers.includes(r.server)).map((r) => r.owner)]);
        return now.filter((r) => o.has(r.owner) || (r.parentOwner !== null && o.has(r.parentOwner)));
      },
    },
    metrics: { fullReload: () => t.fullReloads++ },
  };
  return t as unknown as CatchUpTarget & { fullReloads: number };
}

test('a catch-up whose rows are newer than the feed re-reads the servers they moved onto, so memory stays whole', async () => {
  const a = new Allocator(testInventory());
  const w = placed(a, 'w', 1);
  const y = placed(a, 'y', 1);
  const serverOf = (p: Placement) => `${p.zone}/${p.servers[0]!.serverId}`;
  // Since the feed was read, another writer deleted w and y grew onto w's server: the feed names only
  // y's first server, and the rows already show y on both.
  const db = [...rowsOfPlacement(y), ...rowsOfPlacement({ ...w, owner: 'y' })];
  const cp = target(a, () => db);
  await applyChanges(cp, { full: false, servers: [serverOf(y)], scopes: [] }, async () => assert.fail('no full reload'));
  assert.deepEqual(a.checkInvariants(new Set(['y'])), { ok: true, violations: [] });
  assert.equal(a.holdings('w'), undefined);
  assert.deepEqual(
    a
      .holdings('y')!
      .servers.map((s) => s.serverId)
      .sort(),
    [w.servers[0]!.serverId, y.servers[0]!.serverId].sort(),
  );
  assert.equal(cp.fullReloads, 0);
});

test('a catch-up that keeps meeting moved rows gives up and reloads in full', async () => {
  const a = new Allocator(testInventory());
  const first = placed(a, 'y', 1);
  // Each read shows y on one more server than the last (there are more than enough): writers that never settle.
  let reads = 0;
  const ids = [...a.topology.serverIndex.keys()].filter((s) => s.startsWith('t-1a/sn-'));
  const cp = target(a, () => ids.slice(0, ++reads + 1).map((server) => ({ owner: 'y', server, project: 'p1', parentOwner: null, mask: 0xff })));
  let reloaded = false;
  await applyChanges(cp, { full: false, servers: [`${first.zone}/${first.servers[0]!.serverId}`], scopes: [] }, async () => {
    reloaded = true;
  });
  assert.ok(reloaded);
  assert.equal(cp.fullReloads, 1);
});
