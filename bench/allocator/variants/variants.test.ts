import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Allocator } from '../../../controlplane/src/allocator/allocator.ts';
import { seededRandom } from '../../../controlplane/src/allocator/seeded-random.ts';
import { Topology } from '../../../controlplane/src/allocator/topology.ts';
import { cloudMatrixRegion } from '../cloudmatrix-region.ts';
import { dynamicRun, modeBSetting } from '../mode-b.ts';
import type { OpenbPod } from '../read-openb.ts';
import { runStreamItem } from '../run-stream-item.ts';
import { syntheticStream } from '../synthetic-stream.ts';
import { LifetimeOracle } from './lifetime-aligned.ts';
import { measureVariant } from './measure.ts';
import { BASELINE, findVariant, VARIANTS } from './registry.ts';

const pods: OpenbPod[] = [1, 1, 2, 4, 8, 1, 2].map((gpus, i) => ({
  name: `p${i}`,
  cpuMilli: 1000,
  memoryMib: 1024,
  gpus,
  gpuMilli: 1000,
  duration: 10 + 90 * i,
}));

test("every variant keeps the allocator's invariants through arrivals and departures on a small region", () => {
  const topo = new Topology(cloudMatrixRegion(3));
  for (const variant of VARIANTS) {
    const oracle = new LifetimeOracle(topo);
    const a = new Allocator(topo, { policy: variant.make(oracle), learn: 'manual' });
    const rng = seededRandom(5);
    const live: string[] = [];
    let placed = 0;
    let n = 0;
    for (const item of syntheticStream(pods, seededRandom(9))) {
      if (n >= 600) break;
      if (live.length > 0 && rng() < 0.45) {
        const owner = live.splice(Math.floor(rng() * live.length), 1)[0]!;
        a.release(owner);
        oracle.departed(owner);
      }
      const owner = `r${n++}`;
      oracle.arrive(n, n + 50 * item.duration);
      if (runStreamItem(a, owner, item)) {
        placed++;
        live.push(owner);
        oracle.placed(owner, a.holdings(owner)!.supernodes);
      }
      if (n % 50 === 0) {
        const owners = new Set(live.flatMap((o) => [o, `${o}/endpoint`]));
        const report = a.checkInvariants(owners);
        assert.ok(report.ok, `${variant.name}: ${report.violations.join('; ')}`);
      }
    }
    assert.ok(placed > 100, `${variant.name} placed only ${placed}`);
  }
});

test('a variant runs on the very streams mode B gives its policies', () => {
  const { topo, capacity, modalGangNpus, rate } = modeBSetting(pods);
  const direct = dynamicRun(topo, pods, 'best-fit', 2, capacity, modalGangNpus, rate, 3000);
  const viaVariant = measureVariant(pods, BASELINE.name, 2, 3000);
  assert.equal(viaVariant.npuAcceptance, 100 * direct.npuAcceptance);
  assert.equal(findVariant('no-such-variant'), undefined);
  assert.throws(() => measureVariant(pods, 'no-such-variant', 1, 10), /unknown variant no-such-variant/);
});

test("the lifetime oracle says how far an arrival would push back a supernode's last departure", () => {
  const topo = new Topology(cloudMatrixRegion(2));
  const oracle = new LifetimeOracle(topo);
  oracle.arrive(0, 10);
  oracle.placed('a', [topo.blockName[0]!]);
  oracle.arrive(1, 4);
  assert.equal(oracle.extension(0), 0, 'it leaves before a does');
  assert.equal(oracle.extension(1), 3, 'an empty supernode empties when it leaves');
  oracle.arrive(2, 15);
  assert.equal(oracle.extension(0), 5);
  oracle.departed('a');
  assert.equal(oracle.extension(0), 13);
});
