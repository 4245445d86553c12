import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Allocator, testInventory } from '../allocator/index.ts';
import { partitionShare } from './admit-partitions.ts';
import { admit, forgetWork } from './admit.ts';
import { wouldQueue } from './would-queue.ts';
import { releaseWork } from './finish-moves.ts';
import { emptyState, liveOwners, pending, queue } from './testing.ts';
import type { AdmissionDecision, AdmissionState, PendingRequest } from './types.ts';

/** `count` MIG instances of `profile` on one H200 server of zone t-1b (two servers of 8 H200). */
function mig(id: string, profile: string, count: number, over: Partial<PendingRequest> = {}): PendingRequest {
  return pending(id, count, over, { acceleratorType: 'nvidia-h200', zone: 't-1b', unit: 'accelerators', scope: 'server', profile });
}
const h200 = (nominal: number) => queue('q', { quotas: { 'nvidia-h200': { nominal } } });
const admitted = (ds: AdmissionDecision[]) => ds.filter((d) => d.kind === 'admit').map((d) => (d as { id: string }).id);
const reasonOf = (ds: AdmissionDecision[], id: string) => (ds.find((d) => d.kind === 'pending' && d.id === id) as { reason: string } | undefined)?.reason;

function pass(s: AdmissionState, a: Allocator, now = 0) {
  const r = admit(s, a, now);
  assert.deepEqual(a.checkInvariants(liveOwners(r.state)).violations, []);
  return r;
}

test('a partition counts as its share of an accelerator: slices / slices per accelerator', () => {
  assert.equal(
    partitionShare({ owner: 'x', project: 'p', acceleratorType: 'nvidia-h200', count: 3, unit: 'accelerators', scope: 'server', profile: '1g.18gb' }),
    3 / 8,
  );
  assert.equal(
    partitionShare({ owner: 'x', project: 'p', acceleratorType: 'nvidia-h200', count: 2, unit: 'accelerators', scope: 'server', profile: '3g.71gb' }),
    1,
  );
  assert.equal(partitionShare({ owner: 'x', project: 'p', acceleratorType: 'ascend-910c', count: 2, unit: 'servers', scope: 'zone' }), undefined);
});

test("partitioned clusters wait on their queue's quota by share and start when quota frees", () => {
  const a = new Allocator(testInventory());
  let s = emptyState([h200(1)]);
  s.pending = [mig('m1', '1g.18gb', 7, { arrival: 1 }), mig('m2', '1g.18gb', 2, { arrival: 2 })];
  let r = pass(s, a);
  assert.deepEqual(admitted(r.decisions), ['m1']);
  assert.equal(r.state.running.find((w) => w.id === 'm1')?.accelerators, 7 / 8);
  assert.equal(
    reasonOf(r.decisions, 'm2'),
    'waiting for 2 x 1g.18gb of nvidia-h200 on one server; position 1; queue q uses 0.875 of 1 nvidia-h200 (nominal 1); asked 0.25',
  );
  s = { ...forgetWork(r.state, 'm1'), moves: releaseWork(a, r.state.moves, 'm1') };
  r = pass(s, a, 5);
  assert.deepEqual(admitted(r.decisions), ['m2']);
  assert.equal(a.holdings('m2')?.acceleratorType, 'nvidia-h200');
});

test('partitions wait for room in order: a later request of the same type and zone does not take the slices the head waits for', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([h200(100)]);
  // 16 H200 in t-1b (two servers of 8): 15 whole-accelerator instances leave one accelerator free.
  s.pending = Array.from({ length: 15 }, (_, i) => mig(`full-${i}`, '7g.141gb', 1, { arrival: i }));
  s = pass(s, a).state;
  assert.equal(s.running.length, 15);
  s.pending = [mig('head', '7g.141gb', 2, { arrival: 20 }), mig('small', '1g.18gb', 1, { arrival: 21 })];
  let r = pass(s, a, 1);
  assert.deepEqual(admitted(r.decisions), []);
  assert.equal(reasonOf(r.decisions, 'head'), 'waiting for 2 x 7g.141gb of nvidia-h200 on one server; position 1');
  assert.equal(reasonOf(r.decisions, 'small'), 'waiting for 1 x 1g.18gb of nvidia-h200 on one server; position 2');
  // Two instances on one server leave: that server now has room for the head, which takes it first.
  const serverOf = (id: string) => a.holdings(id)?.servers[0]?.serverId;
  const leaving = s.running
    .filter((w) => serverOf(w.id) === serverOf('full-0'))
    .slice(0, 2)
    .map((w) => w.id);
  s = r.state;
  for (const id of leaving) s = { ...forgetWork(s, id), moves: releaseWork(a, s.moves, id) };
  r = pass(s, a, 2);
  // The head goes first; the small request takes what is left after it.
  assert.deepEqual(admitted(r.decisions), ['head', 'small']);
  assert.equal(a.holdings('head')?.servers.length, 1);
});

/** A partition request on H200 that also accepts 910C vNPU instances (its further type), in zone t-1b. */
function eitherType(id: string, count: number, over: Partial<PendingRequest> = {}): PendingRequest {
  const p = mig(id, '1g.18gb', count, over);
  return { ...p, alternatives: [{ ...p.request, acceleratorType: 'ascend-910c', profile: 'vir06_1c_16g' }] };
}

test("a partition request listing several types starts on the first whose quota and room allow it, and names each type's blocker while it waits", () => {
  const a = new Allocator(testInventory());
  const q = queue('q', { quotas: { 'nvidia-h200': { nominal: 1 }, 'ascend-910c': { nominal: 1 } } });
  let s = emptyState([q]);
  // The H200 quota is used up by the first request; the second starts on 910C, its further type.
  s.pending = [mig('h', '1g.18gb', 8, { arrival: 1 }), eitherType('e', 2, { arrival: 2 })];
  let r = pass(s, a);
  assert.deepEqual(admitted(r.decisions), ['h', 'e']);
  const e = r.state.running.find((w) => w.id === 'e')!;
  assert.equal(e.request.acceleratorType, 'ascend-910c');
  assert.equal(e.accelerators, (2 * 6) / 48, 'the queue counts the share of the type it runs on');
  assert.equal(a.holdings('e')?.acceleratorType, 'ascend-910c');

  // Both quotas used up now: it waits, saying why for each type in order.
  s = { ...r.state, pending: [eitherType('w', 7, { arrival: 3 })] };
  r = pass(s, a, 5);
  assert.deepEqual(admitted(r.decisions), []);
  assert.equal(
    reasonOf(r.decisions, 'w'),
    'waiting for 7 x 1g.18gb or vir06_1c_16g of nvidia-h200 or ascend-910c on one server; position 1; nvidia-h200: queue q uses 1 of 1 nvidia-h200 (nominal 1); asked 0.875; ascend-910c: queue q uses 0.25 of 1 ascend-910c (nominal 1); asked 0.875',
  );
  // The H200 holder leaves: the waiting request starts on its first type.
  s = { ...forgetWork(r.state, 'h'), moves: releaseWork(a, r.state.moves, 'h') };
  r = pass(s, a, 6);
  assert.deepEqual(admitted(r.decisions), ['w']);
  assert.equal(r.state.running.find((w) => w.id === 'w')?.request.acceleratorType, 'nvidia-h200');
});

test("wouldQueue answers for partition requests as the partition stage then decides: the type it starts on, the lanes ahead, each type's blocker", () => {
  const a = new Allocator(testInventory());
  const q = queue('q', { quotas: { 'nvidia-h200': { nominal: 100 }, 'ascend-910c': { nominal: 1 } } });
  let s = emptyState([q]);
  // 15 whole-accelerator instances leave one H200 free; a head asking for two waits for room on H200.
  s.pending = Array.from({ length: 15 }, (_, i) => mig(`full-${i}`, '7g.141gb', 1, { arrival: i }));
  s = pass(s, a).state;
  s.pending = [mig('head', '7g.141gb', 2, { arrival: 20 })];
  s = pass(s, a, 1).state;

  // A later H200-or-910C request: H200 is the head's lane, so it starts on 910C, as the pass then does.
  const either = eitherType('later', 2, { arrival: 21 });
  assert.deepEqual(wouldQueue(s, a, either), { queues: false, preempts: [] });
  let r = pass({ ...s, pending: [...s.pending, either] }, a, 2);
  assert.deepEqual(admitted(r.decisions), ['later']);
  assert.equal(a.holdings('later')?.acceleratorType, 'ascend-910c');
  s = r.state;

  // One more: H200 is still the head's lane and the 910C quota is used up; it waits, with the pass's reason.
  const third = eitherType('third', 7, { arrival: 22 });
  const verdict = wouldQueue(s, a, third);
  r = pass({ ...s, pending: [...s.pending, third] }, a, 3);
  assert.deepEqual(admitted(r.decisions), []);
  assert.ok(verdict.queues);
  assert.equal(verdict.position, 2);
  assert.equal(verdict.reason, reasonOf(r.decisions, 'third'));
  assert.equal(
    verdict.reason,
    'waiting for 7 x 1g.18gb or vir06_1c_16g of nvidia-h200 or ascend-910c on one server; position 2; nvidia-h200: behind an earlier request; ascend-910c: queue q uses 0.25 of 1 ascend-910c (nominal 1); asked 0.875',
  );
});
