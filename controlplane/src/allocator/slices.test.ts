import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from './allocator.ts';
import { POLICY_NAMES } from './policies/policy-registry.ts';
import { testInventory } from './testing.ts';
import type { AllocationRequest, Placement } from './types.ts';

const h200 = (owner: string, profile: string, count = 1): AllocationRequest => ({
  owner,
  project: 'p1',
  acceleratorType: 'nvidia-h200',
  zone: 't-1b',
  count,
  unit: 'accelerators',
  scope: 'server',
  profile,
});
const npu = (owner: string, profile: string, count = 1): AllocationRequest => ({
  owner,
  project: 'p1',
  acceleratorType: 'ascend-910b',
  zone: 't-1a',
  count,
  unit: 'accelerators',
  scope: 'server',
  profile,
});

function placeOk(a: Allocator, r: AllocationRequest): Placement {
  const d = a.place(r);
  assert.ok(d.ok, d.ok ? '' : d.message);
  a.commit(r.owner, d);
  return d;
}

function h200Free(a: Allocator): number {
  return a.capacity({ acceleratorType: 'nvidia-h200' }).zones[0]!.free;
}

test('MIG instances start only where NVIDIA allows and never overlap', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  const starts: number[] = [];
  for (let i = 0; i < 7; i++) starts.push(placeOk(a, h200(`m${i}`, '1g.18gb')).slices![0]!.start);
  assert.deepEqual(starts, [0, 1, 2, 3, 4, 5, 6]);
  // The eighth 1g goes to the next accelerator: position 7 is no 1g start.
  const eighth = placeOk(a, h200('m7', '1g.18gb')).slices![0]!;
  assert.notEqual(eighth.acceleratorId, a.holdings('m0')!.slices![0]!.acceleratorId);
  assert.equal(eighth.start, 0);
  const three = placeOk(a, h200('big', '3g.71gb'));
  assert.ok([0, 4].includes(three.slices![0]!.start));
  assert.ok(a.checkInvariants(new Set(a.owners())).ok);
});

test('a server mixes whole and partitioned accelerators; a partitioned one is never handed out whole', () => {
  const a = new Allocator(testInventory(), { policy: 'best-fit' });
  const total = h200Free(a);
  placeOk(a, h200('slice', '1g.18gb'));
  assert.equal(h200Free(a), total - 1, 'a partitioned accelerator is not free for whole use');
  // Ask for every remaining whole accelerator of both H200 servers: 15 fit, 16 do not.
  const all = a.place({ owner: 'whole', project: 'p1', acceleratorType: 'nvidia-h200', zone: 't-1b', count: 2, unit: 'servers', scope: 'zone' });
  assert.equal(all.ok, false);
  const seven = a.place({ owner: 'seven', project: 'p1', acceleratorType: 'nvidia-h200', zone: 't-1b', count: 7, unit: 'accelerators', scope: 'server' });
  assert.ok(seven.ok);
  const sliced = a.holdings('slice')!.slices![0]!.acceleratorId;
  if (seven.ok) {
    a.commit('seven', seven);
    assert.ok(!seven.servers.flatMap((s) => s.acceleratorIds).includes(sliced));
  }
  const cap = a.capacity({ acceleratorType: 'nvidia-h200' }).zones[0]!.servers.find((s) => s.partitioned);
  assert.equal(cap?.partitioned, 1);
  assert.equal(cap?.freeSliceUnits, 7);
  assert.ok(a.checkInvariants(new Set(a.owners())).ok);
});

test('releasing the last slice makes the accelerator whole again', () => {
  const a = new Allocator(testInventory(), { policy: 'fgd' });
  const total = h200Free(a);
  placeOk(a, h200('x', '2g.35gb'));
  placeOk(a, h200('y', '2g.35gb'));
  const acc = (o: string) => a.holdings(o)!.slices![0]!.acceleratorId;
  assert.equal(acc('x'), acc('y'), 'fgd packs the second instance beside the first');
  a.release('x');
  assert.equal(h200Free(a), total - 1);
  a.release('y');
  assert.equal(h200Free(a), total);
  assert.deepEqual(a.owners(), []);
  assert.ok(a.checkInvariants(new Set()).ok);
});

test('count > 1 of a profile spans accelerators of one server', () => {
  const a = new Allocator(testInventory(), { policy: 'best-fit' });
  const d = placeOk(a, npu('v', 'vir10_3c_32g', 5));
  assert.equal(d.slices!.length, 5);
  assert.equal(d.servers.length, 1);
  assert.equal(new Set(d.slices!.map((s) => s.acceleratorId)).size, 3, 'two per accelerator, packed');
  const tooMany = a.place(npu('w', 'vir10_3c_32g', 17));
  assert.equal(tooMany.ok, false);
  if (!tooMany.ok) assert.equal(tooMany.field, 'count');
});

test('unknown profiles and unpartitionable types are refused naming the field and value', () => {
  const a = new Allocator(testInventory());
  const d = a.place(h200('x', '9g.999gb'));
  assert.equal(d.ok, false);
  if (!d.ok) {
    assert.equal(d.field, 'acceleratorProfile');
    assert.match(d.message, /9g\.999gb/);
    assert.match(d.hint ?? '', /1g\.18gb/);
  }
});

test('slice holdings round-trip through rows; whole rows keep their shape', () => {
  const a = new Allocator(testInventory(), { policy: 'fgd-pack' });
  placeOk(a, h200('s1', '3g.71gb'));
  placeOk(a, h200('s2', '1g.18gb', 3));
  placeOk(a, npu('s3', 'vir05_1c_16g', 2));
  placeOk(a, { owner: 'w', project: 'p1', acceleratorType: 'nvidia-h200', zone: 't-1b', count: 4, unit: 'accelerators', scope: 'server' });
  const rows = a.owners().flatMap((o) => a.rowsFor(o));
  assert.ok(rows.filter((r) => r.owner === 'w').every((r) => r.slice === undefined && Object.keys(r).length === 3));
  const b = new Allocator(testInventory(), { policy: 'fgd-pack' });
  b.load(rows);
  assert.deepEqual(b.capacity(), a.capacity());
  for (const o of a.owners()) assert.deepEqual(b.holdings(o), a.holdings(o));
  assert.ok(b.checkInvariants(new Set(a.owners())).ok);
});

test('invariants catch a slice held twice, a slice on a whole-held accelerator and a dead owner', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  placeOk(a, h200('s1', '1g.18gb'));
  placeOk(a, { owner: 'w', project: 'p1', acceleratorType: 'nvidia-h200', zone: 't-1b', count: 1, unit: 'accelerators', scope: 'server' });
  const [slice] = a.rowsFor('s1');
  const [whole] = a.rowsFor('w');
  const b = new Allocator(testInventory());
  b.load([slice!, { ...slice!, owner: 'dup' }, whole!, { ...slice!, acceleratorId: whole!.acceleratorId, owner: 'on-whole' }]);
  const report = b.checkInvariants(new Set(['s1', 'w']));
  assert.equal(report.ok, false);
  const text = report.violations.join('\n');
  assert.match(text, /overlaps slices already held/);
  assert.match(text, /held whole by w and partitioned for on-whole/);
  assert.match(text, /on-whole holds 1 1g\.18gb partitions but is not a live resource/);
});

test('preview understands slices: later items see earlier partitions', () => {
  const a = new Allocator(testInventory(), { policy: 'best-fit' });
  const items = Array.from({ length: 16 }, (_, i) => h200(`p${i}`, '7g.141gb'));
  const r = a.preview([h200('small', '1g.18gb'), ...items]);
  assert.equal(r.results.filter((d) => d.ok).length, 16, 'the 1g takes one accelerator, so one of sixteen 7g is refused');
  assert.equal(r.results[16]!.ok, false);
  assert.deepEqual(a.owners(), [], 'preview changed nothing');
});

test('every policy places partitions without breaking invariants', () => {
  for (const policy of POLICY_NAMES) {
    const a = new Allocator(testInventory(), { policy, seed: 3 });
    const profiles = ['1g.18gb', '1g.35gb', '2g.35gb', '3g.71gb', '4g.71gb'];
    let placed = 0;
    for (let i = 0; i < 60; i++) {
      const d = a.place(h200(`o${i}`, profiles[i % profiles.length]!));
      if (d.ok) {
        a.commit(d.owner, d);
        placed++;
      }
      if (i % 7 === 3) a.release(`o${i - 2}`);
    }
    assert.ok(placed > 10, `${policy} placed ${placed}`);
    assert.ok(a.checkInvariants(new Set(a.owners())).ok, policy);
  }
});

test('a partition beside a whole accelerator held on the same server leaves that one held', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  placeOk(a, {
    owner: 'w',
    project: 'p1',
    acceleratorType: 'nvidia-h200',
    zone: 't-1b',
    count: 1,
    unit: 'accelerators',
    scope: 'server',
    cpuMilli: 1,
    memoryMib: 1,
  });
  placeOk(a, { ...h200('s', '1g.18gb'), cpuMilli: 1, memoryMib: 1 });
  a.release('s');
  assert.ok(a.checkInvariants(new Set(a.owners())).ok);
  assert.equal(h200Free(a), 15);
});

test('policies on slices: best-fit and fgd fill a partly used accelerator before breaking a whole one; first-fit takes the lowest', () => {
  for (const policy of ['best-fit', 'fgd', 'fgd-pack', 'first-fit'] as const) {
    const a = new Allocator(testInventory(), { policy });
    a.observe({ acceleratorType: 'ascend-910b', count: 1, unit: 'accelerators', scope: 'server', profile: 'vir05_1c_16g' }, 10);
    const first = placeOk(a, npu('a', 'vir05_1c_16g')).slices![0]!.acceleratorId;
    const second = placeOk(a, npu('b', 'vir05_1c_16g')).slices![0]!.acceleratorId;
    assert.equal(second, first, `${policy} packs the second vNPU beside the first`);
  }
  const r = new Allocator(testInventory(), { policy: 'random', seed: 5 });
  const spots = new Set<string>();
  for (let i = 0; i < 8; i++) spots.add(placeOk(r, npu(`r${i}`, 'vir05_1c_16g')).slices![0]!.acceleratorId);
  assert.ok(spots.size > 1, 'random spreads');
});

test('a whole request beside partitions is scored slice-aware and never takes a partitioned accelerator', () => {
  const a = new Allocator(testInventory(), { policy: 'fgd-pack' });
  for (let i = 0; i < 3; i++) placeOk(a, npu(`v${i}`, 'vir10_3c_32g'));
  const sliced = new Set(a.owners().flatMap((o) => a.holdings(o)!.slices!.map((s) => s.acceleratorId)));
  for (const [owner, count] of [
    ['w4', 4],
    ['w2', 2],
    ['w1', 1],
  ] as const) {
    const d = placeOk(a, { owner, project: 'p1', acceleratorType: 'ascend-910b', zone: 't-1a', count, unit: 'accelerators', scope: 'server' });
    assert.ok(d.servers[0]!.acceleratorIds.every((id) => !sliced.has(id)));
  }
  const h = new Allocator(testInventory(), { policy: 'fgd-pack' });
  placeOk(h, h200('m', '1g.18gb'));
  const slicedH = h.holdings('m')!.slices![0]!.acceleratorId;
  const d = placeOk(h, { owner: 'w', project: 'p1', acceleratorType: 'nvidia-h200', zone: 't-1b', count: 7, unit: 'accelerators', scope: 'server' });
  assert.ok(!d.servers[0]!.acceleratorIds.includes(slicedH));
  assert.ok(h.checkInvariants(new Set(h.owners())).ok);
  assert.ok(a.checkInvariants(new Set(a.owners())).ok);
});

test('a faulty partitioned accelerator reports its partition owners and takes no new slices', () => {
  const a = new Allocator(testInventory(), { policy: 'first-fit' });
  const id = placeOk(a, h200('m', '1g.18gb')).slices![0]!.acceleratorId;
  const report = a.markFaulty(id);
  assert.deepEqual(report.affected, [{ owner: 'm', project: 'p1', acceleratorIds: [id] }]);
  assert.notEqual(placeOk(a, h200('n', '1g.18gb')).slices![0]!.acceleratorId, id);
  assert.ok(a.health().affected.some((x) => x.owner === 'm'));
  assert.ok(a.checkInvariants(new Set(a.owners())).ok);
});
