import { seededRandom } from '../../controlplane/src/allocator/seeded-random.ts';
import type { OpenbPod } from './read-openb.ts';

/** Milli-GPU of one pod: its share times its GPU count, as FGD's simulator counts GPU demand. */
export function podMilli(p: OpenbPod): number {
  return p.gpus > 0 ? p.gpuMilli * p.gpus : 0;
}

/**
 * The arrival sequence of FGD's simulator (the paper's artefact, `--shuffle-pod=true -tune 1.3`): every pod
 * of the trace, CPU-only ones included, in a seeded random order; then pods drawn uniformly from the trace
 * (CPU-only ones included) are appended while total GPU demand stays within `ratio` x capacity. The
 * simulator stops at the first draw that would pass the target, so the stream ends just under it.
 */
export function fgdArrivals(pods: readonly OpenbPod[], capacityMilli: number, ratio: number, seed: number): OpenbPod[] {
  const rng = seededRandom(seed * 7919 + 17);
  const out = [...pods];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  let demand = out.reduce((a, p) => a + podMilli(p), 0);
  const target = ratio * capacityMilli;
  if (pods.length === 0 || pods.every((p) => podMilli(p) === 0)) return out;
  for (;;) {
    const p = pods[Math.floor(rng() * pods.length)]!;
    if (demand + podMilli(p) > target) break;
    demand += podMilli(p);
    out.push(p);
  }
  return out;
}

/**
 * The earlier arrival sequence, kept for comparison (`--order trace`): GPU pods in trace order, then
 * drawn with the seed until GPU demand passes `ratio` x capacity; CPU-only pods are left out.
 */
export function traceOrderArrivals(pods: readonly OpenbPod[], capacityMilli: number, ratio: number, seed: number): OpenbPod[] {
  const rng = seededRandom(seed * 7919 + 17);
  const gpuPods = pods.filter((p) => p.gpus > 0);
  const out: OpenbPod[] = [];
  let demand = 0;
  for (let i = 0; demand < ratio * capacityMilli && gpuPods.length; i++) {
    const p = i < gpuPods.length ? gpuPods[i]! : gpuPods[Math.floor(rng() * gpuPods.length)]!;
    demand += podMilli(p);
    out.push(p);
  }
  return out;
}
