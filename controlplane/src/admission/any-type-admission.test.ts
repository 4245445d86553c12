import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Allocator, testInventory } from '../allocator/index.ts';
import { admit } from './admit.ts';
import { emptyState, pending, queue, seedWork } from './testing.ts';
import { wouldQueue } from './would-queue.ts';
import type { PendingRequest } from './types.ts';

const T0 = Date.UTC(2026, 0, 1, 12, 1);
const quotas = { 'ascend-910c': { nominal: 10_000 }, 'ascend-910b': { nominal: 10_000 } };

/** A request for `servers` servers of t-1a on 910C, or else on 910B (the test inventory's two types there). */
function either(id: string, servers: number, over: Partial<PendingRequest> = {}): PendingRequest {
  const p = pending(id, servers, { arrival: T0 - 10, ...over }, { scope: 'zone' });
  return { ...p, alternatives: [{ ...p.request, acceleratorType: 'ascend-910b' }] };
}

test('a request accepting two types starts on the second when the first is full, without preempting, and runs as that type', () => {
  const a = new Allocator(testInventory());
  const s = emptyState([queue('q', { quotas, preemption: 'lowerPriority' })]);
  // Every 910C server of t-1a is held by low-priority preemptible work.
  for (const sn of ['sn-1', 'sn-2', 'sn-3']) seedWork(a, s, `fill-${sn}`, sn, 4, { preemptible: true, movable: true, priority: 0 });
  const p = either('any', 2, { priority: 10 });
  s.pending = [p];
  assert.deepEqual(wouldQueue(s, a, p), { queues: false, preempts: [] });
  const r = admit(s, a, T0);
  assert.deepEqual(
    r.decisions.map((d) => d.kind),
    ['admit'],
  );
  const admitted = r.decisions[0]!;
  assert.ok(admitted.kind === 'admit' && admitted.placement.acceleratorType === 'ascend-910b');
  const work = r.state.running.find((w) => w.id === 'any')!;
  assert.equal(work.request.acceleratorType, 'ascend-910b');
  assert.equal(a.holdings('any')?.acceleratorType, 'ascend-910b');
});

test('it waits when no type fits, and the reason (the same as wouldQueue gives) names each type', () => {
  const a = new Allocator(testInventory());
  const s = emptyState([queue('q', { quotas: { 'ascend-910c': { nominal: 10_000 }, 'ascend-910b': { nominal: 8 } } })]);
  for (const sn of ['sn-1', 'sn-2', 'sn-3']) seedWork(a, s, `fill-${sn}`, sn, 4);
  const p = either('any', 2);
  const verdict = wouldQueue(s, a, p);
  s.pending = [p];
  const r = admit(s, a, T0);
  const waits = r.decisions.find((d) => d.kind === 'pending');
  assert.ok(waits && waits.kind === 'pending');
  assert.match(
    waits.reason,
    /^waiting for 2 ascend-910c or ascend-910b servers in t-1a; position 1; ascend-910c: no room; ascend-910b: queue q uses 0 of 8 ascend-910b/,
  );
  assert.ok(verdict.queues);
  assert.equal(verdict.reason, waits.reason);
  assert.equal(
    r.state.running.some((w) => w.id === 'any'),
    false,
  );
});
