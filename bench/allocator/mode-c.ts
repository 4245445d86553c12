import { performance } from 'node:perf_hooks';
import {
  admit,
  admitPass,
  AdmissionView,
  forgetWork,
  releaseWork,
  type AdmissionDecision,
  type AdmissionState,
  type PendingRequest,
} from '../../controlplane/src/admission/index.ts';
import { Allocator } from '../../controlplane/src/allocator/allocator.ts';
import { seededRandom } from '../../controlplane/src/allocator/seeded-random.ts';
import { Topology } from '../../controlplane/src/allocator/topology.ts';
import type { AllocationRequest } from '../../controlplane/src/allocator/types.ts';
import { cloudMatrixRegion, CM_ZONE } from './cloudmatrix-region.ts';
import { MinHeap } from './min-heap.ts';
import { dynamicRun, modeBSetting } from './mode-b.ts';
import type { OpenbPod } from './read-openb.ts';
import { runStreamItem } from './run-stream-item.ts';
import { mean, pairedDifference, percentile } from './stats.ts';
import { syntheticStream, type StreamItem } from './synthetic-stream.ts';

/** One time unit of the streams (the mean run time) is taken as one hour. */
const HOUR_MS = 3_600_000;

export interface ModeCSettings {
  /** A request not admitted within this many hours leaves unserved (it is what "served" means). */
  waitLimitHours: number;
  /** How long one simulated migration takes, in hours. */
  moveHours: number;
  /** Defragmentation re-reads a reserved fence at most this often, in minutes (the engine's `replanMs`). */
  replanMinutes: number;
  defragment: boolean;
}

/** One stream's figures under queues, in % and hours. */
export interface ModeCSeed {
  seed: number;
  /** NPU demand admitted within the waiting-time limit over NPU demand arrived. */
  npuServed: number;
  gangServed: number;
  utilisation: number;
  meanWaitHours: number;
  p99WaitHours: number;
  /** Waits of the supernode gangs alone (the requests that queue). */
  gangMeanWaitHours: number;
  gangP99WaitHours: number;
  movesPerHour: number;
}

/**
 * Mode C: the mode-B streams with an admission queue. Each arrival waits in one fifo queue; the head
 * supernode gang that does not fit reserves a supernode, later work backfills outside that fence, and
 * (with `defragment`) one-server pods are moved out of the fence. A request not admitted within the
 * waiting-time limit leaves: served demand is demand admitted within the limit, so queueing cannot win
 * by letting work wait for ever. Passes run at every arrival, departure, deadline and move completion.
 */
export function queuedRun(
  topo: Topology,
  pods: readonly OpenbPod[],
  seed: number,
  capacity: number,
  rate: number,
  arrivals: number,
  settings: ModeCSettings,
): ModeCSeed & { passMs: number[]; skippedPasses: number } {
  const a = new Allocator(topo, { policy: 'best-fit', seed, learn: 'manual' });
  const rng = seededRandom(seed * 131 + 3);
  const stream = syntheticStream(pods, seededRandom(seed * 31 + 7));
  const warmup = Math.floor(arrivals / 4);
  const items = new Map<string, { item: StreamItem; measured: boolean }>();
  // The engine's view lives for the whole stream and is updated in place; passes that cannot decide
  // anything (nothing new waits, nothing was freed, no move or replan is due) are skipped.
  const view = AdmissionView.fromState({
    queues: [{ name: 'bench', quotas: { 'ascend-910c': { nominal: capacity } }, admissionPolicy: 'fifo', preemption: 'never' }],
    pending: [],
    running: [],
    reservations: [],
    moves: [],
  });
  const options = { defragment: settings.defragment, moveDurationMs: () => settings.moveHours * HOUR_MS, replanMs: settings.replanMinutes * 60_000 };
  // Events: 0 departure, 1 deadline, 2 move due.
  const events = new MinHeap<{ kind: 0 | 1 | 2; id: string }>();
  const waits: number[] = [];
  const gangWaits: number[] = [];
  const passMs: number[] = [];
  let npuOffered = 0;
  let npuServed = 0;
  let gangOffered = 0;
  let gangServed = 0;
  let moves = 0;
  let held = 0;
  let busyArea = 0;
  let now = 0;
  let measuredFrom = 0;
  const heldNpus = new Map<string, number>();
  const advance = (t: number, measuring: boolean) => {
    if (measuring) busyArea += held * (t - now);
    now = t;
  };
  let skipped = 0;
  const pass = (measuring: boolean) => {
    if (!view.needsPass(now * HOUR_MS, options.defragment, options.replanMs)) {
      skipped++;
      return;
    }
    const t0 = performance.now();
    const decisions = admitPass(view, a, now * HOUR_MS, options);
    passMs.push(performance.now() - t0);
    for (const d of decisions) {
      if (d.kind === 'move-start') {
        if (measuring) moves++;
        events.push(d.due / HOUR_MS, { kind: 2, id: d.owner });
      }
      if (d.kind !== 'admit') continue;
      const { item, measured } = items.get(d.id)!;
      if (item.source === 'synthetic-endpoint') {
        const e = a.placeReplicas({ clusterOwner: d.id, endpointOwner: `${d.id}/endpoint`, replicas: item.replicas, acceleratorsPerReplica: item.perReplica });
        if (!e.ok) {
          view.release(a, d.id);
          continue;
        }
        a.commit(e.owner, e);
      }
      const npus = d.placement.acceleratorCount;
      held += npus;
      heldNpus.set(d.id, npus);
      events.push(now + item.duration, { kind: 0, id: d.id });
      if (measured) {
        waits.push(d.waitedMs / HOUR_MS);
        npuServed += item.npus;
        if (item.source === 'synthetic-gang') {
          gangServed++;
          gangWaits.push(d.waitedMs / HOUR_MS);
        }
      }
    }
  };
  let n = 0;
  for (const item of stream) {
    if (n >= arrivals) break;
    const t = now - Math.log(1 - rng()) / rate;
    while (events.size > 0 && events.peekKey() <= t) {
      const at = events.peekKey();
      const ev = events.pop()!;
      advance(at, n > warmup);
      if (ev.kind === 0) {
        if (!heldNpus.has(ev.id)) continue;
        view.release(a, ev.id);
        held -= heldNpus.get(ev.id)!;
        heldNpus.delete(ev.id);
      } else if (ev.kind === 1) {
        if (!view.pending.has(ev.id)) continue;
        view.forget(ev.id);
      }
      pass(n > warmup);
    }
    advance(t, n > warmup);
    if (n === warmup) measuredFrom = now;
    const id = `r${n}`;
    const measured = n >= warmup;
    items.set(id, { item, measured });
    view.enqueue(toPending(id, item, now));
    events.push(now + settings.waitLimitHours, { kind: 1, id });
    if (measured) {
      npuOffered += item.npus;
      if (item.source === 'synthetic-gang') gangOffered++;
    }
    pass(measured);
    n++;
  }
  waits.sort((x, y) => x - y);
  gangWaits.sort((x, y) => x - y);
  const hours = now - measuredFrom;
  return {
    seed,
    npuServed: (100 * npuServed) / npuOffered,
    gangServed: (100 * gangServed) / gangOffered,
    utilisation: (100 * busyArea) / (capacity * hours),
    meanWaitHours: mean(waits),
    p99WaitHours: percentile(waits, 99),
    gangMeanWaitHours: mean(gangWaits),
    gangP99WaitHours: percentile(gangWaits, 99),
    movesPerHour: moves / hours,
    passMs,
    skippedPasses: skipped,
  };
}

/** The allocation request an arrival asks the queue for, shaped as runStreamItem offers it directly. */
function toPending(id: string, item: StreamItem, arrival: number): PendingRequest {
  const base = { owner: id, project: 'bench', acceleratorType: 'ascend-910c', zone: CM_ZONE };
  let request: AllocationRequest;
  if (item.source === 'openb') request = { ...base, count: item.npus, unit: 'accelerators', scope: 'server' };
  else if (item.source === 'synthetic-gang') request = { ...base, count: item.npus, unit: 'accelerators', scope: 'supernode' };
  else request = { ...base, count: item.npus / 8, unit: 'servers', scope: item.perReplica <= 8 ? 'spread' : 'zone' };
  return { id, request, queue: 'bench', priority: 0, preemptible: false, movable: item.source === 'openb', arrival: arrival * HOUR_MS };
}

export interface ModeCResult {
  settings: ModeCSettings;
  streams: number;
  arrivals: number;
  bestFit: { seed: number; npuServed: number; gangServed: number; utilisation: number }[];
  pooledBound: { seed: number; npuServed: number; gangServed: number; utilisation: number }[];
  queued: ModeCSeed[];
  queuedNoDefrag: ModeCSeed[];
  /** Paired over streams: queued minus best-fit immediate, and the share of best-fit's gap to the pooled bound it closes. */
  queuedMinusBestFit: ReturnType<typeof pairedDifference>;
  noDefragMinusBestFit: ReturnType<typeof pairedDifference>;
  gapToPooled: number;
  gapClosed: number;
  /** Passes run and skipped (nothing could change) over the queue + defragmentation streams, and their p99 time. */
  passes: number;
  skippedPasses: number;
  passP99Ms: number;
  /** Wall-clock seconds of the whole comparison. */
  seconds: number;
}

/**
 * Mode C over `streams` mode-B streams: best-fit immediate (mode B's dynamic run), the pooled bound,
 * the queue without and with defragmentation, all on the same streams so differences are paired.
 */
export function runModeC(
  pods: readonly OpenbPod[],
  streams: number,
  arrivals: number,
  settings: Omit<ModeCSettings, 'defragment'>,
  log: (m: string) => void = () => {},
): ModeCResult {
  const { topo, capacity, modalGangNpus, rate } = modeBSetting(pods);
  const bestFit = [];
  const pooledBound = [];
  const queued: ModeCSeed[] = [];
  const queuedNoDefrag: ModeCSeed[] = [];
  const passes: number[] = [];
  let skippedPasses = 0;
  const t0 = performance.now();
  for (let seed = 1; seed <= streams; seed++) {
    const b = dynamicRun(topo, pods, 'best-fit', seed, capacity, modalGangNpus, rate, arrivals);
    bestFit.push({ seed, npuServed: 100 * b.npuAcceptance, gangServed: 100 * b.acceptanceBySource['synthetic-gang'], utilisation: 100 * b.utilisation });
    const p = dynamicRun(topo, pods, 'best-fit', seed, capacity, modalGangNpus, rate, arrivals, { gangScope: 'zone' });
    pooledBound.push({ seed, npuServed: 100 * p.npuAcceptance, gangServed: 100 * p.acceptanceBySource['synthetic-gang'], utilisation: 100 * p.utilisation });
    const { passMs: _a, skippedPasses: _c, ...plain } = queuedRun(topo, pods, seed, capacity, rate, arrivals, { ...settings, defragment: false });
    queuedNoDefrag.push(plain);
    const q = queuedRun(topo, pods, seed, capacity, rate, arrivals, { ...settings, defragment: true });
    for (const ms of q.passMs) passes.push(ms);
    skippedPasses += q.skippedPasses;
    const { passMs: _b, skippedPasses: _d, ...rest } = q;
    queued.push(rest);
    log(
      `  stream ${seed}: best-fit ${bestFit.at(-1)!.npuServed.toFixed(2)}%, queue ${plain.npuServed.toFixed(2)}%, queue+defrag ${rest.npuServed.toFixed(2)}%, pooled ${pooledBound.at(-1)!.npuServed.toFixed(2)}%`,
    );
  }
  passes.sort((x, y) => x - y);
  const served = (xs: { npuServed: number }[]) => xs.map((x) => x.npuServed);
  const gapToPooled = mean(served(pooledBound)) - mean(served(bestFit));
  const diff = pairedDifference(served(queued), served(bestFit));
  return {
    settings: { ...settings, defragment: true },
    streams,
    arrivals,
    bestFit,
    pooledBound,
    queued,
    queuedNoDefrag,
    queuedMinusBestFit: diff,
    noDefragMinusBestFit: pairedDifference(served(queuedNoDefrag), served(bestFit)),
    gapToPooled,
    gapClosed: gapToPooled > 0 ? diff.mean / gapToPooled : NaN,
    passes: passes.length,
    skippedPasses,
    passP99Ms: percentile(passes, 99),
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Pass times: wall clock, and the process's CPU time per pass (which a busy shared machine does not inflate). */
export interface AdmissionSpeed {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  cpuP50Ms: number;
  cpuP99Ms: number;
  pending: number;
  passes: number;
}

/**
 * The speed figure: admission passes with about `pendingCount` pending requests on a region of
 * `supernodes` supernodes filled by best-fit through the queue (so the engine knows every running
 * holding, as it would after admitting them), each pass after one departure, after 100 uncounted
 * warm-up passes. `incremental` passes run on one long-lived view (`admitPass`); `stateless` passes
 * rebuild the view from the plain state every time (`admit`, as the control plane calls it).
 */
export function admissionSpeed(
  pods: readonly OpenbPod[],
  supernodes: number,
  pendingCount: number,
  passes: number,
  mode: 'incremental' | 'stateless',
): AdmissionSpeed & { running: number } {
  const topo = new Topology(cloudMatrixRegion(supernodes));
  const a = new Allocator(topo, { policy: 'best-fit', seed: 1, learn: 'manual' });
  const stream = syntheticStream(pods, seededRandom(99));
  const owners: string[] = [];
  const state: AdmissionState = {
    queues: [{ name: 'bench', quotas: { 'ascend-910c': { nominal: topo.acceleratorCount } }, admissionPolicy: 'fifo', preemption: 'never' }],
    pending: [],
    running: [],
    reservations: [],
    moves: [],
  };
  let n = 0;
  let refused = 0;
  // Fill until arrivals are refused steadily, so the pending requests mostly do not fit.
  // A generator closes when a for-of breaks out of it, so the stream is read with next().
  const next = (): StreamItem => stream.next().value as StreamItem;
  while (refused <= 2000) {
    const id = `f${n++}`;
    const item = next();
    if (!runStreamItem(a, id, item)) {
      refused++;
      continue;
    }
    owners.push(id);
    const p = toPending(id, item, 0);
    state.running.push({
      id,
      request: p.request,
      queue: p.queue,
      priority: 0,
      preemptible: false,
      movable: p.movable === true,
      accelerators: a.holdings(id)!.acceleratorCount,
      admittedAt: 0,
    });
  }
  while (state.pending.length < pendingCount) state.pending.push(toPending(`p${n++}`, next(), n));
  const view = AdmissionView.fromState(state);
  let plain = state;
  const rng = seededRandom(7);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  // The first passes compile the engine's code paths; they are not counted.
  const warmup = Math.min(100, passes);
  for (let i = 0; i < passes + warmup; i++) {
    const victim = owners.splice(Math.floor(rng() * owners.length), 1)[0];
    if (victim && mode === 'incremental') view.release(a, victim);
    if (victim && mode === 'stateless') plain = { ...forgetWork(plain, victim), moves: releaseWork(a, plain.moves, victim) };
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let decisions: AdmissionDecision[];
    if (mode === 'incremental') decisions = admitPass(view, a, i * 1000, { defragment: true });
    else ({ state: plain, decisions } = admit(plain, a, i * 1000, { defragment: true }));
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    if (i >= warmup) {
      times.push(wall);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    for (const d of decisions) if (d.kind === 'admit') owners.push(d.id);
    // Keep the queue at its size: admitted requests are replaced by new arrivals.
    if (mode === 'incremental') while (view.pending.size < pendingCount) view.enqueue(toPending(`p${n++}`, next(), n));
    else while (plain.pending.length < pendingCount) plain.pending.push(toPending(`p${n++}`, next(), n));
  }
  times.sort((x, y) => x - y);
  cpuTimes.sort((x, y) => x - y);
  return {
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times.at(-1)!,
    cpuP50Ms: percentile(cpuTimes, 50),
    cpuP99Ms: percentile(cpuTimes, 99),
    pending: mode === 'incremental' ? view.pending.size : plain.pending.length,
    passes: times.length,
    running: mode === 'incremental' ? view.running.size : plain.running.length,
  };
}

/** Queue + defragmentation at one more waiting-time limit, paired with best-fit immediate on the same streams. */
export interface WaitLimitPoint {
  waitLimitMinutes: number;
  npuServed: number;
  minusBestFit: ReturnType<typeof pairedDifference>;
  gapClosed: number;
  p99WaitMinutes: number;
  gangP99WaitMinutes: number;
  movesPerHour: number;
}

/**
 * How the result depends on the waiting-time limit: queue + defragmentation re-run on the same streams
 * at each limit (minutes), against the best-fit and pooled figures of the main comparison.
 */
export function waitLimitSweep(
  pods: readonly OpenbPod[],
  c: ModeCResult,
  limitsMinutes: readonly number[],
  log: (m: string) => void = () => {},
): WaitLimitPoint[] {
  const { topo, capacity, rate } = modeBSetting(pods);
  const bestFit = c.bestFit.map((b) => b.npuServed);
  return limitsMinutes.map((minutes) => {
    const runs: ModeCSeed[] = [];
    for (let seed = 1; seed <= c.streams; seed++) {
      const {
        passMs: _a,
        skippedPasses: _b,
        ...q
      } = queuedRun(topo, pods, seed, capacity, rate, c.arrivals, { ...c.settings, waitLimitHours: minutes / 60, defragment: true });
      runs.push(q);
    }
    const served = runs.map((q) => q.npuServed);
    const diff = pairedDifference(served, bestFit);
    log(`  wait limit ${minutes} min: queue+defrag ${mean(served).toFixed(2)}%, ${diff.mean >= 0 ? '+' : ''}${diff.mean.toFixed(2)} points against best-fit`);
    return {
      waitLimitMinutes: minutes,
      npuServed: mean(served),
      minusBestFit: diff,
      gapClosed: c.gapToPooled > 0 ? diff.mean / c.gapToPooled : NaN,
      p99WaitMinutes: mean(runs.map((q) => q.p99WaitHours * 60)),
      gangP99WaitMinutes: mean(runs.map((q) => q.gangP99WaitHours * 60)),
      movesPerHour: mean(runs.map((q) => q.movesPerHour)),
    };
  });
}
