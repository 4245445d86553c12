import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { AdmissionState, PendingRequest } from '../../controlplane/src/admission/index.ts';
import type { AllocationRequest } from '../../controlplane/src/allocator/index.ts';
import { seededRandom } from '../../controlplane/src/allocator/seeded-random.ts';
import { openControlPlane } from '../../controlplane/src/api/open-control-plane.ts';
import {
  forgetQueuedWork,
  releaseLeft,
  runAdmission,
  admissionStateOf,
  keepAdmissionState,
  loadAdmissionState,
  saveDefragmentMode,
  writeTransaction,
  rowsOfPlacement,
  toRecord,
  type ControlPlane,
  type WireResource,
} from '../../controlplane/src/cloud/index.ts';
import { createVirtualClock } from '../../controlplane/src/operations/index.ts';
import { cloudMatrixRegion, CM_ZONE } from './cloudmatrix-region.ts';
import type { OpenbPod } from './read-openb.ts';
import { runStreamItem } from './run-stream-item.ts';
import { percentile } from './stats.ts';
import { syntheticStream, type StreamItem } from './synthetic-stream.ts';

const PROJECT = 'default';
const QUEUE = `${PROJECT}/bench`;

/** The control plane's own pass path timed: `runAdmission` inside a write transaction, with its reads and writes. */
export interface ControlPlanePassSpeed {
  /** `kept`: the admission state and the gang view kept between passes; `rebuilt`: parsed and built anew every pass. */
  mode: 'kept' | 'rebuilt';
  supernodes: number;
  pending: number;
  running: number;
  passes: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  cpuP50Ms: number;
  cpuP99Ms: number;
  /** The stored state document without its running chunks. */
  documentBytes: number;
  /** The whole state as one JSON document (as it was stored before the chunks), and what one stringify and one parse of it cost. */
  stateBytes: number;
  stringifyMs: number;
  parseMs: number;
}

/**
 * The same setting as the engine's pass speed (`admissionSpeed`): a region of `supernodes` supernodes
 * filled by best-fit, about `pendingCount` requests waiting, a departure before every pass, 100
 * uncounted warm-up passes; but here the pass is the control plane's (`runAdmission` on the embedded
 * cloud's SQLite store, in memory), with a resource document for every request and defragmentation on.
 * Each timed pass runs in the transaction of the departure before it, as a delete's settling runs it.
 */
export async function controlPlanePassSpeed(
  pods: readonly OpenbPod[],
  supernodes: number,
  pendingCount: number,
  passes: number,
  mode: 'kept' | 'rebuilt',
): Promise<ControlPlanePassSpeed> {
  const clock = createVirtualClock();
  const { cp, close } = await openControlPlane({
    memory: true,
    timeScale: 0,
    clock,
    inventory: cloudMatrixRegion(supernodes),
    bootstrapToken: 'bench-admin-token-0123456789',
  });
  try {
    if (mode === 'rebuilt') Object.defineProperty(cp, 'admission', { get: () => undefined, set: () => {}, configurable: true });
    const capacity = cp.allocator.topology.acceleratorCount;
    const queueDoc = doc('Queue', 'bench', 'q-bench', { name: 'bench', quotas: [{ acceleratorType: 'ascend-910c', nominal: capacity }] }, 'ready');
    const stream = syntheticStream(pods, seededRandom(99));
    const next = (): StreamItem => stream.next().value as StreamItem;
    const owners: string[] = [];
    const state: AdmissionState = { queues: [], pending: [], running: [], reservations: [], moves: [] };
    let n = 0;
    let refused = 0;
    await writeTransaction(cp, async () => {
      await cp.store.putResource(toRecord(queueDoc, null));
      cp.projects.add(PROJECT);
      await saveDefragmentMode(cp.store, 'auto');
      while (refused <= 2000) {
        const id = `f${n++}`;
        const item = next();
        if (!runStreamItem(cp.allocator, id, item)) {
          refused++;
          continue;
        }
        const held = cp.allocator.holdings(id)!;
        await cp.store.putHoldings(rowsOfPlacement({ ...held, owner: id, project: PROJECT, ok: true, scope: 'zone', unit: 'accelerators' }));
        owners.push(id);
        const p = toPending(id, item, 0);
        state.running.push({
          id,
          request: p.request,
          queue: p.queue,
          priority: 0,
          preemptible: false,
          movable: p.movable === true,
          accelerators: held.acceleratorCount,
          admittedAt: 0,
        });
        await cp.store.putResource(toRecord(doc('Cluster', id, id, {}, 'ready'), null));
      }
      while (state.pending.length < pendingCount) {
        const p = toPending(`p${n++}`, next(), n);
        state.pending.push(p);
        await cp.store.putResource(toRecord(doc('Cluster', p.id, p.id, {}, 'pending'), null));
      }
      await keepAdmissionState(cp, state);
    });
    const rng = seededRandom(7);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const warmup = Math.min(100, passes);
    for (let i = 0; i < passes + warmup; i++) {
      clock.advance(1000);
      const victim = owners.splice(Math.floor(rng() * owners.length), 1)[0];
      const decisions = await writeTransaction(cp, async () => {
        if (victim) await depart(cp, victim);
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const d = await runAdmission(cp);
        const wall = performance.now() - t0;
        const cpu = process.cpuUsage(c0);
        if (i >= warmup) {
          times.push(wall);
          cpuTimes.push((cpu.user + cpu.system) / 1000);
        }
        return d;
      });
      for (const d of decisions) if (d.kind === 'admit') owners.push(d.id);
      // Arrivals keep the queue at its size, each in its own transaction as a create would be.
      await writeTransaction(cp, async () => {
        for (let s = await admissionStateOf(cp); s.pending.length < pendingCount; s = await admissionStateOf(cp)) {
          const p = toPending(`p${n++}`, next(), n);
          await cp.store.putResource(toRecord(doc('Cluster', p.id, p.id, {}, 'pending'), null));
          await keepAdmissionState(cp, { ...s, pending: [...s.pending, p] }, (view) => view.enqueue(p));
        }
      });
    }
    const document = await cp.store.getMeta('admission.state');
    const parsed = await loadAdmissionState(cp.store);
    // What saving and loading the whole state as one document (as before the chunks) costs.
    const s0 = performance.now();
    const whole = JSON.stringify(parsed);
    const s1 = performance.now();
    JSON.parse(whole);
    const s2 = performance.now();
    times.sort((x, y) => x - y);
    cpuTimes.sort((x, y) => x - y);
    return {
      mode,
      supernodes,
      pending: parsed.pending.length,
      running: parsed.running.length,
      passes: times.length,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      maxMs: times.at(-1)!,
      cpuP50Ms: percentile(cpuTimes, 50),
      cpuP99Ms: percentile(cpuTimes, 99),
      documentBytes: document!.length,
      stateBytes: whole.length,
      stringifyMs: s1 - s0,
      parseMs: s2 - s1,
    };
  } finally {
    await close();
  }
}

/** A running cluster leaves as its delete's settling does it: forgotten by the engine, its rows and holding released. */
async function depart(cp: ControlPlane, id: string): Promise<void> {
  await cp.store.deleteResource({ kind: 'Cluster', project: PROJECT, name: id, id });
  await releaseLeft(cp, id, await forgetQueuedWork(cp, id));
}

function doc(kind: string, name: string, id: string, spec: Record<string, unknown>, status: WireResource['status']): WireResource {
  const at = new Date(0).toISOString();
  return {
    kind,
    project: PROJECT,
    name,
    id,
    spec,
    status,
    statusReason: null,
    allocation: null,
    outputs: {},
    resourceVersion: 1,
    generation: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** The stream item as a queued request (as the engine's speed figure makes it), in the control plane's queue. */
function toPending(id: string, item: StreamItem, arrival: number): PendingRequest {
  const base = { owner: id, project: PROJECT, acceleratorType: 'ascend-910c', zone: CM_ZONE };
  let request: AllocationRequest;
  if (item.source === 'openb') request = { ...base, count: item.npus, unit: 'accelerators', scope: 'server' };
  else if (item.source === 'synthetic-gang') request = { ...base, count: item.npus, unit: 'accelerators', scope: 'supernode' };
  else request = { ...base, count: item.npus / 8, unit: 'servers', scope: item.perReplica <= 8 ? 'spread' : 'zone' };
  return { id, request, queue: QUEUE, priority: 0, preemptible: false, movable: item.source === 'openb', arrival: arrival * 3_600_000 };
}

/**
 * `--modes c-controlplane`: the control plane's pass path at 1,000 pending on 100 supernodes, with the
 * admission state and view kept between passes and rebuilt every pass; prints both and replaces only
 * `modeC.controlPlanePass` in the results file.
 */
export async function runControlPlanePassSection(pods: readonly OpenbPod[], outPath: string, log: (m: string) => void, passes = 300): Promise<void> {
  log('control-plane admission pass: 1,000 pending on 100 supernodes, kept and rebuilt ...');
  const kept = await controlPlanePassSpeed(pods, 100, 1000, passes, 'kept');
  const rebuilt = await controlPlanePassSpeed(pods, 100, 1000, Math.ceil(passes / 3), 'rebuilt');
  for (const s of [kept, rebuilt]) console.log(passLine(s));
  if (!existsSync(outPath)) return;
  const json = JSON.parse(readFileSync(outPath, 'utf8')) as { modeC?: Record<string, unknown> };
  if (!json.modeC) return;
  // Figures recorded by hand for earlier code (`before`, ...) stay beside the new ones.
  const earlier = (json.modeC.controlPlanePass ?? {}) as Record<string, unknown>;
  json.modeC.controlPlanePass = {
    ...earlier,
    kept: figures(kept),
    rebuilt: figures(rebuilt),
    timedBy: '--modes c-controlplane: runAdmission on the embedded SQLite store (in memory), one departure before each pass',
  };
  writeFileSync(outPath, `${JSON.stringify(json, null, 2)}\n`);
}

function figures(s: ControlPlanePassSpeed) {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    supernodes: s.supernodes,
    pending: s.pending,
    running: s.running,
    passes: s.passes,
    p50Ms: r(s.p50Ms),
    p99Ms: r(s.p99Ms),
    maxMs: r(s.maxMs),
    cpuP50Ms: r(s.cpuP50Ms),
    cpuP99Ms: r(s.cpuP99Ms),
    documentBytes: s.documentBytes,
    stateBytes: s.stateBytes,
    stringifyMs: r(s.stringifyMs),
    parseMs: r(s.parseMs),
  };
}

function passLine(s: ControlPlanePassSpeed): string {
  return `Control-plane admission pass, state ${s.mode === 'kept' ? 'kept between passes' : 'rebuilt every pass'}: ${s.pending} pending, ${s.running} running on ${s.supernodes} supernodes, ${s.passes} passes: wall p50 ${s.p50Ms.toFixed(2)} ms, p99 ${s.p99Ms.toFixed(2)} ms; CPU p50 ${s.cpuP50Ms.toFixed(2)} ms, p99 ${s.cpuP99Ms.toFixed(2)} ms; state document ${(s.documentBytes / 1e6).toFixed(2)} MB without its running chunks; the whole state as one document would be ${(s.stateBytes / 1e6).toFixed(2)} MB (one stringify ${s.stringifyMs.toFixed(1)} ms, one parse ${s.parseMs.toFixed(1)} ms).`;
}
