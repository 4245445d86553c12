import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from './allocator.ts';
import { req, testInventory } from './testing.ts';

test('serversFree answers what the capacity report says of each server, with holdings, faults and drains', () => {
  const a = new Allocator(testInventory());
  const d = a.place(req('c1', { count: 3 }));
  assert.ok(d.ok);
  a.commit('c1', d);
  const before = a.capacity({ zone: 't-1a', acceleratorType: 'ascend-910c' }).zones[0]!.servers;
  const idle = before.filter((s) => s.free === s.total);
  a.markFaulty(`t-1a/${idle[0]!.serverId}/2`);
  a.drainServer(`t-1a/${idle[1]!.serverId}`);
  const report = a.capacity({ zone: 't-1a', acceleratorType: 'ascend-910c' }).zones[0]!.servers;
  const lean = a.serversFree({ zone: 't-1a', acceleratorType: 'ascend-910c' });
  assert.deepEqual(
    lean,
    report.map((s) => ({ serverId: s.serverId, supernode: s.supernode, total: s.total, free: s.free })),
  );
  assert.equal(lean.filter((s) => s.free === 0).length, 4, 'three held servers and one draining');
  assert.equal(lean.filter((s) => s.free === s.total - 1).length, 1, 'one faulty accelerator');
});
