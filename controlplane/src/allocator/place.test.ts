import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultInventory } from '../inventory/default-inventory.ts';
import { Allocator } from './allocator.ts';
import { req, testInventory } from './testing.ts';
import type { Decision, Placement } from './types.ts';

function ok(d: Decision): Placement {
  assert.ok(d.ok, d.ok ? '' : d.message);
  return d;
}

function placeAndCommit(a: Allocator, d: Decision): Placement {
  const p = ok(d);
  a.commit(p.owner, p);
  return p;
}

test('place is a decision: it changes nothing until commit', () => {
  const a = new Allocator(testInventory());
  const before = a.capacity();
  const p = ok(a.place(req('c1', { count: 2 })));
  assert.deepEqual(a.capacity(), before);
  assert.equal(a.holdings('c1'), undefined);
  a.commit('c1', p);
  assert.equal(a.holdings('c1')!.acceleratorCount, 16);
});

test('scope supernode keeps every server in one supernode, or refuses all of it', () => {
  const a = new Allocator(testInventory());
  const p = placeAndCommit(a, a.place(req('c1', { count: 3 })));
  assert.equal(p.supernodes.length, 1);
  assert.equal(p.servers.length, 3);
  assert.ok(p.servers.every((s) => s.acceleratorIds.length === 8));
  const big = a.place(req('c2', { count: 5 }));
  assert.equal(big.ok, false);
  assert.equal(a.owners().length, 1);
});

test('a refusal names the request and the largest free block', () => {
  const a = new Allocator(defaultInventory());
  placeAndCommit(
    a,
    a.place({ owner: 'x1', project: 'p', acceleratorType: 'ascend-910c', zone: 'cn-southwest-2a', count: 40, unit: 'servers', scope: 'supernode' }),
  );
  placeAndCommit(
    a,
    a.place({ owner: 'x2', project: 'p', acceleratorType: 'ascend-910c', zone: 'cn-southwest-2a', count: 40, unit: 'servers', scope: 'supernode' }),
  );
  placeAndCommit(
    a,
    a.place({ owner: 'x3', project: 'p', acceleratorType: 'ascend-910c', zone: 'cn-southwest-2a', count: 40, unit: 'servers', scope: 'supernode' }),
  );
  const x4 = placeAndCommit(
    a,
    a.place({ owner: 'x4', project: 'p', acceleratorType: 'ascend-910c', zone: 'cn-southwest-2a', count: 17, unit: 'servers', scope: 'supernode' }),
  );
  const d = a.place({
    owner: 'big',
    project: 'p',
    acceleratorType: 'ascend-910c',
    zone: 'cn-southwest-2a',
    count: 320,
    unit: 'accelerators',
    scope: 'supernode',
  });
  assert.equal(d.ok, false);
  if (d.ok) return;
  assert.equal(d.code, 'CAPACITY_EXHAUSTED');
  assert.equal(d.message, `need 320 ascend-910c in one supernode of cn-southwest-2a; largest free block: 248 in ${x4.supernodes[0]}`);
  assert.deepEqual(d.largestFreeBlock, { accelerators: 248, where: x4.supernodes[0] });
});

test('refusals for each scope say where the largest block is', () => {
  const a = new Allocator(testInventory());
  for (let i = 0; i < 4; i++)
    placeAndCommit(a, a.place(req(`h${i}`, { acceleratorType: 'nvidia-h200', zone: 't-1b', count: 4, unit: 'accelerators', scope: 'server' })));
  const server = a.place(req('s', { acceleratorType: 'nvidia-h200', zone: 't-1b', count: 8, unit: 'accelerators', scope: 'server' }));
  assert.ok(!server.ok);
  assert.match(server.message, /^need 8 nvidia-h200 in one server of t-1b; largest free block: none$/);
  const zone = a.place(req('z', { count: 17, scope: 'zone' }));
  assert.ok(!zone.ok);
  assert.equal(zone.message, 'need 17 ascend-910c servers (136 accelerators) in t-1a; largest free block: 96 in t-1a');
  const spread = a.place(req('sp', { count: 13, scope: 'spread' }));
  assert.ok(!spread.ok);
  assert.equal(spread.message, 'need 13 ascend-910c servers (104 accelerators) spread across supernodes of t-1a; largest free block: 96 in t-1a');
});

test('scope zone uses the fewest supernodes; spread uses as many as it can', () => {
  const a = new Allocator(testInventory());
  placeAndCommit(a, a.place(req('c0', { count: 1 })));
  const zone = placeAndCommit(a, a.place(req('z', { count: 6, scope: 'zone' })));
  assert.equal(zone.supernodes.length, 2);
  const b = new Allocator(testInventory());
  const spread = placeAndCommit(b, b.place(req('s', { count: 6, scope: 'spread' })));
  assert.equal(spread.supernodes.length, 3);
  const perSupernode = spread.supernodes.map((sn) => spread.servers.filter((s) => s.supernode === sn).length);
  assert.deepEqual(perSupernode, [2, 2, 2]);
});

test('scope server puts a piece in one server; accelerators over whole servers keep a remainder in one server', () => {
  const a = new Allocator(testInventory());
  const p = placeAndCommit(a, a.place(req('c', { count: 3, unit: 'accelerators', scope: 'server' })));
  assert.equal(p.servers.length, 1);
  assert.equal(p.acceleratorCount, 3);
  const q = placeAndCommit(a, a.place(req('d', { count: 20, unit: 'accelerators', scope: 'supernode' })));
  assert.equal(q.acceleratorCount, 20);
  assert.equal(q.supernodes.length, 1);
  assert.deepEqual(q.servers.map((s) => s.acceleratorIds.length).sort(), [4, 8, 8]);
  const tooBig = a.place(req('e', { count: 9, unit: 'accelerators', scope: 'server' }));
  assert.ok(!tooBig.ok);
  assert.equal(tooBig.code, 'OUT_OF_RANGE');
});

test('invalid requests are refused with the field at fault', () => {
  const a = new Allocator(testInventory());
  const cases: [Partial<Parameters<Allocator['place']>[0]>, string, RegExp][] = [
    [{ acceleratorType: 'tpu-v9' }, 'acceleratorType', /no zone has tpu-v9/],
    [{ zone: 't-9z' }, 'zone', /unknown zone t-9z/],
    [{ acceleratorType: 'nvidia-h200' }, 'zone', /zone t-1a has no nvidia-h200/],
    [{ count: 0 }, 'count', /at least 1/],
    [{ acceleratorType: 'ascend-910b', scope: 'supernode' }, 'scope', /ascend-910b has no supernodes in t-1a/],
    [{ count: 2, scope: 'server' }, 'count', /scope server holds one server/],
  ];
  for (const [over, field, message] of cases) {
    const d = a.place(req('c', over));
    assert.ok(!d.ok, JSON.stringify(over));
    assert.equal(d.field, field);
    assert.match(d.message, message);
  }
});

test('without a zone the request may land in any zone of the region that has the type', () => {
  const a = new Allocator(testInventory());
  const p = ok(a.place(req('h', { acceleratorType: 'nvidia-h200', zone: undefined, region: 't-1', count: 8, unit: 'accelerators', scope: 'server' })));
  assert.equal(p.zone, 't-1b');
});

test('commit refuses a stale placement instead of holding an accelerator twice', () => {
  const a = new Allocator(testInventory());
  const first = ok(a.place(req('c1', { count: 4 })));
  const second = ok(a.place(req('c2', { count: 4 })));
  a.commit('c1', first);
  assert.throws(
    () => a.commit('c2', second),
    (e: Error & { code?: string }) => e.code === 'CAPACITY_EXHAUSTED' && /stale/.test(e.message),
  );
  assert.ok(a.checkInvariants(new Set(['c1'])).ok);
});

test('a placement survives a JSON round trip to commit', () => {
  const a = new Allocator(testInventory());
  const p = ok(a.place(req('c1', { count: 2 })));
  a.commit('c1', JSON.parse(JSON.stringify(p)) as Placement);
  assert.deepEqual(a.holdings('c1')!.servers, p.servers);
});
