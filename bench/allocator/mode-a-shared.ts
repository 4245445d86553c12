import { performance } from 'node:perf_hooks';
import type { PartitionCatalogue } from '../../core/index.ts';
import { Allocator } from '../../controlplane/src/allocator/allocator.ts';
import type { PolicyName } from '../../controlplane/src/allocator/policy.ts';
import type { AllocationRequest } from '../../controlplane/src/allocator/types.ts';
import { seededRandom } from '../../controlplane/src/allocator/seeded-random.ts';
import { sliceFragment, type SliceView } from '../../controlplane/src/allocator/slice-fragment.ts';
import type { SliceClass } from '../../controlplane/src/allocator/slice-workload.ts';
import { Topology } from '../../controlplane/src/allocator/topology.ts';
import { fgdArrivals, podMilli, traceOrderArrivals } from './fgd-arrivals.ts';
import { MILLI, OPENB_ZONE, openbInventory, usesGpuSpec } from './openb-cluster.ts';
import { acceptedTypes, classesForModel, noAccessClass, openbModels, type ModelClass, type OpenbModels } from './openb-models.ts';
import { chooseCpuServer, type OpenbBooks } from './place-cpu-pod.ts';
import { chooseType } from './choose-type.ts';
import type { OpenbNode, OpenbPod } from './read-openb.ts';
import { mean, percentile, stdev } from './stats.ts';

/** `fgd`: FGD's simulator's arrivals (all pods shuffled, CPU-only ones placed too); `trace`: the earlier trace order. */
export type ArrivalOrder = 'fgd' | 'trace';

export { MILLI } from './openb-cluster.ts';

/**
 * The openb GPU as a partitionable accelerator, like-for-like with FGD's setting: FGD shares a GPU by
 * milli-fraction (a pod with `gpu_milli` m fits a GPU with at least m milli free, anywhere), which is a
 * pooled catalogue of 1000 interchangeable units with one profile per share the trace asks for.
 */
export function openbCatalogue(pods: readonly OpenbPod[]): PartitionCatalogue {
  const shares = [...new Set(pods.filter((p) => p.gpus === 1 && p.gpuMilli > 0 && p.gpuMilli < MILLI).map((p) => p.gpuMilli))].sort((x, y) => x - y);
  return {
    kind: 'pooled',
    units: MILLI,
    source: 'openb trace: GPU shares in milli-GPU, as FGD models them',
    profiles: shares.map((m) => ({ name: profileName(m), size: m, compute: m, memoryGib: 0 })),
  };
}

export function profileName(milli: number): string {
  return `m${milli}`;
}

export interface SharedResult {
  policy: PolicyName;
  allocationRatio100: number;
  allocationRatio130: number;
  fragmentation90: number;
  /** Sharing pods placed, over sharing pods arrived (up to 130% arrived demand). */
  sharedPlaced: number;
  sharedArrived: number;
  /** CPU-only pods placed, over CPU-only pods arrived (summed over seeds; 0 / 0 in trace order). */
  cpuPlaced: number;
  cpuArrived: number;
  acceptance: number;
  p50Ms: number;
  p99Ms: number;
  perSeed: { seed: number; allocationRatio100: number; allocationRatio130: number; fragmentation90: number; sharedPlaced: number }[];
  sd100: number;
  sd130: number;
}

/**
 * Mode A without rounding: the openb cluster, no departures, arrivals as FGD's simulator makes them
 * (`fgd`: every pod of the trace shuffled with the seed, CPU-only pods included, then pods drawn from the
 * trace until GPU demand would pass 130% of capacity) or, for comparison, the earlier `trace` order (GPU
 * pods in trace order, then drawn; no CPU-only pods). A pod with `gpu_milli` < 1000 asks for one
 * partition of that share; the others ask for whole GPUs; a CPU-only pod takes host CPU and memory on
 * the server the policy's rule picks (`chooseCpuServer`). Allocation ratio, arrived demand and
 * fragmentation are all in GPUs with fractions, as FGD reports them. Seeds run from `firstSeed`, so
 * that a policy's parameters can be chosen on other seeds than the reported 1 to `seeds`.
 */
export function runModeAShared(
  nodes: readonly OpenbNode[],
  pods: readonly OpenbPod[],
  policies: readonly PolicyName[],
  seeds: number,
  order: ArrivalOrder = 'fgd',
  byModel = usesGpuSpec(pods),
  firstSeed = 1,
): { info: SharedInfo; results: SharedResult[] } {
  const topo = new Topology(openbInventory(nodes, byModel));
  const models = openbModels(topo, nodes, byModel);
  const gpuPods = pods.filter((p) => p.gpus > 0);
  const catalogue = openbCatalogue(gpuPods);
  const demand = (p: OpenbPod) => (p.gpuMilli < MILLI ? p.gpuMilli / MILLI : p.gpus);
  const classes = typicalClasses(gpuPods);
  const info: SharedInfo = {
    servers: topo.serverCount,
    gpus: topo.acceleratorCount,
    gpuPods: gpuPods.length,
    sharedGpuPods: gpuPods.filter((p) => p.gpuMilli < MILLI).length,
    cpuPods: pods.length - gpuPods.length,
    traceDemandPercent: (100 * gpuPods.reduce((a, p) => a + demand(p), 0)) / topo.acceleratorCount,
    constrainedGpuPods: gpuPods.filter((p) => (p.gpuSpec?.length ?? 0) > 0).length,
    constrainedDemandPercent: (100 * gpuPods.filter((p) => (p.gpuSpec?.length ?? 0) > 0).reduce((a, p) => a + demand(p), 0)) / topo.acceleratorCount,
    byModel,
  };
  const results: SharedResult[] = [];
  for (const policy of policies) {
    const perSeed: SharedResult['perSeed'] = [];
    const latencies: number[] = [];
    let placed = 0;
    let arrived = 0;
    let sharedArrived = 0;
    let cpuPlaced = 0;
    let cpuArrived = 0;
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
      const capacityMilli = topo.acceleratorCount * MILLI;
      const arrivals = order === 'fgd' ? fgdArrivals(pods, capacityMilli, 1.3, seed) : traceOrderArrivals(pods, capacityMilli, 1.3, seed);
      const run = runOnce(topo, models, catalogue, gpuPods, arrivals, classes, policy, seed);
      perSeed.push({ seed, allocationRatio100: run.at100, allocationRatio130: run.at130, fragmentation90: run.frag90, sharedPlaced: run.sharedPlaced });
      latencies.push(...run.latencies);
      placed += run.placed;
      arrived += run.arrived;
      sharedArrived += run.sharedArrived;
      cpuPlaced += run.cpuPlaced;
      cpuArrived += run.cpuArrived;
    }
    latencies.sort((x, y) => x - y);
    results.push({
      policy,
      allocationRatio100: mean(perSeed.map((s) => s.allocationRatio100)),
      allocationRatio130: mean(perSeed.map((s) => s.allocationRatio130)),
      fragmentation90: mean(perSeed.map((s) => s.fragmentation90)),
      sharedPlaced: perSeed.reduce((a, s) => a + s.sharedPlaced, 0),
      sharedArrived,
      cpuPlaced,
      cpuArrived,
      acceptance: placed / arrived,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      perSeed,
      sd100: stdev(perSeed.map((s) => s.allocationRatio100)),
      sd130: stdev(perSeed.map((s) => s.allocationRatio130)),
    });
  }
  return { info, results };
}

/** What a run of mode A with partitions was given: the cluster and the trace. */
export interface SharedInfo {
  servers: number;
  gpus: number;
  gpuPods: number;
  sharedGpuPods: number;
  cpuPods: number;
  traceDemandPercent: number;
  /** GPU pods whose `gpu_spec` names the GPU models they accept, and their GPU demand in % of capacity. */
  constrainedGpuPods: number;
  constrainedDemandPercent: number;
  /** Whether each server's GPU model was its accelerator type (the trace names models). */
  byModel: boolean;
}

/**
 * The trace's pods as FGD's target workload: one class per (share or GPU count, CPU, memory, GPU
 * models accepted), as the artefact's typical pods carry the GPU type.
 */
export function typicalClasses(gpuPods: readonly OpenbPod[]): ModelClass[] {
  const byKey = new Map<string, ModelClass>();
  for (const p of gpuPods) {
    const shared = p.gpuMilli < MILLI;
    const spec = p.gpuSpec && p.gpuSpec.length > 0 ? [...p.gpuSpec].sort() : undefined;
    const key = `${shared ? `s${p.gpuMilli}` : `w${p.gpus}`}|${p.cpuMilli}|${p.memoryMib}|${spec?.join('|') ?? ''}`;
    const c = byKey.get(key);
    if (c) c.p += 1 / gpuPods.length;
    else {
      const cls: ModelClass = {
        whole: shared ? 0 : p.gpus,
        units: shared ? p.gpuMilli : 0,
        masks: [],
        cpu: p.cpuMilli,
        mem: p.memoryMib,
        p: 1 / gpuPods.length,
      };
      if (spec) cls.models = spec;
      byKey.set(key, cls);
    }
  }
  return [...byKey.values()];
}

function runOnce(
  topo: Topology,
  models: OpenbModels,
  catalogue: PartitionCatalogue,
  gpuPods: readonly OpenbPod[],
  arrivals: readonly OpenbPod[],
  classes: readonly ModelClass[],
  policy: PolicyName,
  seed: number,
) {
  const types = [...new Set(models.typeOfModel.values())];
  const a = new Allocator(topo, { policy, seed, learn: 'manual', partitions: Object.fromEntries(types.map((t) => [t, catalogue])) });
  // FGD measures fragmentation against the trace's pods, known up front: on each type, the pods that
  // accept it, and one class of weight "pods that do not" for which every free GPU is a fragment.
  for (const p of gpuPods) for (const t of acceptedTypes(models, p)) a.observe(request(p, '', t));
  if (models.byModel) {
    for (const t of types) {
      const excluded = gpuPods.filter((p) => !acceptedTypes(models, p).includes(t)).length;
      if (excluded > 0)
        a.observe({ acceleratorType: t, count: 1, unit: 'accelerators', scope: 'server', cpuMilli: noAccessClass(0).cpu, memoryMib: 0 }, excluded);
    }
  }
  // FGD's workload as each server sees it (the same array on every server of a model).
  const byModel = new Map([...models.typeOfModel.keys()].map((m) => [m, models.byModel ? classesForModel(classes, m) : classes]));
  const serverClasses = models.modelOf.map((m) => byModel.get(m)!);
  const rng = seededRandom(seed * 104729 + 5);
  const typeRng = seededRandom(seed * 15485863 + 11);
  const capacity = topo.acceleratorCount;
  // The benchmark's own books, to measure fragmentation: free milli per GPU, CPU and memory per server.
  const books: OpenbBooks = { freeMilli: new Int32Array(topo.acceleratorCount).fill(MILLI), freeCpu: topo.serverCpu.slice(), freeMem: topo.serverMem.slice() };
  const cpuCache = new Float64Array(topo.serverCount).fill(NaN);
  const curve: number[] = [0];
  const latencies: number[] = [];
  let arrivedGpus = 0;
  let allocated = 0;
  let placed = 0;
  let sharedPlaced = 0;
  let sharedArrived = 0;
  let cpuPlaced = 0;
  let cpuArrived = 0;
  let frag90 = NaN;
  arrivals.forEach((pod, i) => {
    const before = arrivedGpus;
    if (pod.gpus === 0) {
      cpuArrived++;
      const s = chooseCpuServer(policy, topo, catalogue, serverClasses, books, pod.cpuMilli, pod.memoryMib, rng, cpuCache, models.order, models.pos);
      if (s >= 0) {
        a.reserveHost(s, pod.cpuMilli, pod.memoryMib);
        books.freeCpu[s] = books.freeCpu[s]! - pod.cpuMilli;
        books.freeMem[s] = books.freeMem[s]! - pod.memoryMib;
        cpuCache[s] = NaN;
        cpuPlaced++;
      }
      return;
    }
    const shared = pod.gpuMilli < MILLI;
    const gpus = podMilli(pod) / MILLI;
    arrivedGpus += gpus;
    if (shared) sharedArrived++;
    const t0 = performance.now();
    const d = chooseType(
      a,
      policy,
      topo,
      models,
      catalogue,
      serverClasses,
      books,
      pod,
      acceptedTypes(models, pod),
      (t) => request(pod, `pod-${i}`, t),
      typeRng,
    );
    latencies.push(performance.now() - t0);
    if (d.ok) {
      a.commit(d.owner, d);
      const s = topo.resolveAccelerator(d.servers[0]!.acceleratorIds[0]!)!.server;
      for (const id of d.servers[0]!.acceleratorIds) {
        const at = topo.resolveAccelerator(id)!;
        books.freeMilli[topo.serverBase[at.server]! + at.index] = books.freeMilli[topo.serverBase[at.server]! + at.index]! - (shared ? pod.gpuMilli : MILLI);
      }
      books.freeCpu[s] = books.freeCpu[s]! - pod.cpuMilli;
      books.freeMem[s] = books.freeMem[s]! - pod.memoryMib;
      cpuCache[s] = NaN;
      allocated += gpus;
      placed++;
      if (shared) sharedPlaced++;
    }
    if (before < 0.9 * capacity && arrivedGpus >= 0.9 * capacity)
      frag90 = fragmentationShared(topo, catalogue, serverClasses, books.freeMilli, books.freeCpu, books.freeMem);
    while (curve.length <= 130 && arrivedGpus >= (curve.length / 100) * capacity) curve.push((100 * allocated) / capacity);
  });
  // A stream that ends just under 130% (FGD's simulator stops before passing it) reports its final state.
  while (curve.length <= 130) curve.push((100 * allocated) / capacity);
  return {
    at100: curve[100]!,
    at130: curve[130]!,
    frag90,
    latencies,
    placed,
    arrived: arrivals.length - cpuArrived,
    sharedPlaced,
    sharedArrived,
    cpuPlaced,
    cpuArrived,
  };
}

/** The allocator's request for a pod on one accelerator type: a partition of its share, or whole GPUs. */
export function request(pod: OpenbPod, owner: string, acceleratorType: string): AllocationRequest {
  const base = {
    owner,
    project: 'openb',
    acceleratorType,
    zone: OPENB_ZONE,
    unit: 'accelerators' as const,
    scope: 'server' as const,
    cpuMilli: pod.cpuMilli,
    memoryMib: pod.memoryMib,
  };
  return pod.gpuMilli < MILLI ? { ...base, count: 1, profile: profileName(pod.gpuMilli) } : { ...base, count: pod.gpus };
}

/**
 * FGD's fragmentation of the whole cluster on slices, in % of all GPUs (the allocator's own measure per
 * server, summed); `classes` is the workload, or the workload as each server sees it (by GPU model).
 */
export function fragmentationShared(
  topo: Topology,
  catalogue: PartitionCatalogue,
  classes: readonly SliceClass[] | readonly (readonly SliceClass[])[],
  freeMilli: Int32Array,
  freeCpu: Float64Array,
  freeMem: Float64Array,
): number {
  const view: SliceView = { free: new Int32Array(32), taken: new Uint32Array(32), count: 0, cpu: 0, mem: 0 };
  let frag = 0;
  for (let s = 0; s < topo.serverCount; s++) {
    view.count = topo.layoutOf(s).count;
    view.cpu = freeCpu[s]!;
    view.mem = freeMem[s]!;
    for (let i = 0; i < view.count; i++) view.free[i] = freeMilli[topo.serverBase[s]! + i]!;
    frag += sliceFragment(perServer(classes, s), catalogue, view);
  }
  return (100 * frag) / topo.acceleratorCount;
}

function perServer(classes: readonly SliceClass[] | readonly (readonly SliceClass[])[], s: number): readonly SliceClass[] {
  return classes.length > 0 && Array.isArray(classes[0]) ? (classes as readonly (readonly SliceClass[])[])[s]! : (classes as readonly SliceClass[]);
}
