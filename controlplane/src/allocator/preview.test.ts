import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from './allocator.ts';
import { req, testInventory } from './testing.ts';

test('a preview places a batch together and changes nothing', () => {
  const a = new Allocator(testInventory());
  const before = JSON.stringify(a.capacity());
  const r = a.preview([req('c1', { count: 4 }), req('c2', { count: 4 }), req('c3', { count: 4 }), req('c4', { count: 1 })]);
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.results.map((d) => d.ok),
    [true, true, true, false],
  );
  const last = r.results[3]!;
  assert.ok(!last.ok);
  assert.match(last.message, /largest free block: none/);
  assert.equal(JSON.stringify(a.capacity()), before);
  assert.deepEqual(a.owners(), []);
});

test('a preview counts what the plan releases, and covers growth and endpoints', () => {
  const a = new Allocator(testInventory());
  for (const o of ['c1', 'c2', 'c3']) {
    const d = a.place(req(o, { count: 4 }));
    assert.ok(d.ok);
    a.commit(o, d);
  }
  assert.equal(a.preview([req('new', { count: 4 })]).ok, false);
  assert.equal(a.preview([req('new', { count: 4 })], { releases: ['c2'] }).ok, true);
  const grow = a.preview([{ ...req('c1', { count: 1 }), grow: true }], { releases: ['c2'] });
  assert.ok(!grow.ok, 'c1 fills its supernode, so it cannot grow there even when c2 goes');
  const r = a.preview([req('n1', { count: 2, zone: 't-1b' }), { clusterOwner: 'n1', endpointOwner: 'n1-e', replicas: 2, acceleratorsPerReplica: 8 }]);
  assert.deepEqual(
    r.results.map((d) => d.ok),
    [true, true],
  );
  assert.equal(a.holdings('n1'), undefined);
  assert.ok(a.checkInvariants(new Set(['c1', 'c2', 'c3'])).ok);
});
