import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Allocator, testInventory } from '../allocator/index.ts';
import { admit, admitPass, forgetWork } from './admit.ts';
import { AdmissionView } from './admission-view.ts';
import { releaseWork } from './finish-moves.ts';
import { emptyState, liveOwners, pending, queue, seedWork } from './testing.ts';
import type { AdmissionDecision, AdmissionState, AdmitOptions, PendingRequest, QueueSpec } from './types.ts';

/** One step of a random history: a request arrives, running work leaves, waiting work gives up, or time passes. */
type Step =
  | { kind: 'arrive'; servers: number; accelerators: number; gang: boolean; priority: number; preemptible: boolean; movable: boolean; queue: string }
  | { kind: 'depart'; pick: number }
  | { kind: 'give-up'; pick: number }
  | { kind: 'tick'; seconds: number };

const stepArb = (queues: string[]): fc.Arbitrary<Step> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('arrive' as const),
        servers: fc.integer({ min: 1, max: 4 }),
        accelerators: fc.integer({ min: 1, max: 8 }),
        gang: fc.boolean(),
        priority: fc.integer({ min: 0, max: 3 }),
        preemptible: fc.boolean(),
        movable: fc.boolean(),
        queue: fc.constantFrom(...queues),
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('depart' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('give-up' as const), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), seconds: fc.integer({ min: 1, max: 90 }) }) },
  );

/** Running one-server work put in place before the history starts (as if admitted earlier). */
interface Fragment {
  sn: number;
  movable: boolean;
}

const optionsArb: fc.Arbitrary<AdmitOptions> = fc.record({
  backfill: fc.boolean(),
  defragment: fc.boolean(),
  replanMs: fc.constantFrom(0, 30_000, 60_000),
  reservationsPerType: fc.constantFrom(1, 2),
});

const queueSets: QueueSpec[][] = [
  [queue('q')],
  [queue('q', { admissionPolicy: 'priority', preemption: 'lowerPriority' })],
  [
    queue('q', { cohort: 'c', quotas: { 'ascend-910c': { nominal: 48, borrowingLimit: 24 } } }),
    queue('r', { cohort: 'c', admissionPolicy: 'priority', preemption: 'lowerPriority', quotas: { 'ascend-910c': { nominal: 32, borrowingLimit: 40 } } }),
  ],
];

function request(id: string, s: Extract<Step, { kind: 'arrive' }>, at: number): PendingRequest {
  const over = { arrival: at, queue: s.queue, priority: s.priority, preemptible: s.preemptible, movable: s.movable };
  return s.gang ? pending(id, s.servers, over) : pending(id, s.accelerators, over, { unit: 'accelerators', scope: 'server' });
}

/** Decisions apart from `pending` (whose text is rewritten every pass): what a skipped pass must not lose. */
function acts(decisions: readonly AdmissionDecision[]): AdmissionDecision[] {
  return decisions.filter((d) => d.kind !== 'pending');
}

/** The view's running work, quota use and per-server holders, as plain data to compare. */
function viewFacts(view: AdmissionView, a: Allocator) {
  const used: Record<string, number> = {};
  for (const q of view.queues) used[q.name] = view.ledger.usedBy(q.name, 'ascend-910c');
  const holders: Record<string, Record<string, number>> = {};
  for (const [server, byOwner] of view.serverHolders(a)) holders[server] = Object.fromEntries(byOwner);
  return { running: [...view.running.keys()].sort(), pending: [...view.pending.keys()], used, holders, reservations: view.reservations, moves: view.moves };
}

/**
 * Runs one history twice on two allocators of the same inventory: once the stateless way (`admit` on
 * the state after every event, as the control plane does) and once on a long-lived view with
 * `admitPass`, skipping passes the view says cannot decide anything. Returns both, step by step.
 */
function replay(
  queues: QueueSpec[],
  steps: readonly Step[],
  options: AdmitOptions,
  check: (view: AdmissionView, a: Allocator, stateless: AdmissionState, b: Allocator) => void,
  fragments: readonly Fragment[] = [],
): number {
  const a = new Allocator(testInventory());
  const b = new Allocator(testInventory());
  let state = emptyState(queues);
  const seeded = emptyState(queues);
  fragments.forEach((f, i) => {
    try {
      seedWork(a, seeded, `frag${i}`, `sn-${f.sn}`, 1, { movable: f.movable, queue: queues[0]!.name });
      seedWork(b, state, `frag${i}`, `sn-${f.sn}`, 1, { movable: f.movable, queue: queues[0]!.name });
    } catch {
      /* that supernode is full */
    }
  });
  const view = AdmissionView.fromState(seeded);
  let movesDone = 0;
  let now = 0;
  const opts: AdmitOptions = { moveDurationMs: () => 20_000, ...options };
  const pass = () => {
    const full = admit(state, b, now, opts);
    state = full.state;
    if (view.needsPass(now, opts.defragment ?? false, opts.replanMs ?? 60_000)) {
      const decided = admitPass(view, a, now, opts);
      movesDone += decided.filter((d) => d.kind === 'move-done').length;
      assert.deepEqual(acts(decided), acts(full.decisions), `same decisions at ${now}`);
    } else {
      assert.deepEqual(acts(full.decisions), [], `a skipped pass at ${now} would have decided something`);
    }
    check(view, a, state, b);
  };
  steps.forEach((s, i) => {
    if (s.kind === 'arrive') {
      const p = request(`w${i}`, s, now);
      view.enqueue(p);
      state = { ...state, pending: [...state.pending, p] };
    } else if (s.kind === 'depart') {
      const ids = [...view.running.keys()];
      if (ids.length === 0) return;
      const id = ids[s.pick % ids.length]!;
      view.release(a, id);
      state = { ...forgetWork(state, id), moves: releaseWork(b, state.moves, id) };
    } else if (s.kind === 'give-up') {
      const ids = [...view.pending.keys()];
      if (ids.length === 0) return;
      const id = ids[s.pick % ids.length]!;
      view.forget(id);
      state = forgetWork(state, id);
    } else {
      now += s.seconds * 1000;
    }
    pass();
  });
  return movesDone;
}

test('the incremental view equals a view rebuilt from its snapshot after any history', () => {
  fc.assert(
    fc.property(fc.constantFrom(...queueSets), fc.array(stepArb(['q', 'r']), { maxLength: 60 }), optionsArb, (queues, steps, options) => {
      const names = new Set(queues.map((q) => q.name));
      const fixed = steps.map((s) => (s.kind === 'arrive' && !names.has(s.queue) ? { ...s, queue: queues[0]!.name } : s));
      replay(queues, fixed, options, (view, a) => {
        const rebuilt = AdmissionView.fromState(view.snapshot());
        assert.deepEqual(viewFacts(view, a), viewFacts(rebuilt, a));
        assert.ok(a.checkInvariants(liveOwners(view.snapshot())).ok, 'invariants hold on the incremental run');
      });
    }),
    { numRuns: 150 },
  );
});

test('a long-lived view with skipped passes decides exactly what stateless passes decide', () => {
  fc.assert(
    fc.property(fc.constantFrom(...queueSets), fc.array(stepArb(['q', 'r']), { maxLength: 60 }), optionsArb, (queues, steps, options) => {
      const names = new Set(queues.map((q) => q.name));
      const fixed = steps.map((s) => (s.kind === 'arrive' && !names.has(s.queue) ? { ...s, queue: queues[0]!.name } : s));
      replay(queues, fixed, options, (view, a, stateless, b) => {
        const snap = view.snapshot();
        assert.deepEqual(snap.running.map((w) => w.id).sort(), stateless.running.map((w) => w.id).sort());
        assert.deepEqual(snap.pending.map((p) => p.id).sort(), stateless.pending.map((p) => p.id).sort());
        assert.deepEqual(
          snap.reservations.map((r) => [r.requestId, r.supernode]),
          stateless.reservations.map((r) => [r.requestId, r.supernode]),
        );
        for (const w of snap.running) assert.deepEqual(a.holdings(w.id)?.servers, b.holdings(w.id)?.servers, `${w.id} holds the same servers`);
      });
    }),
    { numRuns: 150 },
  );
});

test('a view with nothing waiting needs no pass until a move is due', () => {
  const a = new Allocator(testInventory());
  const view = AdmissionView.fromState(emptyState([queue('q')]));
  assert.equal(view.needsPass(0, true, 60_000), false, 'an empty view');
  view.enqueue(pending('g', 2));
  assert.equal(view.needsPass(0, false, 60_000), true, 'a new request');
  admitPass(view, a, 0);
  assert.equal(view.running.has('g'), true);
  assert.equal(view.needsPass(1000, false, 60_000), false, 'after the pass that admitted it');
  view.release(a, 'g');
  assert.equal(view.running.size, 0);
  assert.equal(view.ledger.usedBy('q', 'ascend-910c'), 0, 'its quota use is given back');
});

test('a pass that admits a reserved gang walks again: the lifted fence fits earlier requests in the same pass', () => {
  const a = new Allocator(testInventory());
  const s = emptyState([queue('q')]);
  seedWork(a, s, 'full2', 'sn-2', 4);
  seedWork(a, s, 'full3', 'sn-3', 4);
  seedWork(a, s, 'pair', 'sn-1', 2);
  seedWork(a, s, 'one', 'sn-1', 1);
  const view = AdmissionView.fromState(s);
  // A 2-server gang reserves sn-1 (one server free there, the rest full); then a whole server that
  // arrived earlier (so it comes first in the order) is kept out of the fence and waits.
  view.enqueue(pending('g', 2, { arrival: 1 }));
  const first = admitPass(view, a, 1000);
  assert.ok(first.some((d) => d.kind === 'reserve' && d.id === 'g' && d.supernode === 'sn-1'));
  view.enqueue(pending('x', 8, { arrival: 0 }, { unit: 'accelerators', scope: 'server' }));
  assert.ok(!admitPass(view, a, 1500).some((d) => d.kind === 'admit'));
  assert.equal(view.needsPass(2000, false, 60_000), false, 'nothing changed since');
  // Two servers free in sn-1: x, earlier in the order, is kept out of the fence; g starts there, which
  // lifts the fence, so the pass walks again and x starts in the server the fence kept.
  view.release(a, 'pair');
  const second = admitPass(view, a, 3000);
  assert.deepEqual(
    second.filter((d) => d.kind === 'admit').map((d) => d.kind === 'admit' && d.id),
    ['g', 'x'],
  );
  assert.equal(view.pending.size, 0);
});

test('after a move completes, the server index equals one rebuilt from the allocator', () => {
  const a = new Allocator(testInventory());
  const s = emptyState([queue('q')]);
  seedWork(a, s, 'big1', 'sn-1', 3);
  seedWork(a, s, 'big2', 'sn-2', 3);
  seedWork(a, s, 'm1', 'sn-3', 1, { movable: true });
  seedWork(a, s, 'm2', 'sn-3', 1, { movable: true });
  const view = AdmissionView.fromState(s);
  view.enqueue(pending('gang', 4));
  const r = admitPass(view, a, 0, { defragment: true, moveDurationMs: () => 30_000 });
  assert.ok(
    r.some((d) => d.kind === 'move-start'),
    'the pass starts moves',
  );
  assert.equal(view.needsPass(10_000, true, 60_000), false, 'moves run: nothing to do before they are due');
  assert.equal(view.needsPass(30_000, true, 60_000), true, 'a move is due');
  const done = admitPass(view, a, 30_000, { defragment: true });
  assert.ok(done.some((d) => d.kind === 'move-done'));
  assert.ok(done.some((d) => d.kind === 'admit' && d.id === 'gang'));
  const facts = (v: AdmissionView) => [...v.serverHolders(a)].map(([server, byOwner]) => [server, [...byOwner]]).sort();
  assert.deepEqual(facts(view), facts(AdmissionView.fromState(view.snapshot())));
  assert.ok(a.checkInvariants(liveOwners(view.snapshot())).ok);
});

test('with fragments in every supernode and defragmentation, moves run and the view still equals a rebuilt one', () => {
  let moves = 0;
  const fragmentsArb = fc.array(fc.record({ sn: fc.integer({ min: 1, max: 3 }), movable: fc.boolean() }), { minLength: 3, maxLength: 9 });
  const gangFirst = (steps: Step[]): Step[] => [
    { kind: 'arrive', servers: 4, accelerators: 8, gang: true, priority: 0, preemptible: false, movable: false, queue: 'q' },
    ...steps,
  ];
  fc.assert(
    fc.property(fragmentsArb, fc.array(stepArb(['q']), { maxLength: 40 }), fc.constantFrom(0, 30_000), (fragments, steps, replanMs) => {
      moves += replay(
        [queue('q')],
        gangFirst(steps),
        { defragment: true, replanMs },
        (view, a) => {
          const rebuilt = AdmissionView.fromState(view.snapshot());
          assert.deepEqual(viewFacts(view, a), viewFacts(rebuilt, a));
          assert.ok(a.checkInvariants(liveOwners(view.snapshot())).ok, 'invariants hold on the incremental run');
        },
        fragments,
      );
    }),
    { numRuns: 100 },
  );
  assert.ok(moves > 0, 'the histories include completed moves');
});
