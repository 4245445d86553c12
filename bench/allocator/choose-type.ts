import type { PartitionCatalogue } from '../../core/index.ts';
import type { Allocator } from '../../controlplane/src/allocator/allocator.ts';
import type { PolicyName } from '../../controlplane/src/allocator/policy.ts';
import { fgdServerRank, rankKind, sliceFragment, type SliceView } from '../../controlplane/src/allocator/slice-fragment.ts';
import type { SliceClass } from '../../controlplane/src/allocator/slice-workload.ts';
import type { Topology } from '../../controlplane/src/allocator/topology.ts';
import type { AllocationRequest, Decision, Placement } from '../../controlplane/src/allocator/types.ts';
import { MILLI } from './openb-cluster.ts';
import type { OpenbModels } from './openb-models.ts';
import type { OpenbBooks } from './place-cpu-pod.ts';
import type { OpenbPod } from './read-openb.ts';

/**
 * Places a pod that accepts several accelerator types (GPU models) as FGD's scheduler does: its filter
 * keeps the servers of every accepted model and its score ranks them all together. The allocator
 * finds each type's best server by the policy; this picks among those by the same rule, on the
 * benchmark's books, so the result is the policy's choice over the union:
 * - `fgd`, `fgd-pack`: least growth of FGD's measure as each server sees the workload (a pod limited to
 *   other models finds all of a server's free GPUs a fragment), ranked by `fgdServerRank`;
 * - `best-fit`: least free left (GPU share, CPU and memory, each as a share of the server);
 * - `first-fit`: the lowest-numbered server in the node list;
 * - `random`: a type drawn in proportion to its servers that fit, so the draw is uniform over servers.
 * Ties go to the lowest-numbered server. With one type it is the allocator's own decision.
 */
export function chooseType(
  a: Allocator,
  policy: PolicyName,
  topo: Topology,
  models: OpenbModels,
  catalogue: PartitionCatalogue,
  serverClasses: readonly (readonly SliceClass[])[],
  books: OpenbBooks,
  pod: OpenbPod,
  types: readonly string[],
  requestFor: (type: string) => AllocationRequest,
  rng: () => number,
): Decision {
  if (types.length === 1) return a.place(requestFor(types[0]!));
  if (types.length === 0) {
    const req = requestFor('');
    return {
      ok: false,
      code: 'CAPACITY_EXHAUSTED',
      field: 'acceleratorTypes',
      message: `the cluster has none of the GPU models ${pod.name} accepts`,
      owner: req.owner,
      project: req.project,
    };
  }
  if (policy === 'random') return drawType(a, topo, books, pod, types, requestFor, rng);
  let best: { d: Placement; key: number } | undefined;
  let first: Decision | undefined;
  for (const t of types) {
    const d = a.place(requestFor(t));
    first ??= d;
    if (!d.ok) continue;
    const key = rankPlacement(policy, topo, models, catalogue, serverClasses, books, pod, d);
    if (!best || key < best.key) best = { d, key };
  }
  return best ? best.d : first!;
}

/** The policy's rank of a placement on the benchmark's books (lower first); ties by node-list position. */
export function rankPlacement(
  policy: PolicyName,
  topo: Topology,
  models: OpenbModels,
  catalogue: PartitionCatalogue,
  serverClasses: readonly (readonly SliceClass[])[],
  books: OpenbBooks,
  pod: OpenbPod,
  d: Placement,
): number {
  const ids = d.servers[0]!.acceleratorIds;
  const s = topo.resolveAccelerator(ids[0]!)!.server;
  const pos = models.pos[s]!;
  if (policy === 'first-fit') return pos;
  const view = viewOf(topo, books, s);
  const untouched = view.cpu === topo.serverCpu[s] && view.mem === topo.serverMem[s] && view.free.subarray(0, view.count).every((f) => f === MILLI);
  const before = policy === 'best-fit' ? 0 : sliceFragment(serverClasses[s]!, catalogue, view);
  const take = pod.gpuMilli < MILLI ? pod.gpuMilli : MILLI;
  for (const id of ids) {
    const at = topo.resolveAccelerator(id)!;
    view.free[at.index] = view.free[at.index]! - take;
  }
  view.cpu -= pod.cpuMilli;
  view.mem -= pod.memoryMib;
  if (policy === 'best-fit') {
    let free = 0;
    for (let i = 0; i < view.count; i++) free += view.free[i]!;
    return free / (MILLI * view.count) + view.cpu / topo.serverCpu[s]! + view.mem / topo.serverMem[s]! + pos * 1e-12;
  }
  return fgdServerRank(rankKind(policy), sliceFragment(serverClasses[s]!, catalogue, view) - before, untouched, pos);
}

function drawType(
  a: Allocator,
  topo: Topology,
  books: OpenbBooks,
  pod: OpenbPod,
  types: readonly string[],
  requestFor: (type: string) => AllocationRequest,
  rng: () => number,
): Decision {
  const counts = types.map((t) => fittingServers(topo, books, pod, t));
  let total = counts.reduce((x, y) => x + y, 0);
  let first: Decision | undefined;
  const left = [...types];
  while (total > 0) {
    let r = rng() * total;
    let k = 0;
    while (k < left.length - 1 && r >= counts[k]!) r -= counts[k++]!;
    const d = a.place(requestFor(left[k]!));
    if (d.ok) return d;
    first ??= d;
    total -= counts[k]!;
    counts.splice(k, 1);
    left.splice(k, 1);
  }
  return first ?? a.place(requestFor(types[0]!));
}

/** Servers of one type where the pod fits on the benchmark's books (GPU share or whole GPUs, CPU, memory). */
export function fittingServers(topo: Topology, books: OpenbBooks, pod: OpenbPod, type: string): number {
  const t = topo.typeIndex.get(type);
  let n = 0;
  for (let s = 0; s < topo.serverCount; s++) {
    if (topo.serverType[s] !== t || books.freeCpu[s]! < pod.cpuMilli || books.freeMem[s]! < pod.memoryMib) continue;
    const base = topo.serverBase[s]!;
    const count = topo.layoutOf(s).count;
    let ok = 0;
    for (let i = 0; i < count; i++) {
      const f = books.freeMilli[base + i]!;
      if (pod.gpuMilli < MILLI ? f >= pod.gpuMilli : f === MILLI) ok++;
    }
    if (pod.gpuMilli < MILLI ? ok > 0 : ok >= pod.gpus) n++;
  }
  return n;
}

function viewOf(topo: Topology, books: OpenbBooks, s: number): SliceView {
  const count = topo.layoutOf(s).count;
  const view: SliceView = { free: new Int32Array(count), taken: new Uint32Array(count), count, cpu: books.freeCpu[s]!, mem: books.freeMem[s]! };
  for (let i = 0; i < count; i++) view.free[i] = books.freeMilli[topo.serverBase[s]! + i]!;
  return view;
}
