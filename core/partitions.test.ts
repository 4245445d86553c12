import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCELERATOR_TYPES } from './accelerators.ts';
import { catalogueProblems, findProfile, PARTITION_CATALOGUE, placementMasks } from './partitions.ts';

test('every partition catalogue is sound and names a known accelerator type', () => {
  for (const [type, c] of Object.entries(PARTITION_CATALOGUE)) {
    assert.ok(ACCELERATOR_TYPES[type], `${type} is not in the accelerator catalogue`);
    assert.deepEqual(catalogueProblems(type, c), []);
  }
});

test("H200 MIG placements follow NVIDIA's table: 1g anywhere 0-6, 2g on even starts up to 4, 3g at 0 or 4, 4g and 7g at 0", () => {
  const mig = PARTITION_CATALOGUE['nvidia-h200']!;
  const starts = (name: string) => findProfile(mig, name)!.starts;
  assert.deepEqual(starts('1g.18gb'), [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(starts('2g.35gb'), [0, 2, 4]);
  assert.deepEqual(starts('3g.71gb'), [0, 4]);
  assert.deepEqual(starts('4g.71gb'), [0]);
  assert.deepEqual(starts('7g.141gb'), [0]);
  assert.deepEqual(placementMasks(mig, findProfile(mig, '3g.71gb')!), [0b1111, 0b11110000]);
  // Seven 1g instances at most: position 7 is never a 1g start.
  assert.equal(
    placementMasks(mig, findProfile(mig, '1g.18gb')!).reduce((a, m) => a | m, 0),
    0b1111111,
  );
  // Compute never exceeds the seven slices for any set of non-overlapping placements: 4g at 0 and 3g at 4.
  assert.equal(findProfile(mig, '4g.71gb')!.compute + findProfile(mig, '3g.71gb')!.compute, 7);
});

test('a catalogue with a start that runs past the last position is reported', () => {
  const bad = { kind: 'positional' as const, units: 8, source: 'test', profiles: [{ name: 'x', size: 4, compute: 1, memoryGib: 1, starts: [6] }] };
  assert.match(catalogueProblems('t', bad).join(), /start 6 runs past/);
});

test('vNPU templates are pooled AI cores with memory in proportion', () => {
  const v = PARTITION_CATALOGUE['ascend-910b']!;
  assert.equal(v.kind, 'pooled');
  for (const p of v.profiles) assert.equal(p.memoryGib / ACCELERATOR_TYPES['ascend-910b']!.memoryGib, p.size / v.units);
  assert.deepEqual(placementMasks(v, v.profiles[0]!), []);
});

test('every vNPU template name says what it holds: vir<AI cores>_<AI CPUs>c_<GB>g', () => {
  for (const type of ['ascend-910b', 'ascend-910c']) {
    const c = PARTITION_CATALOGUE[type]!;
    for (const p of c.profiles) {
      const m = /^vir(\d+)_(\d+)c_(\d+)g$/.exec(p.name);
      assert.ok(m, `${type} ${p.name} is not a template name`);
      assert.deepEqual([p.size, p.compute, p.aiCpus, p.memoryGib], [Number(m[1]), Number(m[1]), Number(m[2]), Number(m[3])], `${type} ${p.name}`);
    }
  }
});

test('the 910B has the 20-core 64 GB templates, the 910C the Atlas A3 training ones on 48 AI cores', () => {
  assert.deepEqual(
    PARTITION_CATALOGUE['ascend-910b']!.profiles.map((p) => p.name),
    ['vir05_1c_16g', 'vir10_3c_32g'],
  );
  const a3 = PARTITION_CATALOGUE['ascend-910c']!;
  assert.equal(a3.units, 48);
  assert.deepEqual(
    a3.profiles.map((p) => p.name),
    ['vir06_1c_16g', 'vir12_3c_32g'],
  );
  // Memory follows AI cores: 6 of 48 cores is 16 of the chip's 128 GB.
  for (const p of a3.profiles) assert.equal(p.memoryGib / ACCELERATOR_TYPES['ascend-910c']!.memoryGib, p.size / a3.units);
  // Both templates divide a die's 24 cores, so a pool that fits also fits two dies.
  for (const p of a3.profiles) assert.equal(24 % p.size, 0);
});

test('H200 MIG profiles carry the memory their names give, and 1g.35gb takes two memory slices at even starts', () => {
  const mig = PARTITION_CATALOGUE['nvidia-h200']!;
  for (const p of mig.profiles) {
    const m = /^(\d)g\.(\d+)gb$/.exec(p.name)!;
    assert.equal(p.compute, Number(m[1]));
    assert.equal(p.memoryGib, Number(m[2]));
  }
  const p35 = findProfile(mig, '1g.35gb')!;
  assert.deepEqual([p35.size, p35.compute, p35.starts], [2, 1, [0, 2, 4, 6]]);
  assert.equal(findProfile(mig, '1g.18gb+me'), undefined, 'the media-extension profile is not offered');
});
