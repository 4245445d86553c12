// The scenario, at the engine: two preemptible 44-server clusters of priority 1, one per
// supernode of a two-supernode zone; a 48-server gang of priority 10 preempts one; the gang leaves;
// the preempted cluster must start on the supernode it left free, not wait behind its fence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Allocator, testInventory } from '../allocator/index.ts';
import { buildInventory } from '../inventory/build-inventory.ts';
import { admit, forgetWork } from './admit.ts';
import { releaseWork } from './finish-moves.ts';
import { requeueOf } from './requeue.ts';
import { emptyState, liveOwners, pending, queue, seedWork } from './testing.ts';
import type { AdmissionDecision, AdmissionState } from './types.ts';

const T0 = Date.UTC(2026, 0, 1, 12, 0);

/** Zone z-2b: two supernodes of 48 servers of eight 910C (CloudMatrix384). */
function twoSupernodes(): Allocator {
  return new Allocator(
    buildInventory({
      shapes: { cm384: { acceleratorType: 'ascend-910c', serversPerSupernode: 48 } },
      regions: [{ name: 'z-2', zones: [{ name: 'z-2b', supernodes: [{ shape: 'cm384', count: 2 }] }] }],
    }),
  );
}

const gang = (id: string, servers: number, over: Parameters<typeof pending>[2]) => pending(id, servers, over, { zone: 'z-2b' });

/** One pass; preempted work waits again in its first arrival's place, as the control plane requeues it. */
function pass(s: AdmissionState, a: Allocator, now: number): { state: AdmissionState; decisions: AdmissionDecision[] } {
  const r = admit(s, a, now);
  const requeued = r.decisions.flatMap((d) => (d.kind === 'preempt' ? [requeueOf(s.running.find((w) => w.id === d.id)!)] : []));
  assert.ok(a.checkInvariants(liveOwners(r.state)).ok);
  return { state: { ...r.state, pending: [...r.state.pending, ...requeued] }, decisions: r.decisions };
}

function supernodesOf(a: Allocator, id: string): string[] {
  return a.holdings(id)?.supernodes ?? [];
}

for (const nominal of [10_000, 768]) {
  test(`a preempted cluster starts on the supernode the gang left free, not behind its fence (quota ${nominal})`, () => {
    const a = twoSupernodes();
    let s = emptyState([queue('train', { admissionPolicy: 'priority', preemption: 'lowerPriority', quotas: { 'ascend-910c': { nominal } } })]);
    s.pending = [
      gang('c1', 44, { queue: 'train', priority: 1, preemptible: true, arrival: T0 }),
      gang('c2', 44, { queue: 'train', priority: 1, preemptible: true, arrival: T0 + 1 }),
    ];
    s = pass(s, a, T0 + 10).state;
    assert.equal(s.running.length, 2);
    assert.notDeepEqual(supernodesOf(a, 'c1'), supernodesOf(a, 'c2'), 'one per supernode');

    s.pending = [gang('big', 48, { queue: 'train', priority: 10, arrival: T0 + 20 })];
    const r = pass(s, a, T0 + 30);
    // With the quota at 768 the gang would exceed it too: preemption frees quota as well as capacity.
    assert.deepEqual(
      r.decisions.filter((d) => d.kind === 'preempt').map((d) => d.kind === 'preempt' && d.id),
      ['c2'],
    );
    assert.ok(r.decisions.some((d) => d.kind === 'admit' && d.id === 'big'));
    s = r.state;
    const c2 = s.pending.find((p) => p.id === 'c2')!;
    assert.equal(c2.arrival, T0 + 1, "the preempted cluster waits in its first arrival's place");
    const freed = supernodesOf(a, 'big')[0]!;

    const waits = pass(s, a, T0 + 40);
    s = waits.state;
    const why = waits.decisions.find((d) => d.kind === 'pending' && d.id === 'c2');
    if (nominal === 768) {
      // Over its queue's quota, c2 waits for quota and fences nothing.
      assert.match(why && why.kind === 'pending' ? why.reason : '', /; queue train uses 736 of 768 ascend-910c/);
    } else {
      // c2 waits, reserving the supernode c1 runs on (its 4 free servers are the most it could get).
      const reserve = waits.decisions.find((d) => d.kind === 'reserve');
      assert.ok(reserve && reserve.kind === 'reserve' && reserve.supernode !== freed);
    }

    // The gang leaves: its supernode is free, and c2 starts there at once, outside its own fence.
    s = { ...forgetWork(s, 'big'), moves: releaseWork(a, s.moves, 'big') };
    const back = pass(s, a, T0 + 50);
    const admitted = back.decisions.find((d) => d.kind === 'admit' && d.id === 'c2');
    assert.ok(admitted && admitted.kind === 'admit', JSON.stringify(back.decisions));
    assert.deepEqual(admitted.placement.supernodes, [freed]);
    assert.deepEqual(back.state.reservations, [], 'its reservation ends when it starts');
    assert.deepEqual(back.state.pending, []);
  });
}

test('a fence on a supernode whose holders can neither move nor be preempted moves to one that could serve', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([queue('q')]);
  // Three supernodes of four servers: sn-1 and sn-2 three-quarters full of immovable work; sn-3 holds
  // one movable one-server holding and immovable work on two servers.
  seedWork(a, s, 'big1', 'sn-1', 3);
  seedWork(a, s, 'big2', 'sn-2', 3);
  seedWork(a, s, 'm', 'sn-3', 1, { movable: true });
  seedWork(a, s, 'big3', 'sn-3', 2);
  s.pending = [pending('gang', 4, { arrival: T0 })];
  // Without defragmentation nothing can be cleared: the gang reserves the first of the equals.
  const first = admit(s, a, T0);
  const reserve = first.decisions.find((d) => d.kind === 'reserve');
  assert.ok(reserve && reserve.kind === 'reserve');
  assert.equal(reserve.supernode, 'sn-1');
  s = first.state;

  // big3 leaves. sn-3 now has three free servers and one the defragmenter can clear; sn-1 holds
  // immovable work on three of its four: the fence moves to sn-3 and the movable holding moves out.
  s = { ...forgetWork(s, 'big3'), moves: releaseWork(a, s.moves, 'big3') };
  const second = admit(s, a, T0 + 1000, { defragment: true, moveDurationMs: () => 5000 });
  const moved = second.decisions.find((d) => d.kind === 'reserve');
  assert.ok(moved && moved.kind === 'reserve' && moved.supernode === 'sn-3', JSON.stringify(second.decisions));
  assert.ok(second.decisions.some((d) => d.kind === 'move-start' && d.owner === 'm'));
  const reason = second.decisions.find((d) => d.kind === 'pending' && d.id === 'gang');
  assert.match(reason && reason.kind === 'pending' ? reason.reason : '', /reserved sn-3 since/);
  s = second.state;
  assert.ok(a.checkInvariants(liveOwners(s)).ok);

  const third = admit(s, a, T0 + 6000, { defragment: true });
  const started = third.decisions.find((d) => d.kind === 'admit' && d.id === 'gang');
  assert.ok(started && started.kind === 'admit', JSON.stringify(third.decisions));
  assert.deepEqual(started.placement.supernodes, ['sn-3']);
  assert.ok(a.checkInvariants(liveOwners(third.state)).ok);
});

test('a fence is kept while no other supernode could serve', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([queue('q')]);
  seedWork(a, s, 'big1', 'sn-1', 3);
  seedWork(a, s, 'big2', 'sn-2', 3);
  seedWork(a, s, 'big3', 'sn-3', 2);
  s.pending = [pending('gang', 4, { arrival: T0 })];
  const first = admit(s, a, T0, { defragment: true });
  const fence = first.decisions.find((d) => d.kind === 'reserve');
  assert.ok(fence && fence.kind === 'reserve');
  // sn-3 has the most whole free servers.
  assert.equal(fence.supernode, 'sn-3');
  s = first.state;
  const again = admit(s, a, T0 + 120_000, { defragment: true });
  assert.ok(!again.decisions.some((d) => d.kind === 'reserve'), 'nothing could serve sooner: the fence stays');
  assert.equal(again.state.reservations[0]!.supernode, 'sn-3');
});

test('a pending reason names the constraint that binds: capacity, a fence, the quota, the head of the line', () => {
  const a = new Allocator(testInventory());
  const s = emptyState([queue('q'), queue('small', { quotas: { 'ascend-910c': { nominal: 8 } } })]);
  seedWork(a, s, 'full2', 'sn-2', 4);
  seedWork(a, s, 'full3', 'sn-3', 4);
  seedWork(a, s, 'three', 'sn-1', 3);
  s.pending = [
    pending('gang', 2, { arrival: T0 }),
    pending('one', 8, { arrival: T0 + 1 }, { unit: 'accelerators', scope: 'server' }),
    pending('over', 2, { arrival: T0 + 2, queue: 'small' }),
  ];
  const reasons = (r: ReturnType<typeof admit>) => Object.fromEntries(r.decisions.flatMap((d) => (d.kind === 'pending' ? [[d.id, d.reason]] : [])));
  const r = reasons(admit(s, a, T0));
  // The gang waits for room in its own fence (capacity: nothing more to say).
  assert.equal(r.gang, 'waiting for 2 ascend-910c servers in one supernode; position 1; reserved sn-1 since 12:00');
  // One whole server is free, but inside the gang's fence.
  assert.equal(r.one, 'waiting for 8 ascend-910c accelerators in one server; position 2; fits only in sn-1, reserved for a gang ahead');
  assert.equal(r.over, 'waiting for 2 ascend-910c servers in one supernode; position 3; queue small uses 0 of 8 ascend-910c (nominal 8); asked 16');
  const noBackfill = reasons(admit({ ...s, pending: s.pending.slice(0, 2) }, a, T0, { backfill: false }));
  assert.match(noBackfill.one ?? '', /; behind a reserved gang \(backfill off\)$/);
});
