import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Allocator, testInventory } from '../allocator/index.ts';
import { admit, forgetWork } from './admit.ts';
import { releaseWork } from './finish-moves.ts';
import { orderPending } from './order-pending.ts';
import { QuotaLedger } from './quota-ledger.ts';
import { emptyState, liveOwners, pending, queue, seedWork } from './testing.ts';
import type { AdmissionState } from './types.ts';

const T0 = Date.UTC(2026, 0, 1, 12, 1);

function depart(state: AdmissionState, a: Allocator, id: string): AdmissionState {
  return { ...forgetWork(state, id), moves: releaseWork(a, state.moves, id) };
}

test('fifo orders by arrival, priority by priority then arrival, queues merge by priority then arrival', () => {
  const queues = new Map([
    ['f', queue('f')],
    ['p', queue('p', { admissionPolicy: 'priority' })],
  ]);
  const items = [
    pending('f1', 1, { queue: 'f', arrival: 1, priority: 5 }),
    pending('f2', 1, { queue: 'f', arrival: 2, priority: 9 }),
    pending('p1', 1, { queue: 'p', arrival: 0, priority: 1 }),
    pending('p2', 1, { queue: 'p', arrival: 3, priority: 7 }),
  ];
  const ids = orderPending(items, queues).map((p) => p.id);
  // f keeps arrival order (f1 before f2 despite f2's priority); p puts p2 first.
  assert.ok(ids.indexOf('f1') < ids.indexOf('f2'));
  assert.ok(ids.indexOf('p2') < ids.indexOf('p1'));
  assert.deepEqual(ids, ['p2', 'f1', 'f2', 'p1']);
});

test("cohort borrowing stays within the borrowing limit and the cohort's unused nominal quota", () => {
  const queues = new Map([
    ['a', queue('a', { cohort: 'c', quotas: { 'ascend-910c': { nominal: 64, borrowingLimit: 32 } } })],
    ['b', queue('b', { cohort: 'c', quotas: { 'ascend-910c': { nominal: 64 } } })],
    ['solo', queue('solo', { quotas: { 'ascend-910c': { nominal: 64, borrowingLimit: 32 } } })],
  ]);
  const l = new QuotaLedger(queues);
  assert.deepEqual(l.fits('a', 'ascend-910c', 96), { ok: true, borrowed: 32 });
  assert.equal(l.fits('a', 'ascend-910c', 97).ok, false);
  l.add('b', 'ascend-910c', 48);
  // Cohort has 128 nominal, 48 used: a may take 80 (borrowing 16), not 81.
  assert.equal(l.fits('a', 'ascend-910c', 80).ok, true);
  assert.match(l.fits('a', 'ascend-910c', 81).why ?? '', /cohort c uses 48 of 128/);
  // Without a cohort the borrowing limit gives nothing.
  assert.equal(l.fits('solo', 'ascend-910c', 65).ok, false);
  assert.match(l.fits('a', 'nvidia-h200', 1).why ?? '', /no quota for nvidia-h200/);
});

test('a gang behind fragments reserves a supernode, small work backfills outside the fence, the gang starts when its fence frees', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([queue('q')]);
  // Fragments: one server held in each 910C supernode of t-1a.
  for (const [i, sn] of ['sn-1', 'sn-2', 'sn-3'].entries()) seedWork(a, s, `f${i + 1}`, sn, 1);
  s.pending = [pending('gang', 4, { arrival: T0 - 10 }), pending('small', 1, { arrival: T0 - 9 }, { scope: 'server' })];
  const r = admit(s, a, T0);
  const reserve = r.decisions.find((d) => d.kind === 'reserve');
  assert.ok(reserve && reserve.kind === 'reserve');
  const gangPending = r.decisions.find((d) => d.kind === 'pending' && d.id === 'gang');
  assert.ok(gangPending && gangPending.kind === 'pending');
  assert.equal(gangPending.reason, `waiting for 4 ascend-910c servers in one supernode; position 1; reserved ${reserve.supernode} since 12:01`);
  const small = r.decisions.find((d) => d.kind === 'admit' && d.id === 'small');
  assert.ok(small && small.kind === 'admit');
  assert.ok(!small.placement.supernodes.includes(reserve.supernode), 'backfill stays outside the fence');
  s = r.state;
  assert.ok(a.checkInvariants(liveOwners(s)).ok);
  // The fragment inside the fence leaves: the gang starts there.
  const inFence = s.running.find((w) => a.holdings(w.id)!.supernodes[0] === reserve.supernode)!;
  s = depart(s, a, inFence.id);
  const r2 = admit(s, a, T0 + 60_000);
  const gang = r2.decisions.find((d) => d.kind === 'admit' && d.id === 'gang');
  assert.ok(gang && gang.kind === 'admit');
  assert.deepEqual(gang.placement.supernodes, [reserve.supernode]);
  assert.equal(gang.waitedMs, 60_000 + 10);
  assert.equal(r2.state.reservations.length, 0);
  assert.ok(a.checkInvariants(liveOwners(r2.state)).ok);
});

test("without a queue's quota a request waits with the quota as its reason", () => {
  const a = new Allocator(testInventory());
  const s = emptyState([queue('q', { quotas: { 'ascend-910c': { nominal: 8 } } })]);
  s.pending = [pending('big', 2)];
  const r = admit(s, a, T0);
  const d = r.decisions[0]!;
  assert.equal(d.kind, 'pending');
  assert.match(d.kind === 'pending' ? d.reason : '', /queue q uses 0 of 8 ascend-910c/);
});

test('preemption takes only lower-priority preemptible work, and only when the queue allows it', () => {
  for (const preemption of ['never', 'lowerPriority'] as const) {
    const a = new Allocator(testInventory());
    let s = emptyState([queue('q', { preemption, admissionPolicy: 'priority' })]);
    s.pending = [
      pending('keep-hi', 4, { priority: 10, preemptible: true, arrival: 0 }),
      pending('keep-np', 4, { priority: 1, preemptible: false, arrival: 1 }),
      pending('victim', 4, { priority: 1, preemptible: true, arrival: 2 }),
    ];
    s = admit(s, a, T0).state;
    assert.equal(s.running.length, 3);
    s.pending = [pending('urgent', 4, { priority: 5, arrival: 3 })];
    const r = admit(s, a, T0 + 1);
    const preempted = r.decisions.filter((d) => d.kind === 'preempt').map((d) => d.kind === 'preempt' && d.id);
    if (preemption === 'never') {
      assert.deepEqual(preempted, []);
      assert.ok(!r.decisions.some((d) => d.kind === 'admit'));
    } else {
      assert.deepEqual(preempted, ['victim']);
      assert.ok(r.decisions.some((d) => d.kind === 'admit' && d.id === 'urgent'));
      assert.equal(a.holdings('victim'), undefined);
    }
    assert.ok(a.checkInvariants(liveOwners(r.state)).ok);
  }
});

test('defragmentation moves movable holdings out of the fence, holding both ends without double-booking, then the gang starts', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([queue('q')]);
  // sn-1 and sn-2: three servers of immovable work each; sn-3: two movable one-server holdings.
  seedWork(a, s, 'big1', 'sn-1', 3);
  seedWork(a, s, 'big2', 'sn-2', 3);
  seedWork(a, s, 'm1', 'sn-3', 1, { movable: true });
  seedWork(a, s, 'm2', 'sn-3', 1, { movable: true });
  assert.ok(a.checkInvariants(liveOwners(s)).ok);
  s.pending = [pending('gang', 4, { arrival: 10 })];
  const r = admit(s, a, T0 + 1, { defragment: true, moveDurationMs: () => 30_000 });
  const reserve = r.decisions.find((d) => d.kind === 'reserve');
  assert.ok(reserve && reserve.kind === 'reserve');
  const starts = r.decisions.filter((d) => d.kind === 'move-start');
  assert.ok(starts.length > 0, 'moves planned');
  s = r.state;
  // Mid-move: source and target both held by different owners, invariants clean, nothing in the fence admitted.
  for (const m of s.moves) {
    assert.ok(a.holdings(m.owner));
    assert.ok(a.holdings(m.holdingOwner));
    assert.ok(!a.holdings(m.holdingOwner)!.supernodes.includes(reserve.supernode));
  }
  assert.ok(a.checkInvariants(liveOwners(s)).ok);
  const early = admit(s, a, T0 + 10_000, { defragment: true, moveDurationMs: () => 30_000 });
  assert.ok(!early.decisions.some((d) => d.kind === 'admit'), 'the gang waits until the moves are due');
  s = early.state;
  assert.ok(a.checkInvariants(liveOwners(s)).ok);
  const done = admit(s, a, T0 + 31_000, { defragment: true });
  assert.ok(done.decisions.some((d) => d.kind === 'move-done'));
  const gang = done.decisions.find((d) => d.kind === 'admit' && d.id === 'gang');
  assert.ok(gang && gang.kind === 'admit', JSON.stringify(done.decisions));
  assert.deepEqual(gang.placement.supernodes, [reserve.supernode]);
  assert.equal(done.state.moves.length, 0);
  assert.ok(a.checkInvariants(liveOwners(done.state)).ok);
  // JSON round trip of the state keeps working (what a restart would load).
  const again = admit(JSON.parse(JSON.stringify(done.state)) as AdmissionState, a, T0 + 40_000);
  assert.ok(a.checkInvariants(liveOwners(again.state)).ok);
});
