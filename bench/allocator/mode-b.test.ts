import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runModeB } from './mode-b.ts';
import type { OpenbPod } from './read-openb.ts';

const pods: OpenbPod[] = [1, 1, 2, 4, 8, 1, 2].map((gpus, i) => ({
  name: `p${i}`,
  cpuMilli: 1000,
  memoryMib: 1024,
  gpus,
  gpuMilli: 1000,
  duration: 10 + 90 * i,
}));

test('mode B runs every policy on the same dynamic streams, one result per stream', () => {
  const { info, results } = runModeB(pods, ['best-fit', 'random'], 1, 3000, 3);
  assert.equal(info.dynamicSeeds, 3);
  for (const r of results) {
    assert.deepEqual(
      r.dynamicPerSeed.map((d) => d.seed),
      [1, 2, 3],
    );
    for (const d of r.dynamicPerSeed) assert.ok(d.npuAcceptance > 0 && d.npuAcceptance <= 100);
    const m = r.dynamicPerSeed.reduce((a, d) => a + d.npuAcceptance, 0) / 3;
    assert.ok(Math.abs(100 * r.npuAcceptance - m) < 1e-9, 'the headline is the mean over streams');
  }
  // Streams differ, so the seeds are not copies of one another.
  const bf = results[0]!.dynamicPerSeed.map((d) => d.npuAcceptance);
  assert.notEqual(new Set(bf).size, 1);
});

test('the pooled bound lets gangs span supernodes, so on a busy stream it accepts more gang demand than best-fit', () => {
  // Gangs of 16-320 NPUs on a region of 16 supernodes: when one supernode cannot take a gang, the
  // pooled run can still place it across several, so on a busy stream it accepts more.
  const { info, results } = runModeB(pods, ['best-fit'], 1, 4000, 2);
  assert.equal(info.pooledBound.length, 2);
  const bf = results[0]!.dynamicPerSeed;
  const pooledGangs = info.pooledBound.reduce((a, d) => a + d.gangAcceptance, 0);
  const bfGangs = bf.reduce((a, d) => a + d.gangAcceptance, 0);
  assert.ok(pooledGangs > bfGangs, `pooled ${pooledGangs} against best-fit ${bfGangs}`);
});
