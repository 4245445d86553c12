import { performance } from 'node:perf_hooks';
import { Allocator } from '../../controlplane/src/allocator/allocator.ts';
import type { PolicyName } from '../../controlplane/src/allocator/policy.ts';
import { seededRandom } from '../../controlplane/src/allocator/seeded-random.ts';
import type { Topology } from '../../controlplane/src/allocator/topology.ts';
import { MinHeap } from './min-heap.ts';
import type { OpenbPod } from './read-openb.ts';
import { runStreamItem } from './run-stream-item.ts';
import { mean } from './stats.ts';
import { syntheticStream, type StreamItem } from './synthetic-stream.ts';

/**
 * Handles one arrival itself (returning whether it now holds something that departs), or returns
 * undefined to leave it to the ordinary mode-B handling. `timed` collects decision times after warm-up.
 */
export type ArrivalHook = (a: Allocator, owner: string, item: StreamItem, timed: number[] | undefined, cpuTimed: number[] | undefined) => boolean | undefined;

/**
 * The timing loop of the speed runs: the mode-B stream at 110% offered load with departures on
 * `topo`, one policy, `arrivals` arrivals; decisions after the first third (warm-up) are timed, in
 * wall-clock time and, with `cpu`, also in process CPU time (`cpuLatencies`).
 */
export function runSteadyStream(
  topo: Topology,
  pods: readonly OpenbPod[],
  policy: PolicyName,
  arrivals: number,
  hook?: ArrivalHook,
  cpu = false,
): { latencies: number[]; cpuLatencies: number[]; timedArrivals: number; elapsedMs: number } {
  const sampleStream = syntheticStream(pods, seededRandom(4242));
  const sample = Array.from({ length: 50_000 }, () => sampleStream.next().value!);
  const rate = (1.1 * topo.acceleratorCount) / mean(sample.map((it) => it.npus * it.duration));
  const a = new Allocator(topo, { policy, seed: 1, learn: 'manual' });
  const rng = seededRandom(99);
  const stream = syntheticStream(pods, seededRandom(1234));
  const departures = new MinHeap<string>();
  const warmup = Math.floor(arrivals / 3);
  const latencies: number[] = [];
  const cpuLatencies: number[] = [];
  let now = 0;
  let started = 0;
  for (let n = 0; n < arrivals; n++) {
    if (n === warmup) started = performance.now();
    const item = stream.next().value!;
    now -= Math.log(1 - rng()) / rate;
    while (departures.peekKey() <= now) a.release(departures.pop()!);
    const owner = `r${n}`;
    const timed = n >= warmup ? latencies : undefined;
    const cpuTimed = cpu && timed ? cpuLatencies : undefined;
    const held = hook?.(a, owner, item, timed, cpuTimed) ?? runStreamItem(a, owner, item, timed, 'supernode', cpuTimed);
    if (held) departures.push(now + item.duration, owner);
  }
  return { latencies, cpuLatencies, timedArrivals: arrivals - warmup, elapsedMs: performance.now() - started };
}
