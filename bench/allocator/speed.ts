import type { PolicyName } from '../../controlplane/src/allocator/policy.ts';
import { Topology } from '../../controlplane/src/allocator/topology.ts';
import { cloudMatrixRegion } from './cloudmatrix-region.ts';
import type { OpenbPod } from './read-openb.ts';
import { percentile } from './stats.ts';
import { runSteadyStream } from './steady-stream.ts';

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
  const results: SpeedResult[] = [];
  for (const policy of policies) {
    const { latencies, timedArrivals, elapsedMs } = runSteadyStream(topo, pods, policy, arrivals);
    const total = latencies.reduce((x, y) => x + y, 0);
    latencies.sort((x, y) => x - y);
    results.push({
      policy,
      supernodes,
      npus: topo.acceleratorCount,
      decisions: latencies.length,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies[latencies.length - 1]!,
      decisionsPerSecond: latencies.length / (total / 1000),
      arrivalsPerSecond: timedArrivals / (elapsedMs / 1000),
    });
  }
  return results;
}
