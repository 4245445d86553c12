import type { OpenbPod } from './read-openb.ts';

/** One arrival of mode B, labelled by where it comes from. */
export type StreamItem =
  | { source: 'openb'; npus: number; duration: number }
  | { source: 'synthetic-gang'; npus: number; duration: number }
  | { source: 'synthetic-endpoint'; npus: number; replicas: number; perReplica: number; duration: number };

/** Share of arrived NPU demand per source. */
export const DEMAND_SHARE = { openb: 0.4, 'synthetic-gang': 0.45, 'synthetic-endpoint': 0.15 } as const;

/**
 * Mode B's workload: the openb GPU pods in trace order (as NPU requests within one server) mixed with a
 * labelled synthetic stream of supernode-scale gangs (16 to 320 NPUs, log-uniform, whole servers in one
 * supernode) and multi-replica endpoints (2 to 4 replicas of 8 or 16 NPUs in a spread cluster). Durations
 * have mean 1: openb pods keep the trace's heavy-tailed run times (rescaled), gangs are exponential,
 * endpoints live four times longer.
 */
export function* syntheticStream(pods: readonly OpenbPod[], rng: () => number): Generator<StreamItem> {
  const gpuPods = pods.filter((p) => p.gpus > 0);
  const durations = gpuPods.map((p) => Math.max(1, p.duration ?? 1));
  const meanDuration = durations.reduce((a, b) => a + b, 0) / durations.length;
  const meanPod = gpuPods.reduce((a, p) => a + p.gpus, 0) / gpuPods.length;
  const logMin = Math.log(16);
  const logMax = Math.log(320);
  const meanGang = (320 - 16) / (logMax - logMin);
  const meanEndpoint = 3 * 12;
  // Arrival odds so each source carries its share of NPU demand.
  const odds = [DEMAND_SHARE.openb / meanPod, DEMAND_SHARE['synthetic-gang'] / meanGang, DEMAND_SHARE['synthetic-endpoint'] / meanEndpoint];
  const total = odds[0]! + odds[1]! + odds[2]!;
  let next = 0;
  for (;;) {
    const u = rng() * total;
    if (u < odds[0]!) {
      const i = next < gpuPods.length ? next++ : Math.floor(rng() * gpuPods.length);
      yield { source: 'openb', npus: gpuPods[i]!.gpus, duration: durations[i]! / meanDuration };
    } else if (u < odds[0]! + odds[1]!) {
      const size = Math.exp(logMin + rng() * (logMax - logMin));
      const npus = Math.min(320, Math.max(16, Math.round(size / 8) * 8));
      yield { source: 'synthetic-gang', npus, duration: -Math.log(1 - rng()) };
    } else {
      const replicas = 2 + Math.floor(rng() * 3);
      const perReplica = rng() < 0.5 ? 8 : 16;
      yield { source: 'synthetic-endpoint', npus: replicas * perReplica, replicas, perReplica, duration: -4 * Math.log(1 - rng()) };
    }
  }
}
