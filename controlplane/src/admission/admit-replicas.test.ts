import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Allocator, testInventory } from '../allocator/index.ts';
import { admit, forgetWork } from './admit.ts';
import { releaseWork } from './finish-moves.ts';
import { endpoint, seedCluster } from './replica-testing.ts';
import { emptyState, liveOwners, pending, queue } from './testing.ts';
import type { AdmissionDecision, AdmissionState, PendingRequest } from './types.ts';

const clusters = queue('clusters');

function depart(state: AdmissionState, a: Allocator, id: string): AdmissionState {
  return { ...forgetWork(state, id), moves: releaseWork(a, state.moves, id) };
}

function pass(s: AdmissionState, a: Allocator, now = 0): { state: AdmissionState; decisions: AdmissionDecision[] } {
  const r = admit(s, a, now);
  assert.deepEqual(a.checkInvariants(liveOwners(r.state)).violations, []);
  return r;
}

const admitted = (ds: AdmissionDecision[]) => ds.filter((d) => d.kind === 'admit').map((d) => (d as { id: string }).id);
const reasonOf = (ds: AdmissionDecision[], id: string) => (ds.find((d) => d.kind === 'pending' && d.id === id) as { reason: string } | undefined)?.reason;

test('an endpoint that does not fit in its cluster waits, all or nothing, and starts when the endpoint holding it leaves', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([queue('q'), clusters]);
  seedCluster(a, s, 'c1', 'sn-1', 2); // 16 accelerators
  s.pending = [endpoint('e1', 1, 8, { arrival: 1 }), endpoint('e2', 2, 8, { arrival: 2 })];
  let r = pass(s, a, 10);
  assert.deepEqual(admitted(r.decisions), ['e1']);
  // e2 needs 16; 8 are free: none of its replicas start.
  assert.equal(reasonOf(r.decisions, 'e2'), 'waiting for 2 replicas of 8 ascend-910c in cluster train-c1; position 1');
  assert.equal(a.holdings('e2'), undefined);
  const admit1 = r.decisions.find((d) => d.kind === 'admit')!;
  assert.ok(admit1.kind === 'admit' && admit1.placement.parentOwner === 'c1' && admit1.placement.replicas?.length === 1);
  s = r.state;
  assert.deepEqual(
    s.pending.map((p) => p.id),
    ['e2'],
  );
  assert.deepEqual(s.running.find((w) => w.id === 'e1')?.replicas?.cluster, 'c1');

  s = depart(s, a, 'e1');
  r = pass(s, a, 20);
  assert.deepEqual(admitted(r.decisions), ['e2']);
  const d = r.decisions.find((x) => x.kind === 'admit')!;
  assert.ok(d.kind === 'admit' && d.waitedMs === 18);
  assert.equal(a.holdings('e2')?.acceleratorCount, 16);
  assert.deepEqual(r.state.pending, []);
});

test('the cluster is the fence: a later endpoint may not take the free accelerators an earlier one waits for, but starts in another cluster', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([queue('q'), clusters]);
  seedCluster(a, s, 'c1', 'sn-1', 2);
  seedCluster(a, s, 'c2', 'sn-2', 1);
  s.pending = [endpoint('e1', 1, 8, { arrival: 1 })];
  s = pass(s, a).state;
  s.pending = [endpoint('head', 2, 8, { arrival: 2 }), endpoint('small', 1, 4, { arrival: 3 }), endpoint('elsewhere', 1, 8, { arrival: 4 }, 'c2')];
  const r = pass(s, a);
  // 8 accelerators of c1 are free: small would fit there, but head waits for c1 first.
  assert.deepEqual(admitted(r.decisions), ['elsewhere']);
  assert.equal(reasonOf(r.decisions, 'head'), 'waiting for 2 replicas of 8 ascend-910c in cluster train-c1; position 1');
  assert.equal(reasonOf(r.decisions, 'small'), 'waiting for 1 replica of 4 ascend-910c in cluster train-c1; position 2');
  assert.equal(a.holdings('small'), undefined);
});

test('an endpoint whose cluster waits in its own queue waits too, and starts in the pass that admits the cluster', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([queue('q'), clusters]);
  // The three 910C supernodes of t-1a are full but for one server each.
  seedCluster(a, s, 'big1', 'sn-1', 3);
  seedCluster(a, s, 'big2', 'sn-2', 3);
  seedCluster(a, s, 'big3', 'sn-3', 3);
  s.pending = [pending('c9', 2, { queue: 'clusters', arrival: 1 }), endpoint('e9', 2, 8, { arrival: 2 }, 'c9')];
  let r = pass(s, a);
  assert.deepEqual(admitted(r.decisions), []);
  assert.equal(
    reasonOf(r.decisions, 'e9'),
    'waiting for 2 replicas of 8 ascend-910c in cluster train-c9; position 1; cluster train-c9 is waiting in its own queue',
  );
  // The cluster reserved a supernode; the cluster holding it leaves.
  const fence = r.decisions.find((d) => d.kind === 'reserve');
  assert.ok(fence?.kind === 'reserve');
  s = depart(r.state, a, `big${fence.supernode.slice(-1)}`);
  r = pass(s, a);
  assert.deepEqual(admitted(r.decisions), ['c9', 'e9']);
  assert.equal(a.holdings('e9')?.acceleratorCount, 16);
});

test('preemption releases only lower-priority preemptible endpoints of the same cluster, the fewest that make room', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([queue('q', { admissionPolicy: 'priority', preemption: 'lowerPriority' }), clusters]);
  seedCluster(a, s, 'c1', 'sn-1', 4); // 32 accelerators
  seedCluster(a, s, 'c2', 'sn-2', 1);
  s.pending = [
    endpoint('low-small', 1, 4, { priority: 1, preemptible: true, arrival: 1 }),
    endpoint('low-big', 1, 8, { priority: 1, preemptible: true, arrival: 2 }),
    endpoint('equal', 1, 8, { priority: 5, preemptible: true, arrival: 3 }),
    endpoint('firm', 1, 8, { priority: 0, preemptible: false, arrival: 4 }),
    endpoint('other-cluster', 1, 8, { priority: 0, preemptible: true, arrival: 5 }, 'c2'),
  ];
  s = pass(s, a).state;
  assert.equal(s.running.filter((w) => w.replicas).length, 5);
  // 4 accelerators of c1 are free; an 8-accelerator replica of priority 5 needs one more victim.
  s.pending = [endpoint('urgent', 1, 8, { priority: 5, arrival: 6 })];
  const r = pass(s, a);
  const preempted = r.decisions.filter((d) => d.kind === 'preempt');
  assert.deepEqual(preempted, [{ kind: 'preempt', id: 'low-big', by: 'urgent' }]);
  assert.deepEqual(admitted(r.decisions), ['urgent']);
  assert.equal(a.holdings('low-big'), undefined);
  assert.ok(a.holdings('low-small') && a.holdings('equal') && a.holdings('firm') && a.holdings('other-cluster'));

  // Nothing lower and preemptible is left big enough: a second request waits instead.
  s = r.state;
  s.pending = [endpoint('urgent-2', 2, 8, { priority: 5, arrival: 7 })];
  const r2 = pass(s, a);
  assert.deepEqual(
    r2.decisions.filter((d) => d.kind === 'preempt'),
    [],
  );
  assert.match(reasonOf(r2.decisions, 'urgent-2') ?? '', /^waiting for 2 replicas of 8 ascend-910c in cluster train-c1; position 1$/);
});

test('without preemption in its queue an endpoint never evicts anything', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([queue('q'), clusters]);
  seedCluster(a, s, 'c1', 'sn-1', 1);
  s.pending = [endpoint('low', 1, 8, { priority: 0, preemptible: true })];
  s = pass(s, a).state;
  s.pending = [endpoint('high', 1, 8, { priority: 9, arrival: 1 })];
  const r = pass(s, a);
  assert.deepEqual(
    r.decisions.filter((d) => d.kind === 'preempt'),
    [],
  );
  assert.ok(a.holdings('low'));
});

test('quota counts replicas x acceleratorsPerReplica; an endpoint over quota waits without fencing its cluster', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([queue('q', { quotas: { 'ascend-910c': { nominal: 8 } } }), queue('r'), clusters]);
  seedCluster(a, s, 'c1', 'sn-1', 4);
  s.pending = [endpoint('e1', 1, 8, { arrival: 1 }), endpoint('e2', 1, 4, { arrival: 2 }), endpoint('e3', 2, 4, { arrival: 3, queue: 'r' })];
  const r = pass(s, a);
  assert.deepEqual(admitted(r.decisions), ['e1', 'e3']);
  assert.equal(
    reasonOf(r.decisions, 'e2'),
    'waiting for 1 replica of 4 ascend-910c in cluster train-c1; position 1; queue q uses 8 of 8 ascend-910c (nominal 8); asked 4',
  );
  s = depart(r.state, a, 'e1');
  assert.deepEqual(admitted(pass(s, a).decisions), ['e2']);
});

test('the gang stage never preempts or moves a running endpoint, and an old state document without endpoints still admits', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([queue('q', { admissionPolicy: 'priority', preemption: 'lowerPriority' }), clusters]);
  seedCluster(a, s, 'c1', 'sn-1', 4);
  seedCluster(a, s, 'c2', 'sn-2', 4);
  seedCluster(a, s, 'c3', 'sn-3', 4);
  s.pending = [endpoint('e1', 4, 8, { preemptible: true })];
  s = pass(s, a).state;
  s.pending = [pending('gang', 4, { priority: 9, arrival: 1 })];
  const r = admit(s, a, 1, { defragment: true });
  assert.deepEqual(
    r.decisions.filter((d) => d.kind === 'preempt' || d.kind === 'move-start'),
    [],
  );
  assert.ok(a.holdings('e1'));
  assert.equal(r.state.running.find((w) => w.id === 'e1')?.preemptible, true, 'the endpoint keeps its own flags');

  const b = new Allocator(testInventory());
  const old = JSON.parse(
    JSON.stringify({ queues: [queue('q')], pending: [pending('g', 1, {}, { scope: 'server' })], running: [], reservations: [], moves: [] }),
  ) as AdmissionState;
  assert.deepEqual(admitted(admit(old, b, 0).decisions), ['g']);
});

test('an endpoint does not start in a cluster that is being moved; it starts once the move is done', () => {
  const a = new Allocator(testInventory());
  let s = emptyState([queue('q'), clusters]);
  seedCluster(a, s, 'c1', 'sn-1', 1);
  // A move of c1 in flight (as defragmentation starts one): its target is held by `c1~move`.
  const target = a.placeWithin(
    { owner: 'c1~move', project: 'p1', acceleratorType: 'ascend-910c', zone: 't-1a', count: 1, unit: 'servers', scope: 'server' },
    { only: ['sn-2'] },
  );
  assert.ok(target.ok);
  a.commit('c1~move', target);
  s.moves = [{ owner: 'c1', holdingOwner: 'c1~move', target, startedAt: 0, due: 10, forRequest: 'x' }];
  s.pending = [endpoint('e1', 1, 8)];
  let r = pass(s, a, 5);
  assert.deepEqual(admitted(r.decisions), []);
  assert.equal(reasonOf(r.decisions, 'e1'), 'waiting for 1 replica of 8 ascend-910c in cluster train-c1; position 1; cluster train-c1 is moving');
  r = pass(r.state, a, 10);
  assert.deepEqual(
    r.decisions.filter((d) => d.kind === 'move-done' || d.kind === 'admit').map((d) => d.kind),
    ['move-done', 'admit'],
  );
  assert.equal(a.holdings('e1')?.servers[0]?.serverId, a.holdings('c1')?.servers[0]?.serverId);
});

/** A waiting endpoint of `replicas` instances of `profile` inside the H200 MIG cluster `cluster`. */
function profiled(id: string, replicas: number, profile: string, over: Partial<PendingRequest> = {}, cluster = 'm1'): PendingRequest {
  return {
    id,
    queue: 'q',
    priority: 0,
    preemptible: false,
    arrival: 0,
    ...over,
    request: { owner: id, project: 'p1', acceleratorType: 'nvidia-h200', zone: 't-1b', count: replicas, unit: 'accelerators', scope: 'zone' },
    replicas: { cluster, clusterName: 'dev-mig', replicas, acceleratorsPerReplica: 1, profile },
  };
}

const h200 = (nominal: number) => ({ 'nvidia-h200': { nominal } });

/** A pass that admits the partitioned cluster m1 of `count` 1g.18gb instances from queue `clusters`. */
function migCluster(a: Allocator, queues: AdmissionState['queues'], count: number): AdmissionState {
  const s = emptyState([...queues, queue('clusters', { quotas: h200(100) })]);
  s.pending = [
    pending('m1', count, { queue: 'clusters' }, { acceleratorType: 'nvidia-h200', zone: 't-1b', unit: 'accelerators', scope: 'server', profile: '1g.18gb' }),
  ];
  const r = pass(s, a);
  assert.deepEqual(admitted(r.decisions), ['m1']);
  return r.state;
}

test('an endpoint on partition instances waits for free instances of its cluster, all or nothing, and starts when they are released', () => {
  const a = new Allocator(testInventory());
  let s = migCluster(a, [queue('q', { quotas: h200(100) })], 4);
  s.pending = [profiled('e1', 4, '1g.18gb', { arrival: 1 }), profiled('e2', 2, '1g.18gb', { arrival: 2 })];
  let r = pass(s, a, 10);
  assert.deepEqual(admitted(r.decisions), ['e1']);
  const d1 = r.decisions.find((d) => d.kind === 'admit')!;
  assert.ok(
    d1.kind === 'admit' &&
      d1.placement.parentOwner === 'm1' &&
      d1.placement.replicas?.length === 4 &&
      d1.placement.replicas.every((x) => x.slice?.profile === '1g.18gb'),
  );
  assert.equal(reasonOf(r.decisions, 'e2'), 'waiting for 2 replicas x 1g.18gb in cluster dev-mig; position 1');
  assert.equal(a.holdings('e2'), undefined);
  s = r.state;
  assert.deepEqual(
    s.pending.map((p) => p.id),
    ['e2'],
  );
  assert.equal(s.running.find((w) => w.id === 'e1')?.replicas?.profile, '1g.18gb');

  s = depart(s, a, 'e1');
  r = pass(s, a, 20);
  assert.deepEqual(admitted(r.decisions), ['e2']);
  const d2 = r.decisions.find((d) => d.kind === 'admit')!;
  assert.ok(d2.kind === 'admit' && d2.placement.replicas?.length === 2 && d2.waitedMs === 18);
  assert.deepEqual(r.state.pending, []);
});

test('an endpoint on partition instances counts each instance as its share of an accelerator against its quota', () => {
  const a = new Allocator(testInventory());
  // Quota 0.5 H200: four 1g.18gb instances (4/8) fit, a fifth does not.
  let s = migCluster(a, [queue('q', { quotas: h200(0.5) }), queue('r', { quotas: h200(100) })], 7);
  s.pending = [
    profiled('e1', 4, '1g.18gb', { arrival: 1 }),
    profiled('e2', 1, '1g.18gb', { arrival: 2 }),
    profiled('e3', 2, '1g.18gb', { arrival: 3, queue: 'r' }),
  ];
  let r = pass(s, a);
  assert.deepEqual(admitted(r.decisions), ['e1', 'e3']);
  assert.equal(r.state.running.find((w) => w.id === 'e1')?.accelerators, 0.5);
  assert.equal(
    reasonOf(r.decisions, 'e2'),
    'waiting for 1 replica x 1g.18gb in cluster dev-mig; position 1; queue q uses 0.5 of 0.5 nvidia-h200 (nominal 0.5); asked 0.125',
  );
  s = depart(r.state, a, 'e1');
  r = pass(s, a);
  assert.deepEqual(admitted(r.decisions), ['e2']);
  assert.equal(r.state.running.find((w) => w.id === 'e2')?.accelerators, 1 / 8);
});

test('a lower-priority preemptible endpoint on partition instances is preempted for a higher-priority one in the same cluster', () => {
  const a = new Allocator(testInventory());
  const lp = queue('q', { quotas: h200(100), preemption: 'lowerPriority' });
  let s = migCluster(a, [lp], 4);
  s.pending = [profiled('low', 3, '1g.18gb', { arrival: 1, preemptible: true })];
  let r = pass(s, a);
  assert.deepEqual(admitted(r.decisions), ['low']);
  s = { ...r.state, pending: [profiled('high', 2, '1g.18gb', { arrival: 2, priority: 5 })] };
  r = pass(s, a);
  assert.deepEqual(
    r.decisions.filter((d) => d.kind === 'preempt').map((d) => d.id),
    ['low'],
  );
  assert.deepEqual(admitted(r.decisions), ['high']);
});

test('an old state document whose endpoint asks carry no profile still loads and admits whole accelerators', () => {
  const a = new Allocator(testInventory());
  const s = emptyState([queue('q'), clusters]);
  seedCluster(a, s, 'c1', 'sn-1', 1);
  const old = JSON.parse(JSON.stringify(endpoint('e1', 1, 8))) as PendingRequest;
  assert.equal('profile' in old.replicas!, false);
  s.pending = [old];
  assert.deepEqual(admitted(pass(s, a).decisions), ['e1']);
  assert.equal(a.holdings('e1')?.acceleratorCount, 8);
});
