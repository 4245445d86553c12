import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from './allocator.ts';
import { req, testInventory } from './testing.ts';

test('rows rebuild the same holdings after a restart', () => {
  const a = new Allocator(testInventory());
  for (const [o, over] of [
    ['c1', { count: 2 }],
    ['c2', { count: 3, unit: 'accelerators' as const, scope: 'server' as const }],
  ] as const) {
    const d = a.place(req(o, over));
    assert.ok(d.ok);
    a.commit(o, d);
  }
  const e = a.placeReplicas({ clusterOwner: 'c1', endpointOwner: 'e1', replicas: 2, acceleratorsPerReplica: 2 });
  assert.ok(e.ok);
  a.commit('e1', e);
  a.setQuota('p1', 'ascend-910c', 100);
  const rows = ['c1', 'c2', 'e1'].flatMap((o) => a.rowsFor(o));
  const b = new Allocator(testInventory());
  b.setQuota('p1', 'ascend-910c', 100);
  b.load(rows);
  for (const o of ['c1', 'c2', 'e1']) assert.deepEqual(b.holdings(o), a.holdings(o));
  assert.deepEqual(b.capacity(), a.capacity());
  assert.deepEqual(b.quota('p1', 'ascend-910c'), { limit: 100, used: 19 });
  assert.ok(b.checkInvariants(new Set(['c1', 'c2', 'e1'])).ok);
});

test('rows that break the invariants are reported, not silently dropped', () => {
  const b = new Allocator(testInventory());
  b.load([
    { acceleratorId: 't-1a/sn-1/s01/0', owner: 'c1', project: 'p1' },
    { acceleratorId: 't-1a/sn-1/s01/0', owner: 'c2', project: 'p1' },
    { acceleratorId: 't-1a/sn-1/s01/9', owner: 'c1', project: 'p1' },
    { acceleratorId: 't-1a/sn-1/s02/0', owner: 'e1', project: 'p1', parentOwner: 'c1' },
  ]);
  const report = b.checkInvariants(new Set(['c1', 'c2', 'e1']));
  assert.equal(report.ok, false);
  assert.ok(report.violations.some((v) => v === 't-1a/sn-1/s01/0 is held twice: by c1 and c2'));
  assert.ok(report.violations.some((v) => /unknown accelerator t-1a\/sn-1\/s01\/9/.test(v)));
  assert.ok(report.violations.some((v) => /endpoint e1 uses t-1a\/sn-1\/s02\/0, which c1 does not hold/.test(v)));
});

test('a holder that is not a live resource is a violation', () => {
  const a = new Allocator(testInventory());
  const d = a.place(req('gone', { count: 1 }));
  assert.ok(d.ok);
  a.commit('gone', d);
  const report = a.checkInvariants(new Set());
  assert.deepEqual(report, { ok: false, violations: ['gone holds 8 ascend-910c but is not a live resource'] });
});
