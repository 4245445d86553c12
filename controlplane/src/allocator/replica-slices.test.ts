import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from './allocator.ts';
import { testInventory } from './testing.ts';
import type { Placement, ReplicaRequest } from './types.ts';

function migCluster(a: Allocator, owner: string, profile: string, count: number): Placement {
  const d = a.place({ owner, project: 'p1', acceleratorType: 'nvidia-h200', zone: 't-1b', count, unit: 'accelerators', scope: 'server', profile });
  assert.ok(d.ok, d.ok ? '' : d.message);
  a.commit(owner, d);
  return d;
}

const replicas = (endpointOwner: string, clusterOwner: string, n: number, profile?: string): ReplicaRequest => ({
  clusterOwner,
  endpointOwner,
  replicas: n,
  acceleratorsPerReplica: 1,
  ...(profile ? { profile } : {}),
});

function placeOk(a: Allocator, r: ReplicaRequest): Placement {
  const d = a.placeReplicas(r);
  assert.ok(d.ok, d.ok ? '' : d.message);
  a.commit(r.endpointOwner, d);
  return d;
}

function clean(a: Allocator): void {
  const r = a.checkInvariants(new Set(a.owners()));
  assert.ok(r.ok, r.violations.join('\n'));
}

test('replicas take instances of their partitioned cluster, one each, naming server, accelerator and instance', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  const cl = migCluster(a, 'mig', '1g.18gb', 4);
  const ep = placeOk(a, replicas('ep', 'mig', 3, '1g.18gb'));
  assert.equal(ep.replicas!.length, 3);
  const clusterSlices = cl.slices!.map((s) => `${s.acceleratorId}@${s.start}`);
  const used = ep.replicas!.map((r) => `${r.slice!.acceleratorId}@${r.slice!.start}`);
  assert.equal(new Set(used).size, 3);
  for (const u of used) assert.ok(clusterSlices.includes(u), `${u} is one of the cluster's instances`);
  for (const r of ep.replicas!) {
    assert.deepEqual(r.servers, [cl.servers[0]!.serverId]);
    assert.deepEqual(r.acceleratorIds, [r.slice!.acceleratorId]);
    assert.equal(r.slice!.profile, '1g.18gb');
  }
  const held = a.holdings('ep')!;
  assert.equal(held.parentOwner, 'mig');
  assert.equal(held.slices!.length, 3);
  // The endpoint's instances are the cluster's: capacity is unchanged, and shows them as used.
  const server = a.capacity({ acceleratorType: 'nvidia-h200' }).zones[0]!.servers.find((s) => s.instances);
  assert.equal(server?.instances, 4);
  assert.equal(server?.endpointInstances, 3);
  clean(a);
});

test('a second endpoint gets only the instances the first does not use; refusal names replicas and what is free', () => {
  const a = new Allocator(testInventory(), { policy: 'best-fit' });
  migCluster(a, 'mig', '1g.18gb', 3);
  const first = placeOk(a, replicas('ep1', 'mig', 2, '1g.18gb'));
  const d = a.placeReplicas(replicas('ep2', 'mig', 2, '1g.18gb'));
  assert.equal(d.ok, false);
  if (!d.ok) {
    assert.equal(d.code, 'CAPACITY_EXHAUSTED');
    assert.equal(d.field, 'replicas');
    assert.match(d.message, /need 2 replicas x 1g\.18gb for ep2 inside cluster mig; 1 fit: the cluster has 3 1g\.18gb instances, 1 free, 2 used by ep1/);
  }
  const second = placeOk(a, replicas('ep2', 'mig', 1, '1g.18gb'));
  const taken = new Set(first.replicas!.map((r) => `${r.slice!.acceleratorId}@${r.slice!.start}`));
  assert.ok(!taken.has(`${second.replicas![0]!.slice!.acceleratorId}@${second.replicas![0]!.slice!.start}`));
  clean(a);
  // Deleting the first frees its instances for others.
  a.release('ep1');
  placeOk(a, replicas('ep3', 'mig', 2, '1g.18gb'));
  clean(a);
});

test('a different profile from the partitioned cluster, or none, is refused on acceleratorProfile', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  migCluster(a, 'mig', '1g.18gb', 2);
  const wrong = a.placeReplicas(replicas('ep', 'mig', 1, '2g.35gb'));
  assert.ok(!wrong.ok && wrong.field === 'acceleratorProfile' && /2g\.35gb.*\(1g\.18gb\)/.test(wrong.message), JSON.stringify(wrong));
  const none = a.placeReplicas({ clusterOwner: 'mig', endpointOwner: 'ep', replicas: 1, acceleratorsPerReplica: 1 });
  assert.ok(!none.ok && none.field === 'acceleratorProfile', JSON.stringify(none));
  const big = a.placeReplicas({ ...replicas('ep', 'mig', 1, '1g.18gb'), acceleratorsPerReplica: 2 });
  assert.ok(!big.ok && big.field === 'acceleratorsPerReplica');
});

test('placing an endpoint again keeps its instances and grows or shrinks beside them', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  migCluster(a, 'mig', '1g.18gb', 5);
  const two = placeOk(a, replicas('ep', 'mig', 2, '1g.18gb'));
  const four = placeOk(a, replicas('ep', 'mig', 4, '1g.18gb'));
  const key = (p: Placement) => p.replicas!.map((r) => `${r.slice!.acceleratorId}@${r.slice!.start}`);
  assert.deepEqual(key(four).slice(0, 2), key(two));
  placeOk(a, replicas('ep', 'mig', 1, '1g.18gb'));
  assert.equal(a.holdings('ep')!.slices!.length, 1);
  clean(a);
});

test('rows reload after a restart, a clash is a violation, and releasing the cluster releases its endpoints', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  migCluster(a, 'mig', '1g.18gb', 3);
  placeOk(a, replicas('ep', 'mig', 2, '1g.18gb'));
  const rows = [...a.rowsFor('mig'), ...a.rowsFor('ep')];
  assert.ok(a.rowsFor('ep').every((r) => r.parentOwner === 'mig' && r.slice?.profile === '1g.18gb'));
  const b = new Allocator(testInventory(), { policy: 'first-fit' });
  b.load([...rows].reverse());
  const sorted = (o: string, x: Allocator) =>
    x
      .holdings(o)!
      .slices!.map((s) => `${s.acceleratorId}@${s.start}`)
      .sort();
  assert.deepEqual(sorted('ep', b), sorted('ep', a));
  assert.equal(b.holdings('ep')!.parentOwner, 'mig');
  clean(b);
  const c = new Allocator(testInventory(), { policy: 'first-fit' });
  c.load([...rows, ...a.rowsFor('ep').map((r) => ({ ...r, owner: 'other' }))]);
  const report = c.checkInvariants(new Set(c.owners()));
  assert.ok(!report.ok && report.violations.some((v) => /used by two endpoints: ep and other/.test(v)), report.violations.join('\n'));
  assert.deepEqual(b.release('mig').owners.sort(), ['ep', 'mig']);
  assert.equal(b.holdings('ep'), undefined);
  clean(b);
});

test('an endpoint instance whose owner is gone is an invariant violation', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  migCluster(a, 'mig', '1g.18gb', 2);
  placeOk(a, replicas('ep', 'mig', 1, '1g.18gb'));
  const report = a.checkInvariants(new Set(['mig']));
  assert.ok(!report.ok && report.violations.some((v) => /^ep holds 1 1g\.18gb partitions but is not a live resource/.test(v)), report.violations.join('\n'));
});

test('faulty accelerators keep new replicas off their instances, and health marks name the endpoint', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  const cl = migCluster(a, 'mig', '1g.18gb', 2);
  const ep = placeOk(a, replicas('ep', 'mig', 1, '1g.18gb'));
  const acc = ep.replicas![0]!.slice!.acceleratorId;
  const report = a.markFaulty(acc);
  assert.ok(
    report.affected.some((x) => x.owner === 'ep' && x.parentOwner === 'mig'),
    JSON.stringify(report),
  );
  // First-fit puts both instances on one accelerator, so the free one is on the faulty accelerator too.
  assert.ok(
    cl.slices!.every((s) => s.acceleratorId === acc),
    JSON.stringify(cl.slices),
  );
  const d = a.placeReplicas(replicas('ep2', 'mig', 1, '1g.18gb'));
  assert.ok(!d.ok && /0 fit: .* 1 on faulty accelerators or a draining server/.test(d.message), JSON.stringify(d));
  // Whole clusters: instances are not cut from a faulty accelerator either.
  wholeCluster(a, 'big', 1);
  const big = a.holdings('big')!.servers[0]!.acceleratorIds;
  for (const id of big.slice(0, 7)) a.markFaulty(id);
  const cut = placeOk(a, replicas('ep3', 'big', 7, '1g.18gb'));
  assert.deepEqual([...new Set(cut.replicas!.map((r) => r.slice!.acceleratorId))], [big[7]]);
  assert.equal(a.placeReplicas(replicas('ep4', 'big', 1, '1g.18gb')).ok, false);
});

test('a preview places profiled replicas against the scratch copy and changes nothing', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  migCluster(a, 'mig', '1g.18gb', 2);
  const r = a.preview([replicas('ep1', 'mig', 2, '1g.18gb'), replicas('ep2', 'mig', 1, '1g.18gb')]);
  assert.equal(r.results[0]!.ok, true);
  assert.equal(r.results[1]!.ok, false);
  assert.equal(a.holdings('ep1'), undefined);
  clean(a);
});

function wholeCluster(a: Allocator, owner: string, servers: number): Placement {
  const d = a.place({ owner, project: 'p1', acceleratorType: 'nvidia-h200', zone: 't-1b', count: servers, unit: 'servers', scope: 'zone' });
  assert.ok(d.ok, d.ok ? '' : d.message);
  a.commit(owner, d);
  return d;
}

test('on a whole-accelerator cluster, instances are cut from as few accelerators as possible, never one an endpoint holds whole', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  wholeCluster(a, 'big', 1);
  const wholeEp = placeOk(a, { clusterOwner: 'big', endpointOwner: 'whole-ep', replicas: 1, acceleratorsPerReplica: 4 });
  const wholeAccs = new Set(wholeEp.replicas!.flatMap((r) => r.acceleratorIds));
  const mig = placeOk(a, replicas('mig-ep', 'big', 9, '1g.18gb'));
  const accs = mig.replicas!.map((r) => r.slice!.acceleratorId);
  for (const acc of accs) assert.ok(!wholeAccs.has(acc), `${acc} is held whole by another endpoint`);
  // Seven 1g instances fill an accelerator (starts 0-6): nine take two accelerators.
  assert.equal(new Set(accs).size, 2);
  clean(a);
  // The cut accelerators are not handed out whole: a whole endpoint gets at most the two left.
  const three = a.placeReplicas({ clusterOwner: 'big', endpointOwner: 'whole-2', replicas: 1, acceleratorsPerReplica: 4 });
  assert.equal(three.ok, false);
  const two = placeOk(a, { clusterOwner: 'big', endpointOwner: 'whole-2', replicas: 1, acceleratorsPerReplica: 2 });
  for (const acc of two.replicas![0]!.acceleratorIds) assert.ok(!accs.includes(acc));
  clean(a);
  // Refusal names replicas and how many fit.
  const more = a.placeReplicas(replicas('mig-2', 'big', 6, '1g.18gb'));
  assert.ok(
    !more.ok && more.code === 'CAPACITY_EXHAUSTED' && more.field === 'replicas' && /at most 5 fit on one server/.test(more.message),
    JSON.stringify(more),
  );
  // Deleting the endpoint makes its accelerators whole again.
  a.release('mig-ep');
  a.release('whole-2');
  placeOk(a, { clusterOwner: 'big', endpointOwner: 'whole-3', replicas: 1, acceleratorsPerReplica: 4 });
  clean(a);
});

test('cut instances reload from rows, and releasing the cluster releases the endpoint', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  wholeCluster(a, 'big', 1);
  placeOk(a, replicas('mig-ep', 'big', 3, '3g.71gb'));
  placeOk(a, { clusterOwner: 'big', endpointOwner: 'whole-ep', replicas: 2, acceleratorsPerReplica: 2 });
  const rows = ['big', 'mig-ep', 'whole-ep'].flatMap((o) => a.rowsFor(o));
  const b = new Allocator(testInventory(), { policy: 'first-fit' });
  b.load([...rows].reverse());
  clean(b);
  const key = (x: Allocator) =>
    x
      .holdings('mig-ep')!
      .slices!.map((s) => `${s.acceleratorId}@${s.start}`)
      .sort();
  assert.deepEqual(key(b), key(a));
  assert.equal(b.holdings('mig-ep')!.parentOwner, 'big');
  // A row cut on an accelerator an endpoint holds whole is a violation on load.
  const whole = a.rowsFor('whole-ep')[0]!;
  const c = new Allocator(testInventory(), { policy: 'first-fit' });
  c.load([...rows, { ...a.rowsFor('mig-ep')[0]!, owner: 'bad', acceleratorId: whole.acceleratorId, slice: { profile: '3g.71gb', start: 0, units: 4 } }]);
  assert.ok(!c.checkInvariants(new Set(c.owners())).ok);
  assert.deepEqual(b.release('big').owners.sort(), ['big', 'mig-ep', 'whole-ep']);
  clean(b);
  assert.equal(b.capacity({ acceleratorType: 'nvidia-h200' }).zones[0]!.free, 16);
});

test('shrinking a whole cluster off the server of cut instances releases that endpoint', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  wholeCluster(a, 'big', 2);
  const ep = placeOk(a, replicas('mig-ep', 'big', 2, '2g.35gb'));
  const r = a.releaseServers('big', [ep.servers[0]!.serverId]);
  assert.deepEqual(r.affectedEndpoints, ['mig-ep']);
  assert.equal(a.holdings('mig-ep'), undefined);
  clean(a);
});

test('a shrinking whole cluster gives back the server without cut instances first', () => {
  for (const pick of [0, 1]) {
    const a = new Allocator(testInventory(), { policy: 'first-fit' });
    const cl = wholeCluster(a, 'big', 2);
    // Force the instances onto one chosen server by holding the other one's accelerators with a whole endpoint first.
    const other = cl.servers[1 - pick]!.serverId;
    const blocker = placeOk(a, { clusterOwner: 'big', endpointOwner: 'blocker', replicas: 1, acceleratorsPerReplica: 8 });
    const cutServer = blocker.replicas![0]!.servers[0] === other ? cl.servers[pick]!.serverId : other;
    const ep = placeOk(a, replicas('mig-ep', 'big', 1, '1g.18gb'));
    assert.equal(ep.servers[0]!.serverId, cutServer);
    a.release('blocker');
    assert.deepEqual(a.shrinkPlan('big', 1), [cl.servers.map((s) => s.serverId).find((s) => s !== cutServer)]);
  }
});

test('pooled vNPU instances: replicas take a partitioned cluster instances, or cut AI cores from whole 910B accelerators', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  const cl = a.place({
    owner: 'npu-part',
    project: 'p1',
    acceleratorType: 'ascend-910b',
    zone: 't-1a',
    count: 3,
    unit: 'accelerators',
    scope: 'server',
    profile: 'vir05_1c_16g',
  });
  assert.ok(cl.ok);
  a.commit('npu-part', cl);
  const ep = placeOk(a, replicas('npu-ep', 'npu-part', 2, 'vir05_1c_16g'));
  assert.ok(ep.replicas!.every((r) => r.slice!.start === -1 && r.slice!.units === 5));
  const short = a.placeReplicas(replicas('npu-ep2', 'npu-part', 2, 'vir05_1c_16g'));
  assert.ok(!short.ok && /1 fit/.test(short.message), JSON.stringify(short));
  const whole = a.place({ owner: 'npu-whole', project: 'p1', acceleratorType: 'ascend-910b', zone: 't-1a', count: 1, unit: 'servers', scope: 'zone' });
  assert.ok(whole.ok);
  a.commit('npu-whole', whole);
  // Four 5-core instances fill a 20-core 910B: five take two accelerators.
  const cut = placeOk(a, replicas('npu-cut', 'npu-whole', 5, 'vir05_1c_16g'));
  assert.equal(new Set(cut.replicas!.map((r) => r.slice!.acceleratorId)).size, 2);
  clean(a);
  const b = new Allocator(testInventory(), { policy: 'first-fit' });
  b.load(a.owners().flatMap((o) => a.rowsFor(o)));
  clean(b);
  assert.deepEqual(b.capacity(), a.capacity());
  assert.equal(b.holdings('npu-cut')!.slices!.length, 5);
  assert.equal(b.holdings('npu-ep')!.slices!.length, 2);
});

test('hasEndpointsInside knows replicas on whole accelerators, on a partitioned cluster and on cut instances, also after a reload', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  wholeCluster(a, 'big', 1);
  migCluster(a, 'mig', '1g.18gb', 2);
  assert.deepEqual(
    ['mig', 'big'].map((o) => a.hasEndpointsInside(o)),
    [false, false],
  );
  placeOk(a, replicas('on-mig', 'mig', 1, '1g.18gb'));
  placeOk(a, replicas('cut-from-big', 'big', 1, '1g.18gb'));
  assert.deepEqual(
    ['mig', 'big', 'cut-from-big'].map((o) => a.hasEndpointsInside(o)),
    [true, true, false],
  );
  a.release('cut-from-big');
  assert.equal(a.hasEndpointsInside('big'), false, 'the last cut instance gone');
  placeOk(a, { clusterOwner: 'big', endpointOwner: 'on-big', replicas: 1, acceleratorsPerReplica: 2 });
  assert.deepEqual(
    ['big', 'on-big'].map((o) => a.hasEndpointsInside(o)),
    [true, false],
  );
  placeOk(a, replicas('cut-from-big', 'big', 1, '1g.18gb'));
  const b = new Allocator(testInventory(), { policy: 'first-fit' });
  b.load(['mig', 'big', 'on-mig', 'on-big', 'cut-from-big'].flatMap((o) => a.rowsFor(o)));
  assert.deepEqual(
    ['mig', 'big'].map((o) => b.hasEndpointsInside(o)),
    [true, true],
  );
  b.release('on-mig');
  b.release('on-big');
  assert.deepEqual(
    ['mig', 'big'].map((o) => b.hasEndpointsInside(o)),
    [false, true],
    'big still has cut instances',
  );
  b.release('cut-from-big');
  assert.equal(b.hasEndpointsInside('big'), false);
});
