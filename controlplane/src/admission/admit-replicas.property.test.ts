import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Allocator, testInventory } from '../allocator/index.ts';
import { admit, forgetWork } from './admit.ts';
import { releaseWork } from './finish-moves.ts';
import { endpoint, seedCluster } from './replica-testing.ts';
import { emptyState, liveOwners, queue } from './testing.ts';
import type { AdmissionDecision, AdmissionState, PendingRequest, QueueSpec } from './types.ts';

interface Arrival {
  at: number;
  replicas: number;
  per: number;
  duration: number;
  cluster: 'c1' | 'c2';
  priority: number;
  preemptible: boolean;
}

const arrivalArb = fc.record({
  at: fc.integer({ min: 0, max: 40 }),
  replicas: fc.integer({ min: 1, max: 3 }),
  per: fc.constantFrom(1, 2, 4, 8),
  duration: fc.integer({ min: 1, max: 30 }),
  cluster: fc.constantFrom('c1' as const, 'c2' as const),
  priority: fc.integer({ min: 0, max: 3 }),
  preemptible: fc.boolean(),
});
const arrivalsArb = fc.array(arrivalArb, { minLength: 1, maxLength: 25 });

/**
 * Endpoints arriving and leaving on two clusters (c1: 4 servers, c2: 1 server), an admission pass at
 * each event; invariants are checked after every pass. Returns when each endpoint started.
 */
function simulate(
  arrivals: readonly Arrival[],
  queues: QueueSpec[],
  check: (s: AdmissionState, ds: AdmissionDecision[]) => void = () => {},
): Map<string, number> {
  const a = new Allocator(testInventory());
  let s = emptyState([...queues, queue('clusters')]);
  seedCluster(a, s, 'c1', 'sn-1', 4);
  seedCluster(a, s, 'c2', 'sn-2', 1);
  const items: { at: number; p: PendingRequest; duration: number }[] = arrivals.map((x, i) => ({
    at: x.at,
    duration: x.duration,
    p: endpoint(
      `e${i}`,
      x.replicas,
      x.per,
      { arrival: x.at + 0.001 * (i + 1), priority: x.priority, preemptible: x.preemptible, queue: queues[0]!.name },
      x.cluster,
    ),
  }));
  const ends = new Map<string, number>();
  const started = new Map<string, number>();
  const times = new Set(items.map((x) => x.at));
  for (let step = 0; step < 400 && times.size > 0; step++) {
    const now = Math.min(...times);
    times.delete(now);
    for (const [id, end] of [...ends]) {
      if (end > now) continue;
      ends.delete(id);
      s = { ...forgetWork(s, id), moves: releaseWork(a, s.moves, id) };
    }
    for (const x of items) if (x.at === now) s.pending.push(x.p);
    const r = admit(s, a, now * 1000);
    s = r.state;
    assert.deepEqual(a.checkInvariants(liveOwners(s)).violations, [], 'invariants after a pass');
    check(s, r.decisions);
    for (const d of r.decisions) {
      if (d.kind === 'admit') {
        started.set(d.id, now);
        const end = now + items.find((x) => x.p.id === d.id)!.duration;
        ends.set(d.id, end);
        times.add(end);
      }
      if (d.kind === 'preempt') {
        // Preempted work waits again in its first arrival's place, as the control plane requeues it.
        ends.delete(d.id);
        const again = items.find((x) => x.p.id === d.id)!.p;
        s.pending.push(again);
        times.add(now + 0.5);
      }
    }
  }
  return started;
}

test('endpoints: the cluster fence never delays the head; its start is the same without any later arrival', () => {
  fc.assert(
    fc.property(arrivalsArb, (arrivals) => {
      const queues = [queue('q')];
      let head: string | undefined;
      const full = simulate(arrivals, queues, (_s, ds) => {
        for (const d of ds) if (d.kind === 'pending' && head === undefined) head = d.id;
      });
      if (head === undefined) return;
      const i = Number(head.slice(1));
      const mine = arrivals[i]!;
      const order = (j: number) => arrivals[j]!.at + 0.001 * (j + 1);
      // Only what arrived before the head (and the head itself), same indices so ids stay the same.
      const earlier = arrivals.map((x, j) => (order(j) <= order(i) ? x : { ...x, at: 10_000 + j }));
      const alone = simulate(earlier, queues);
      const a = full.get(head) ?? Infinity;
      const b = alone.get(head) ?? Infinity;
      assert.ok(a <= b, `head ${head} (${mine.replicas} x ${mine.per} in ${mine.cluster}) started at ${a} with later arrivals, ${b} without`);
    }),
    { numRuns: 80 },
  );
});

test('endpoints: preemption only ever takes lower-priority preemptible endpoints of the same cluster', () => {
  fc.assert(
    fc.property(arrivalsArb, (arrivals) => {
      const queues = [queue('q', { admissionPolicy: 'priority', preemption: 'lowerPriority' })];
      simulate(arrivals, queues, (s, ds) => {
        for (const d of ds) {
          if (d.kind !== 'preempt') continue;
          const victim = arrivals[Number(d.id.slice(1))]!;
          const by = arrivals[Number(d.by.slice(1))]!;
          assert.ok(victim.preemptible, `${d.id} is not preemptible`);
          assert.ok(victim.priority < by.priority, `${d.id} (priority ${victim.priority}) preempted by ${d.by} (priority ${by.priority})`);
          assert.equal(victim.cluster, by.cluster, 'only endpoints of the same cluster make room');
        }
        assert.ok(s.running.every((w) => w.id.startsWith('c') || w.replicas));
      });
    }),
    { numRuns: 80 },
  );
});

test('endpoints: a queue never holds more than its quota (replicas x acceleratorsPerReplica), borrowing included', () => {
  const queues = [
    queue('a', { cohort: 'k', quotas: { 'ascend-910c': { nominal: 16, borrowingLimit: 8 } } }),
    queue('b', { cohort: 'k', quotas: { 'ascend-910c': { nominal: 8 } } }),
  ];
  fc.assert(
    fc.property(arrivalsArb, fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), (arrivals, inB) => {
      const used = (s: AdmissionState, q: string) => s.running.filter((w) => w.queue === q && w.replicas).reduce((n, w) => n + w.accelerators, 0);
      const a = new Allocator(testInventory());
      // Arrivals alternate between the two queues of the cohort.
      const split = arrivals.map((x, i) => ({ x, q: inB[i] ? 'b' : 'a' }));
      let s = emptyState([...queues, queue('clusters')]);
      seedCluster(a, s, 'c1', 'sn-1', 4);
      seedCluster(a, s, 'c2', 'sn-2', 1);
      s.pending = split.map(({ x, q }, i) => endpoint(`e${i}`, x.replicas, x.per, { arrival: x.at, queue: q }, x.cluster));
      for (let round = 0; round < 4; round++) {
        // Use per queue as the pass goes, decision by decision: borrowing is checked when it happens.
        const use = new Map([
          ['a', used(s, 'a')],
          ['b', used(s, 'b')],
        ]);
        const r = admit(s, a, round);
        for (const d of r.decisions) {
          if (d.kind !== 'admit') continue;
          const q = s.pending.find((p) => p.id === d.id)!.queue;
          use.set(q, use.get(q)! + d.placement.acceleratorCount);
          if (d.borrowed > 0)
            assert.ok(
              use.get('a')! + use.get('b')! <= 24,
              `${d.id} borrowed ${d.borrowed} while the cohort held ${use.get('a')! + use.get('b')!} of its nominal 24`,
            );
        }
        s = r.state;
        assert.ok(used(s, 'a') <= 24 && used(s, 'b') <= 8, `a ${used(s, 'a')} (nominal 16 + borrowing 8), b ${used(s, 'b')} (nominal 8)`);
        for (const w of s.running) if (w.replicas) assert.equal(w.accelerators, w.request.count);
        // The earliest-admitted endpoint leaves before the next round.
        const first = s.running.find((w) => w.replicas);
        if (first) s = { ...forgetWork(s, first.id), moves: releaseWork(a, s.moves, first.id) };
      }
    }),
    { numRuns: 60 },
  );
});
