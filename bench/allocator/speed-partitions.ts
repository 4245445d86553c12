import { performance } from 'node:perf_hooks';
import { PARTITION_CATALOGUE } from '../../core/index.ts';
import type { PolicyName } from '../../controlplane/src/allocator/policy.ts';
import { Topology } from '../../controlplane/src/allocator/topology.ts';
import { CM_ZONE, cloudMatrixRegion } from './cloudmatrix-region.ts';
import type { OpenbPod } from './read-openb.ts';
import { percentile } from './stats.ts';
import { cpuMs } from './run-stream-item.ts';
import { runSteadyStream } from './steady-stream.ts';

export interface PartitionSpeedResult {
  policy: PolicyName;
  supernodes: number;
  npus: number;
  decisions: number;
  partitionDecisions: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The same decisions in process CPU time: what the decisions cost, without waits for a core. */
  cpuP50Ms: number;
  cpuP99Ms: number;
}

/** The smallest 910C vNPU template that covers a GPU share, or undefined for a whole NPU. */
export function templateFor(milli: number): string | undefined {
  const c = PARTITION_CATALOGUE['ascend-910c']!;
  const cores = (milli / 1000) * c.units;
  return c.profiles.find((p) => p.size >= cores)?.name;
}

/**
 * Placement speed with partitions on 100 CloudMatrix384 supernodes: the mode-B stream (openb pods,
 * supernode gangs, endpoints) at 110% offered load with departures, where an openb pod that shares a
 * GPU asks for the smallest 910C vNPU template covering its share. Decisions after a warm-up are timed.
 */
export function runPartitionSpeed(pods: readonly OpenbPod[], policies: readonly PolicyName[], supernodes: number, arrivals: number): PartitionSpeedResult[] {
  const topo = new Topology(cloudMatrixRegion(supernodes));
  const gpuPods = pods.filter((p) => p.gpus > 0);
  const results: PartitionSpeedResult[] = [];
  for (const policy of policies) {
    let partitionDecisions = 0;
    let next = 0;
    const { latencies, cpuLatencies } = runSteadyStream(
      topo,
      pods,
      policy,
      arrivals,
      (a, owner, item, timed, cpuTimed) => {
        if (item.source !== 'openb') return undefined;
        const pod = gpuPods[next++ % gpuPods.length]!;
        const profile = pod.gpuMilli < 1000 ? templateFor(pod.gpuMilli) : undefined;
        if (!profile) return undefined;
        const r = {
          owner,
          project: 'bench',
          acceleratorType: 'ascend-910c',
          zone: CM_ZONE,
          count: 1,
          unit: 'accelerators' as const,
          scope: 'server' as const,
          profile,
        };
        a.observe(r);
        const c0 = cpuMs();
        const t0 = performance.now();
        const d = a.place(r);
        if (timed) {
          timed.push(performance.now() - t0);
          partitionDecisions++;
        }
        if (cpuTimed) cpuTimed.push(cpuMs() - c0);
        if (d.ok) a.commit(owner, d);
        return d.ok;
      },
      true,
    );
    latencies.sort((x, y) => x - y);
    cpuLatencies.sort((x, y) => x - y);
    results.push({
      policy,
      supernodes,
      npus: topo.acceleratorCount,
      decisions: latencies.length,
      partitionDecisions,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies[latencies.length - 1]!,
      cpuP50Ms: percentile(cpuLatencies, 50),
      cpuP99Ms: percentile(cpuLatencies, 99),
    });
  }
  return results;
}
