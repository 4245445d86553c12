import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from './allocator.ts';
import { req, testInventory } from './testing.ts';
import type { Decision, Placement } from './types.ts';

function commit(a: Allocator, d: Decision): Placement {
  assert.ok(d.ok, d.ok ? '' : d.message);
  a.commit(d.owner, d);
  return d;
}

test('a supernode cluster grows inside its own supernode', () => {
  const a = new Allocator(testInventory());
  const first = commit(a, a.place(req('c1', { count: 2 })));
  const g = commit(a, a.grow('c1', req('c1', { count: 2 })));
  assert.equal(g.growth, true);
  assert.deepEqual(g.supernodes, first.supernodes);
  assert.equal(a.holdings('c1')!.acceleratorCount, 32);
  assert.deepEqual(a.holdings('c1')!.supernodes, first.supernodes);
});

test('growth that does not fit next to the cluster is refused, even when another supernode is free', () => {
  const a = new Allocator(testInventory());
  const first = commit(a, a.place(req('c1', { count: 3 })));
  const d = a.grow('c1', req('c1', { count: 2 }));
  assert.ok(!d.ok);
  assert.equal(d.code, 'CAPACITY_EXHAUSTED');
  assert.equal(
    d.message,
    `need 2 ascend-910c servers (16 accelerators) more for c1 next to what it holds in ${first.supernodes[0]} of t-1a; largest free block: 8 in ${first.supernodes[0]}`,
  );
});

test('a zone cluster grows into its own supernodes first', () => {
  const a = new Allocator(testInventory());
  const c = commit(a, a.place(req('c1', { count: 2, scope: 'zone' })));
  // y leaves another supernode with one whole server: the tighter fit, were c1 not already elsewhere.
  const y = commit(a, a.place(req('y', { count: 3 })));
  assert.notDeepEqual(y.supernodes, c.supernodes);
  const g = commit(a, a.grow('c1', req('c1', { count: 1, scope: 'zone' })));
  assert.deepEqual(g.supernodes, c.supernodes);
});

test('a spread cluster grows where it has the fewest servers', () => {
  const a = new Allocator(testInventory());
  commit(a, a.place(req('c1', { count: 3, scope: 'spread' })));
  const g = commit(a, a.grow('c1', req('c1', { count: 3, scope: 'spread' })));
  assert.equal(g.supernodes.length, 3);
  const h = a.holdings('c1')!;
  assert.deepEqual(
    h.supernodes.map((sn) => h.servers.filter((s) => s.supernode === sn).length),
    [2, 2, 2],
  );
});

test('growth must keep the type and zone, and needs a holding', () => {
  const a = new Allocator(testInventory());
  commit(a, a.place(req('c1', { count: 1 })));
  assert.equal((a.grow('nobody', req('nobody')) as { code: string }).code, 'NOT_FOUND');
  assert.equal((a.grow('c1', req('c1', { acceleratorType: 'ascend-910b' })) as { field: string }).field, 'acceleratorType');
  assert.equal((a.grow('c1', req('c1', { zone: 't-1b' })) as { field: string }).field, 'zone');
});

test('shrinking releases servers so as to leave the fewest fragments', () => {
  const a = new Allocator(testInventory());
  const x = commit(a, a.place(req('x', { count: 3 })));
  // c1 needs two supernodes: four servers in a free one, and the one server left next to x.
  const c1 = commit(a, a.place(req('c1', { count: 5, scope: 'zone' })));
  assert.equal(c1.supernodes.length, 2);
  assert.ok(c1.supernodes.includes(x.supernodes[0]!));
  const plan = a.shrinkPlan('c1', 1);
  const lone = c1.servers.find((s) => c1.servers.filter((t) => t.supernode === s.supernode).length === 1)!;
  assert.deepEqual(plan, [lone.serverId]);
  const released = a.releaseServers('c1', plan);
  assert.equal(released.acceleratorCount, 8);
  assert.equal(a.holdings('c1')!.supernodes.length, 1);
  assert.equal(lone.supernode, x.supernodes[0]);
  assert.equal(
    a.capacity({ zone: 't-1a', acceleratorType: 'ascend-910c' }).zones[0]!.supernodes.find((s) => s.supernode === lone.supernode)!.wholeServersFree,
    1,
  );
  assert.ok(a.checkInvariants(new Set(['x', 'c1'])).ok);
});

test('shrinking keeps servers that endpoints use until last', () => {
  const a = new Allocator(testInventory());
  commit(a, a.place(req('c1', { count: 3 })));
  const e = commit(a, a.placeReplicas({ clusterOwner: 'c1', endpointOwner: 'e1', replicas: 1, acceleratorsPerReplica: 8 }));
  const plan = a.shrinkPlan('c1', 2);
  assert.ok(!plan.includes(e.servers[0]!.serverId));
  assert.throws(() => a.shrinkPlan('c1', 4), /holds 3 servers/);
  assert.throws(() => a.releaseServers('c1', ['sn-9/s01']), /does not hold server/);
});
