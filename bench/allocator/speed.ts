import { performance } from 'node:perf_hooks';
import { Allocator } from '../../controlplane/src/allocator/allocator.ts';
import type { PolicyName } from '../../controlplane/src/allocator/policy.ts';
import { seededRandom } from '../../controlplane/src/allocator/seeded-random.ts';
import { Topology } from '../../controlplane/src/allocator/topology.ts';
import { cloudMatrixRegion } from './cloudmatrix-region.ts';
import { MinHeap } from './min-heap.ts';
import type { OpenbPod } from './read-openb.ts';
import { runStreamItem } from './run-stream-item.ts';
import { mean, percentile } from './stats.ts';
import { syntheticStream } from './synthetic-stream.ts';

export interface SpeedResult {
  policy: PolicyName;
  supernodes: number;
  npus: number;
  decisions: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Decisions per second of time spent deciding. */
  decisionsPerSecond: number;
  /** Arrivals per second including commits, releases and the benchmark's own bookkeeping. */
  arrivalsPerSecond: number;
}

/**
 * Placement speed on a large region (100 CloudMatrix384 supernodes, 38,400 NPUs) in steady state: the
 * mode-B stream at 110% offered load with departures; only decisions after a warm-up are timed.
 */
export function runSpeed(pods: readonly OpenbPod[], policies: readonly PolicyName[], supernodes: number, arrivals: number): SpeedResult[] {
  const topo = new Topology(cloudMatrixRegion(supernodes));
  const capacity = topo.acceleratorCount;
  const sampleStream = syntheticStream(pods, seededRandom(4242));
  const sample = Array.from({ length: 50_000 }, () => sampleStream.next().value!);
  const rate = (1.1 * capacity) / mean(sample.map((it) => it.npus * it.duration));
  const results: SpeedResult[] = [];
  for (const policy of policies) {
    const a = new Allocator(topo, { policy, seed: 1, learn: 'manual' });
    const rng = seededRandom(99);
    const stream = syntheticStream(pods, seededRandom(1234));
    const departures = new MinHeap<string>();
    const warmup = Math.floor(arrivals / 3);
    const latencies: number[] = [];
    let now = 0;
    let started = 0;
    for (let n = 0; n < arrivals; n++) {
      if (n === warmup) started = performance.now();
      const item = stream.next().value!;
      now -= Math.log(1 - rng()) / rate;
      while (departures.peekKey() <= now) a.release(departures.pop()!);
      const owner = `r${n}`;
      if (runStreamItem(a, owner, item, n >= warmup ? latencies : undefined)) departures.push(now + item.duration, owner);
    }
    const elapsed = performance.now() - started;
    const total = latencies.reduce((x, y) => x + y, 0);
    latencies.sort((x, y) => x - y);
    results.push({
      policy, supernodes, npus: capacity, decisions: latencies.length,
      p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: latencies[latencies.length - 1]!,
      decisionsPerSecond: latencies.length / (total / 1000),
      arrivalsPerSecond: (arrivals - warmup) / (elapsed / 1000),
    });
  }
  return results;
}
