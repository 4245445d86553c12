import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from './allocator.ts';
import { req, testInventory } from './testing.ts';

test('a refusal names the quota, what is used and what was asked', () => {
  const a = new Allocator(testInventory());
  a.setQuota('p1', 'ascend-910c', 40);
  const first = a.place(req('c1', { count: 4 }));
  assert.ok(first.ok);
  a.commit('c1', first);
  const d = a.place(req('c2', { count: 2 }));
  assert.ok(!d.ok);
  assert.equal(d.code, 'QUOTA_EXCEEDED');
  assert.equal(d.message, 'quota for ascend-910c in project p1 is 40; 32 in use, asked 16');
  assert.deepEqual(d.quota, { project: 'p1', acceleratorType: 'ascend-910c', limit: 40, used: 32, asked: 16 });
  assert.ok(a.place(req('c3', { count: 1 })).ok);
});

test('quotas are per project and per type, and release gives quota back', () => {
  const a = new Allocator(testInventory());
  a.setQuota('p1', 'ascend-910c', 8);
  assert.ok(a.place(req('other-project', { project: 'p2', count: 2 })).ok);
  assert.ok(a.place(req('other-type', { acceleratorType: 'ascend-910b', scope: 'zone', count: 2 })).ok);
  const c1 = a.place(req('c1', { count: 1 }));
  assert.ok(c1.ok);
  a.commit('c1', c1);
  assert.deepEqual(a.quota('p1', 'ascend-910c'), { limit: 8, used: 8 });
  assert.equal(a.place(req('c2', { count: 1 })).ok, false);
  a.release('c1');
  assert.deepEqual(a.quota('p1', 'ascend-910c'), { limit: 8, used: 0 });
  assert.equal(a.place(req('c2', { count: 1 })).ok, true);
});

test('growth is checked against the quota too', () => {
  const a = new Allocator(testInventory());
  a.setQuota('p1', 'ascend-910c', 24);
  const c1 = a.place(req('c1', { count: 2 }));
  assert.ok(c1.ok);
  a.commit('c1', c1);
  const g = a.grow('c1', req('c1', { count: 2 }));
  assert.ok(!g.ok);
  assert.equal(g.code, 'QUOTA_EXCEEDED');
  assert.match(g.message, /16 in use, asked 16/);
});

test('a quota must be a whole number', () => {
  const a = new Allocator(testInventory());
  assert.throws(() => a.setQuota('p1', 'ascend-910c', -1), /whole number/);
});
