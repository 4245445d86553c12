import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from './allocator.ts';
import { req, testInventory } from './testing.ts';

test('a faulty accelerator is never allocated, and whoever runs on it is reported', () => {
  const a = new Allocator(testInventory());
  const d = a.place(req('c1', { acceleratorType: 'nvidia-h200', zone: 't-1b', count: 8, unit: 'accelerators', scope: 'server' }));
  assert.ok(d.ok);
  a.commit('c1', d);
  const id = d.servers[0]!.acceleratorIds[3]!;
  const report = a.markFaulty(id);
  assert.deepEqual(report, { acceleratorIds: [id], affected: [{ owner: 'c1', project: 'p1', acceleratorIds: [id] }] });
  a.release('c1');
  const whole = (owner: string) => a.place(req(owner, { acceleratorType: 'nvidia-h200', zone: 't-1b', count: 8, unit: 'accelerators', scope: 'server' }));
  const other = whole('x');
  assert.ok(other.ok);
  assert.notEqual(other.servers[0]!.serverId, d.servers[0]!.serverId);
  a.commit('x', other);
  const refused = whole('y');
  assert.ok(!refused.ok, 'the faulty server has only seven healthy accelerators');
  assert.match(refused.message, /largest free block: 7 in /);
  a.markFaulty(id, false);
  assert.ok(whole('y').ok);
});

test('a draining server takes no new work; its holders are reported', () => {
  const a = new Allocator(testInventory());
  const d = a.place(req('c1', { count: 1 }));
  assert.ok(d.ok);
  a.commit('c1', d);
  const server = d.servers[0]!.serverId;
  const report = a.drainServer(`t-1a/${server}`);
  assert.equal(report.affected.length, 1);
  assert.equal(report.affected[0]!.owner, 'c1');
  assert.equal(report.affected[0]!.acceleratorIds.length, 8);
  a.release('c1');
  const cap = a.capacity({ zone: 't-1a', acceleratorType: 'ascend-910c' }).zones[0]!;
  assert.equal(cap.unavailable, 8);
  assert.equal(cap.free, 88);
  const all = a.place(req('c2', { count: 12, scope: 'zone' }));
  assert.ok(!all.ok);
  a.drainServer(`t-1a/${server}`, false);
  assert.ok(a.place(req('c2', { count: 12, scope: 'zone' })).ok);
});

test('health marks name unknown or ambiguous ids', () => {
  const a = new Allocator(testInventory());
  assert.throws(() => a.markFaulty('t-1a/sn-1/s01/9'), /unknown accelerator/);
  assert.throws(() => a.drainServer('sn-1/s01'), /ambiguous/);
  assert.equal(a.drainServer('b-01').acceleratorIds.length, 8);
});

test('health lists faulty accelerators, draining servers and who runs on them', () => {
  const a = new Allocator(testInventory());
  const d = a.place(req('c1', { count: 1 }));
  assert.ok(d.ok);
  a.commit('c1', d);
  const [first, second] = d.servers[0]!.acceleratorIds;
  a.markFaulty(first!);
  a.drainServer('b-02');
  const h = a.health();
  assert.deepEqual(h.acceleratorIds, [first]);
  assert.deepEqual(h.drainingServers, ['t-1a/b-02']);
  assert.deepEqual(h.affected, [{ owner: 'c1', project: 'p1', acceleratorIds: [first] }]);
  a.markFaulty(second!);
  assert.deepEqual(a.health().affected[0]!.acceleratorIds, [first, second]);
});
