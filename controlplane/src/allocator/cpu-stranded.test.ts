import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PartitionCatalogue } from '../../../core/index.ts';
import { CPU_STRAND_WEIGHT, cpuPerAccelerator, cpuStranded, hostOnlyMeasure } from './cpu-stranded.ts';
import { rankKind, sliceFragment, type SliceView } from './slice-fragment.ts';
import type { SliceClass } from './slice-workload.ts';

const pooled: PartitionCatalogue = { kind: 'pooled', units: 1000, source: 'test', profiles: [{ name: 'm500', size: 500, compute: 500, memoryGib: 0 }] };

const whole = (count: number, cpu: number, p: number): SliceClass => ({ whole: count, units: 0, masks: [], cpu, mem: 0, p });
const share = (units: number, cpu: number, p: number): SliceClass => ({ whole: 0, units, masks: [], cpu, mem: 0, p });
/** FGD's no-access class: asks no accelerator and more CPU than any server has. */
const noAccess = (p: number): SliceClass => ({ whole: 0, units: 0, masks: [], cpu: Number.MAX_SAFE_INTEGER, mem: 0, p });

function view(free: number[], cpu: number): SliceView {
  const v: SliceView = { free: new Int32Array(32), taken: new Uint32Array(32), count: free.length, cpu, mem: 1e9 };
  free.forEach((f, i) => (v.free[i] = f));
  return v;
}

test('the CPU per accelerator weighs classes by frequency and accelerators, and leaves out classes that ask for none', () => {
  // 1 GPU with 10 cores (p 0.5), half a GPU with 4 cores (p 0.5): 7 cores over 0.75 GPU.
  const classes = [whole(1, 10_000, 0.5), share(500, 4_000, 0.5)];
  assert.equal(cpuPerAccelerator(classes, pooled), 7_000 / 0.75);
  assert.equal(cpuPerAccelerator([...classes, noAccess(0.2)], pooled), 7_000 / 0.75);
  assert.equal(cpuPerAccelerator([noAccess(1)], pooled), 0);
});

test('free accelerators count as stranded beyond what the free CPU can feed', () => {
  const classes = [whole(1, 10_000, 1)];
  assert.equal(cpuStranded(classes, pooled, view([1000, 1000, 0], 10_000)), 1);
  assert.equal(cpuStranded(classes, pooled, view([1000, 500], 5_000)), 1);
  assert.equal(cpuStranded(classes, pooled, view([1000, 1000], 40_000)), 0);
  assert.equal(cpuStranded(classes, pooled, view([0, 0], 0)), 0);
  assert.equal(cpuStranded([noAccess(1)], pooled, view([1000], 0)), 0);
});

test('only fgd-pack-cpu adds the stranded accelerators to the measure for host-only pieces; both packing policies rank alike', () => {
  const classes = [whole(1, 10_000, 0.6), share(500, 4_000, 0.4)];
  const v = view([1000, 1000, 1000], 12_000);
  const frag = sliceFragment(classes, pooled, v);
  assert.equal(hostOnlyMeasure('fgd-pack', classes, pooled, v), frag);
  assert.equal(hostOnlyMeasure('fgd', classes, pooled, v), frag);
  const stranded = cpuStranded(classes, pooled, v);
  assert.ok(stranded > 0);
  assert.equal(hostOnlyMeasure('fgd-pack-cpu', classes, pooled, v), frag + CPU_STRAND_WEIGHT * stranded);
  assert.equal(rankKind('fgd-pack-cpu'), 'fgd-pack');
  assert.equal(rankKind('fgd'), 'fgd');
});
