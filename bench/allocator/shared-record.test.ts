import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SharedInfo, SharedResult } from './mode-a-shared.ts';
import { PUBLISHED_BY_VARIANT } from './published-fgd.ts';
import { earlierSection, variantRecord } from './shared-record.ts';

const info: SharedInfo = {
  servers: 1,
  gpus: 8,
  gpuPods: 2,
  sharedGpuPods: 1,
  cpuPods: 0,
  traceDemandPercent: 50,
  constrainedGpuPods: 1,
  constrainedDemandPercent: 10,
  byModel: true,
};

function result(policy: SharedResult['policy'], at100: number[], at130: number[]): SharedResult {
  const perSeed = at100.map((x, i) => ({ seed: i + 1, allocationRatio100: x, allocationRatio130: at130[i]!, fragmentation90: 5, sharedPlaced: 1 }));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    policy,
    allocationRatio100: mean(at100),
    allocationRatio130: mean(at130),
    fragmentation90: 5,
    sharedPlaced: 2,
    sharedArrived: 2,
    cpuPlaced: 0,
    cpuArrived: 0,
    acceptance: 1,
    p50Ms: 0.1,
    p99Ms: 0.2,
    perSeed,
    sd100: 0,
    sd130: 0,
  };
}

test("a variant's record carries its own seeds and the differences to the published figures of that variant", () => {
  const rec = variantRecord({ trace: 'openb_pod_list_gpuspec33.csv', seeds: 2, order: 'fgd', shipped: 'fgd-pack' }, info, [
    result('best-fit', [80, 81], [93, 93]),
    result('fgd-pack', [88, 88.5], [94.5, 94.4]),
  ]) as {
    seeds: number;
    published: { FGD: { allocationRatio100: number } };
    goals: { gapToPublishedFgd100: number; aheadOfPublishedFgd130: boolean };
    policies: Record<string, { minusPublishedFgd100: number; minusPublishedBestFit130: number; minusBestFit100?: { mean: number } }>;
  };
  const pub = PUBLISHED_BY_VARIANT.gpuspec33!.allocationRatio;
  assert.equal(rec.seeds, 2);
  assert.equal(rec.published.FGD.allocationRatio100, pub.FGD![0]);
  assert.equal(rec.policies['fgd-pack']!.minusPublishedFgd100, Math.round((88.25 - pub.FGD![0]) * 1000) / 1000);
  assert.equal(rec.policies['best-fit']!.minusPublishedBestFit130, Math.round((93 - pub.BestFit![1]) * 1000) / 1000);
  assert.equal(rec.goals.gapToPublishedFgd100, rec.policies['fgd-pack']!.minusPublishedFgd100);
  assert.equal(rec.goals.aheadOfPublishedFgd130, 94.45 > pub.FGD![1]);
  assert.equal(rec.policies['fgd-pack']!.minusBestFit100!.mean, 7.75);
  assert.equal(rec.policies['best-fit']!.minusBestFit100, undefined);
});

test('variants an older results file recorded keep its seeds and gain the published differences', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shared-record-'));
  try {
    const path = join(dir, 'allocator.json');
    const older = {
      modeAShared: {
        seeds: 10,
        order: 'fgd',
        variants: { default: { policies: { 'fgd-pack': { allocationRatio100: 95.45, allocationRatio130: 95.58 } } } },
        speed: { x: 1 },
      },
    };
    writeFileSync(path, JSON.stringify(older));
    const s = earlierSection(path);
    const d = s.variants.default as { seeds: number; order: string; policies: Record<string, { minusPublishedFgd100: number }> };
    assert.equal(d.seeds, 10);
    assert.equal(d.order, 'fgd');
    assert.equal(d.policies['fgd-pack']!.minusPublishedFgd100, 0.22);
    assert.deepEqual(s.speed, { x: 1 });
    assert.deepEqual(earlierSection(join(dir, 'missing.json')), { variants: {} });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
