import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from './allocator.ts';
import { req, testInventory } from './testing.ts';
import type { AnyTypeRequest, Decision, Placement } from './types.ts';

function ok(d: Decision): Placement {
  assert.ok(d.ok, d.ok ? '' : d.message);
  return d;
}

/** A request for 910C or else 910B servers in zone t-1a, with test defaults. */
function anyReq(owner: string, over: Partial<AnyTypeRequest> = {}): AnyTypeRequest {
  const { acceleratorType: _t, ...base } = req(owner, { scope: 'zone' });
  return { ...base, acceleratorTypes: ['ascend-910c', 'ascend-910b'], ...over };
}

/** Takes every 910C server of zone t-1a (three supernodes of four). */
function fill910c(a: Allocator): void {
  for (let i = 0; i < 3; i++) {
    const p = ok(a.place(req(`full${i}`, { count: 4 })));
    a.commit(p.owner, p);
  }
}

test('the first listed type that fits is chosen, and the placement names it', () => {
  const a = new Allocator(testInventory());
  const p = ok(a.place(anyReq('c1', { count: 2 })));
  assert.equal(p.acceleratorType, 'ascend-910c');
  fill910c(a);
  const q = ok(a.place(anyReq('c2', { count: 2 })));
  assert.equal(q.acceleratorType, 'ascend-910b');
  assert.ok(q.servers.every((s) => s.serverId.startsWith('b')));
  a.commit('c2', q);
  assert.equal(a.holdings('c2')!.acceleratorType, 'ascend-910b');
});

test('a gang never mixes types: five servers fit neither type alone and are refused whole', () => {
  const a = new Allocator(testInventory());
  for (let i = 0; i < 11; i++) {
    const p = ok(a.place(req(`s${i}`, { count: 1, scope: 'zone' })));
    a.commit(p.owner, p);
  }
  // One 910C server and four 910B servers are free: five in all, but never on one type.
  const d = a.place(anyReq('big', { count: 5 }));
  assert.ok(!d.ok);
  assert.equal(d.code, 'CAPACITY_EXHAUSTED');
  assert.deepEqual(
    d.byType?.map((r) => [r.acceleratorType, r.code]),
    [
      ['ascend-910c', 'CAPACITY_EXHAUSTED'],
      ['ascend-910b', 'CAPACITY_EXHAUSTED'],
    ],
  );
  assert.match(d.message, /^no listed accelerator type fits: ascend-910c: need 5 ascend-910c servers .*; ascend-910b: need 5 ascend-910b servers/);
  assert.equal(a.owners().length, 11);
});

test('a listed type the zone does not have is skipped, not fatal', () => {
  const a = new Allocator(testInventory());
  const p = ok(a.place(anyReq('c', { acceleratorTypes: ['nvidia-h200', 'ascend-910c'], count: 1 })));
  assert.equal(p.acceleratorType, 'ascend-910c');
  const none = a.place(anyReq('d', { acceleratorTypes: ['nvidia-h200', 'tpu-v9'], count: 1 }));
  assert.ok(!none.ok);
  assert.equal(none.code, 'INVALID_VALUE');
  assert.equal(none.field, 'zone');
  assert.match(none.message, /nvidia-h200: zone t-1a has no nvidia-h200; tpu-v9: no zone has tpu-v9/);
});

test('an empty list, a repeated type or an unknown order is refused on the field at fault', () => {
  const a = new Allocator(testInventory());
  const cases: [Partial<AnyTypeRequest>, string, RegExp][] = [
    [{ acceleratorTypes: [] }, 'acceleratorTypes', /lists no type/],
    [{ acceleratorTypes: ['ascend-910b', 'ascend-910c', 'ascend-910b'] }, 'acceleratorTypes', /lists ascend-910b twice/],
    [{ typeOrder: 'cheapest' as never }, 'typeOrder', /typeOrder must be listed or least-fragmentation/],
  ];
  for (const [over, field, message] of cases) {
    const d = a.place(anyReq('c', over));
    assert.ok(!d.ok, JSON.stringify(over));
    assert.equal(d.code, 'INVALID_VALUE');
    assert.equal(d.field, field);
    assert.match(d.message, message);
  }
});

test('quota is per type: a type over its quota is passed over and the chosen type is charged', () => {
  const a = new Allocator(testInventory());
  a.setQuota('p1', 'ascend-910c', 8);
  const p = ok(a.place(anyReq('c', { count: 2 })));
  assert.equal(p.acceleratorType, 'ascend-910b');
  a.commit('c', p);
  assert.deepEqual(a.quota('p1', 'ascend-910b'), { limit: null, used: 16 });
  assert.deepEqual(a.quota('p1', 'ascend-910c'), { limit: 8, used: 0 });
  a.setQuota('p1', 'ascend-910b', 16);
  const d = a.place(anyReq('d', { count: 2 }));
  assert.ok(!d.ok);
  assert.equal(d.code, 'QUOTA_EXCEEDED');
  assert.equal(d.byType?.length, 2);
});

test('capacity outranks quota in the refusal, since capacity may come back', () => {
  const a = new Allocator(testInventory());
  fill910c(a);
  a.setQuota('p1', 'ascend-910b', 0);
  const d = a.place(anyReq('c', { count: 1 }));
  assert.ok(!d.ok);
  assert.equal(d.code, 'CAPACITY_EXHAUSTED');
  assert.ok(d.largestFreeBlock);
});

test('least-fragmentation picks the listed type whose placement strands the fewest accelerators', () => {
  const a = new Allocator(testInventory(), { policy: 'fgd' });
  // Half of one 910B server is taken, so 4 more fill it exactly; on 910C they would break a whole server.
  const half = ok(a.place(req('half', { acceleratorType: 'ascend-910b', count: 4, unit: 'accelerators', scope: 'server' })));
  a.commit('half', half);
  const ask = { count: 4, unit: 'accelerators' as const, scope: 'server' as const };
  assert.equal(ok(a.place(anyReq('listed', ask))).acceleratorType, 'ascend-910c');
  const least = ok(a.place(anyReq('least', { ...ask, typeOrder: 'least-fragmentation' })));
  assert.equal(least.acceleratorType, 'ascend-910b');
  assert.deepEqual(
    least.servers.map((s) => s.serverId),
    half.servers.map((s) => s.serverId),
  );
});

test('least-fragmentation keeps the list order between types that fragment alike', () => {
  // On an empty cloud one whole server strands nothing on either type.
  const a = new Allocator(testInventory());
  for (const types of [
    ['ascend-910b', 'ascend-910c'],
    ['ascend-910c', 'ascend-910b'],
  ]) {
    const p = ok(a.place(anyReq('c', { acceleratorTypes: types, count: 1, typeOrder: 'least-fragmentation' })));
    assert.equal(p.acceleratorType, types[0]);
  }
});

test('growth stays on the type held, which must still be listed', () => {
  const a = new Allocator(testInventory());
  fill910c(a);
  const p = ok(a.place(anyReq('c', { count: 1 })));
  a.commit('c', p);
  const { owner: _o, ...ask } = anyReq('c', { count: 1 });
  const g = ok(a.grow('c', ask));
  assert.equal(g.acceleratorType, 'ascend-910b');
  const dropped = a.grow('c', { ...ask, acceleratorTypes: ['ascend-910c'] });
  assert.ok(!dropped.ok);
  assert.equal(dropped.field, 'acceleratorTypes');
});

test('a preview and a fenced placement choose types against what earlier items took', () => {
  const a = new Allocator(testInventory());
  for (let i = 0; i < 2; i++) {
    const p = ok(a.place(req(`full${i}`, { count: 4 })));
    a.commit(p.owner, p);
  }
  const r = a.preview([anyReq('x', { count: 4 }), anyReq('y', { count: 4 })]);
  assert.ok(r.ok);
  assert.deepEqual(
    r.results.map((d) => d.ok && d.acceleratorType),
    ['ascend-910c', 'ascend-910b'],
  );
  const free = a.capacity({ zone: 't-1a', acceleratorType: 'ascend-910c' }).zones[0]!.supernodes.find((s) => s.free > 0)!.supernode;
  const fenced = ok(a.placeWithin(anyReq('z', { count: 1 }), { exclude: [free] }));
  assert.equal(fenced.acceleratorType, 'ascend-910b');
});
