import { Allocator } from '../../controlplane/src/allocator/allocator.ts';
import type { Policy, PolicyName } from '../../controlplane/src/allocator/policy.ts';
import { seededRandom } from '../../controlplane/src/allocator/seeded-random.ts';
import { Topology } from '../../controlplane/src/allocator/topology.ts';
import { cloudMatrixRegion } from './cloudmatrix-region.ts';
import type { CurvePoint } from './mode-a.ts';
import { MinHeap } from './min-heap.ts';
import type { OpenbPod } from './read-openb.ts';
import { runStreamItem } from './run-stream-item.ts';
import type { LifetimeOracle } from './variants/lifetime-aligned.ts';
import { mean, percentile } from './stats.ts';
import { syntheticStream, type StreamItem } from './synthetic-stream.ts';

export interface ModeBResult {
  policy: PolicyName;
  allocationRatio100: number;
  allocationRatio130: number;
  /** Stranded NPUs (see `strandedDefinition`) at 90% arrived demand, in % of NPUs. */
  fragmentation90: number;
  /** Dynamic run: requests placed over requests arrived, overall and per source. */
  acceptance: number;
  acceptanceBySource: Record<StreamItem['source'], number>;
  /** Dynamic run: NPU demand placed over NPU demand arrived. */
  npuAcceptance: number;
  utilisation: number;
  strandedNpus: number;
  largestFreeBlockPerSupernode: number[];
  p50Ms: number;
  p99Ms: number;
  curve: CurvePoint[];
  /** The dynamic figures of each seed, so policies can be compared seed by seed on the same stream. */
  dynamicPerSeed: DynamicSeed[];
}

/** One dynamic run's headline figures, in %. */
export interface DynamicSeed {
  seed: number;
  npuAcceptance: number;
  gangAcceptance: number;
  utilisation: number;
}

export interface ModeBInfo {
  supernodes: number;
  npus: number;
  modalGangNpus: number;
  offeredLoad: number;
  dynamicArrivals: number;
  dynamicSeeds: number;
  strandedDefinition: string;
  /**
   * Best-fit on the same dynamic streams with gangs allowed to span supernodes: no placement policy under
   * the one-supernode rule can be expected to reach it, so it says how much there is to win at all.
   */
  pooledBound: DynamicSeed[];
}

const SUPERNODES = 16;

/** Mode B's region and arrival rate, shared by the policy comparison and the variants. */
export function modeBSetting(pods: readonly OpenbPod[]) {
  const topo = new Topology(cloudMatrixRegion(SUPERNODES));
  const capacity = topo.acceleratorCount;
  const sample = takeItems(syntheticStream(pods, seededRandom(4242)), 50_000);
  const gangCounts = new Map<number, number>();
  for (const it of sample) if (it.source === 'synthetic-gang') gangCounts.set(it.npus, (gangCounts.get(it.npus) ?? 0) + 1);
  const modalGangNpus = [...gangCounts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const meanWork = mean(sample.map((it) => it.npus * it.duration));
  const offeredLoad = 1.1;
  return { topo, capacity, modalGangNpus, offeredLoad, rate: (offeredLoad * capacity) / meanWork };
}

/**
 * Mode B, the project's own topology: a CloudMatrix384 region (16 supernodes, 6,144 NPUs) under the
 * openb stream plus synthetic gangs and endpoints. A fill run (no departures, to 130% arrived demand)
 * gives allocation ratios; dynamic runs (Poisson arrivals at 110% offered load, departures) give
 * acceptance, time-weighted utilisation, stranded NPUs and the largest free block per supernode. The
 * dynamic runs are averaged over `dynamicSeeds` streams, because the streams differ far more from one
 * another than the policies do; every policy sees the same streams, so differences are paired.
 */
export function runModeB(
  pods: readonly OpenbPod[],
  policies: readonly PolicyName[],
  seeds: number,
  dynamicArrivals: number,
  dynamicSeeds: number,
): { info: ModeBInfo; results: ModeBResult[] } {
  const { topo, capacity, modalGangNpus, offeredLoad, rate } = modeBSetting(pods);
  const info: ModeBInfo = {
    pooledBound: [],
    supernodes: SUPERNODES,
    npus: capacity,
    modalGangNpus,
    offeredLoad,
    dynamicArrivals,
    dynamicSeeds,
    strandedDefinition: `free NPUs in supernodes with fewer whole free servers than the modal gang (${modalGangNpus} NPUs = ${modalGangNpus / 8} servers) needs`,
  };
  info.pooledBound = Array.from({ length: dynamicSeeds }, (_, i) => {
    const d = dynamicRun(topo, pods, 'best-fit', i + 1, capacity, modalGangNpus, rate, dynamicArrivals, { gangScope: 'zone' });
    return dynamicSeedFigures(i + 1, d);
  });
  const results: ModeBResult[] = [];
  for (const policy of policies) {
    const fills = Array.from({ length: seeds }, (_, i) => fillRun(topo, pods, policy, i + 1, capacity, modalGangNpus));
    const dyns = Array.from({ length: dynamicSeeds }, (_, i) => dynamicRun(topo, pods, policy, i + 1, capacity, modalGangNpus, rate, dynamicArrivals));
    const avg = (pick: (d: (typeof dyns)[number]) => number) => mean(dyns.map(pick));
    const sources = Object.keys(dyns[0]!.acceptanceBySource) as StreamItem['source'][];
    results.push({
      policy,
      allocationRatio100: mean(fills.map((f) => f.curve[100]!)),
      allocationRatio130: mean(fills.map((f) => f.curve[130]!)),
      fragmentation90: mean(fills.map((f) => f.stranded90)),
      acceptance: avg((d) => d.acceptance),
      acceptanceBySource: Object.fromEntries(sources.map((k) => [k, avg((d) => d.acceptanceBySource[k])])) as Record<StreamItem['source'], number>,
      npuAcceptance: avg((d) => d.npuAcceptance),
      utilisation: avg((d) => d.utilisation),
      strandedNpus: avg((d) => d.strandedNpus),
      largestFreeBlockPerSupernode: dyns[0]!.largestFreeBlockPerSupernode.map((_, i) => avg((d) => d.largestFreeBlockPerSupernode[i]!)),
      // Latency percentiles of the first stream; the speed run is the one that measures latency.
      p50Ms: dyns[0]!.p50Ms,
      p99Ms: dyns[0]!.p99Ms,
      dynamicPerSeed: dyns.map((d, i) => dynamicSeedFigures(i + 1, d)),
      curve: fills[0]!.curve.map((_, i) => ({ arrived: i, allocated: mean(fills.map((f) => f.curve[i]!)) })),
    });
  }
  return { info, results };
}

function dynamicSeedFigures(seed: number, d: ReturnType<typeof dynamicRun>): DynamicSeed {
  return { seed, npuAcceptance: 100 * d.npuAcceptance, gangAcceptance: 100 * d.acceptanceBySource['synthetic-gang'], utilisation: 100 * d.utilisation };
}

function takeItems(gen: Generator<StreamItem>, n: number): StreamItem[] {
  const out: StreamItem[] = [];
  for (const it of gen) {
    out.push(it);
    if (out.length >= n) break;
  }
  return out;
}

/** Free NPUs stranded for the modal gang, and the largest free block of each supernode. */
function topologyState(a: Allocator, modalGangNpus: number): { stranded: number; largest: number[] } {
  const zone = a.capacity().zones[0]!;
  const servers = modalGangNpus / 8;
  let stranded = 0;
  for (const sn of zone.supernodes) if (sn.wholeServersFree < servers) stranded += sn.free;
  return { stranded, largest: zone.supernodes.map((sn) => sn.largestFreeBlock) };
}

export function fillRun(topo: Topology, pods: readonly OpenbPod[], policy: PolicyName, seed: number, capacity: number, modalGangNpus: number) {
  const a = new Allocator(topo, { policy, seed, learn: 'manual' });
  const stream = syntheticStream(pods, seededRandom(seed * 31 + 7));
  const curve: number[] = [0];
  let arrived = 0;
  let allocated = 0;
  let stranded90 = NaN;
  let n = 0;
  for (const item of stream) {
    const before = arrived;
    arrived += item.npus;
    if (runStreamItem(a, `r${n++}`, item)) allocated += item.npus;
    if (before < 0.9 * capacity && arrived >= 0.9 * capacity) stranded90 = (100 * topologyState(a, modalGangNpus).stranded) / capacity;
    while (curve.length <= 130 && arrived >= (curve.length / 100) * capacity) curve.push((100 * allocated) / capacity);
    if (curve.length > 130) break;
  }
  return { curve, stranded90 };
}

/** `gangScope: 'zone'` gives the pooled bound; an `oracle` is told every arrival's run time (variants only). */
export interface DynamicOptions {
  gangScope?: 'supernode' | 'zone';
  oracle?: LifetimeOracle;
}

export function dynamicRun(
  topo: Topology,
  pods: readonly OpenbPod[],
  policy: PolicyName | Policy,
  seed: number,
  capacity: number,
  modalGangNpus: number,
  rate: number,
  arrivals: number,
  opts: DynamicOptions = {},
) {
  const { gangScope = 'supernode', oracle } = opts;
  const a = new Allocator(topo, { policy, seed, learn: 'manual' });
  const rng = seededRandom(seed * 131 + 3);
  const stream = syntheticStream(pods, seededRandom(seed * 31 + 7));
  const departures = new MinHeap<{ owner: string; npus: number }>();
  const warmup = Math.floor(arrivals / 4);
  const latencies: number[] = [];
  const offered: Record<StreamItem['source'], number> = { openb: 0, 'synthetic-gang': 0, 'synthetic-endpoint': 0 };
  const accepted: Record<StreamItem['source'], number> = { openb: 0, 'synthetic-gang': 0, 'synthetic-endpoint': 0 };
  let npuOffered = 0;
  let npuAccepted = 0;
  let now = 0;
  let held = 0;
  let busyArea = 0;
  let measuredFrom = 0;
  const strandedSamples: number[] = [];
  const largestSums = new Float64Array(SUPERNODES);
  let largestSamples = 0;
  const sampleEvery = Math.max(1, Math.floor(arrivals / 2000));
  let n = 0;
  for (const item of stream) {
    if (n >= arrivals) break;
    const t = now - Math.log(1 - rng()) / rate;
    while (departures.peekKey() <= t) {
      const at = departures.peekKey();
      const dep = departures.pop()!;
      if (n > warmup) busyArea += held * (at - now);
      now = at;
      a.release(dep.owner);
      oracle?.departed(dep.owner);
      held -= dep.npus;
    }
    if (n > warmup) busyArea += held * (t - now);
    now = t;
    if (n === warmup) measuredFrom = now;
    const owner = `r${n}`;
    const measuring = n >= warmup;
    oracle?.arrive(now, now + item.duration);
    const ok = runStreamItem(a, owner, item, measuring ? latencies : undefined, gangScope);
    if (ok && oracle) oracle.placed(owner, a.holdings(owner)!.supernodes);
    if (ok) {
      held += item.npus;
      departures.push(now + item.duration, { owner, npus: item.npus });
    }
    if (measuring) {
      offered[item.source]++;
      npuOffered += item.npus;
      if (ok) {
        accepted[item.source]++;
        npuAccepted += item.npus;
      }
      if (n % sampleEvery === 0) {
        const st = topologyState(a, modalGangNpus);
        strandedSamples.push(st.stranded);
        st.largest.forEach((v, i) => {
          largestSums[i] = largestSums[i]! + v;
        });
        largestSamples++;
      }
    }
    n++;
  }
  latencies.sort((x, y) => x - y);
  const totalOffered = offered.openb + offered['synthetic-gang'] + offered['synthetic-endpoint'];
  const totalAccepted = accepted.openb + accepted['synthetic-gang'] + accepted['synthetic-endpoint'];
  return {
    acceptance: totalAccepted / totalOffered,
    acceptanceBySource: {
      openb: accepted.openb / offered.openb,
      'synthetic-gang': accepted['synthetic-gang'] / offered['synthetic-gang'],
      'synthetic-endpoint': accepted['synthetic-endpoint'] / offered['synthetic-endpoint'],
    },
    npuAcceptance: npuAccepted / npuOffered,
    utilisation: busyArea / (capacity * (now - measuredFrom)),
    strandedNpus: mean(strandedSamples),
    largestFreeBlockPerSupernode: [...largestSums].map((s) => s / largestSamples),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
