import type { PartitionCatalogue } from '../../core/index.ts';
import type { PolicyName } from '../../controlplane/src/allocator/policy.ts';
import { hostOnlyMeasure } from '../../controlplane/src/allocator/cpu-stranded.ts';
import { fgdServerRank, rankKind, type SliceView } from '../../controlplane/src/allocator/slice-fragment.ts';
import type { SliceClass } from '../../controlplane/src/allocator/slice-workload.ts';
import type { Topology } from '../../controlplane/src/allocator/topology.ts';

/** The benchmark's own books of the openb cluster: free milli per GPU, free CPU and memory per server. */
export interface OpenbBooks {
  freeMilli: Int32Array;
  freeCpu: Float64Array;
  freeMem: Float64Array;
}

/**
 * Where a CPU-only pod of the trace goes, by the same rule as each policy uses for GPU pods (FGD's
 * simulator places them with the policy under test): `first-fit` the lowest-numbered server with room,
 * `random` a uniform draw, `best-fit` the server left with the least free GPU share and CPU (weighed as
 * the artefact's best-fit weighs them), `fgd`/`fgd-pack` the least growth of FGD's measure (taking CPU
 * can strand GPUs that typical pods need CPU to use), ranked as `fgdServerRank` ranks GPU pieces;
 * `fgd-pack-cpu` adds the GPUs left without the CPU to feed them (`hostOnlyMeasure`). Returns the
 * server index, or -1 when none has room.
 * `classes` is FGD's workload, or the workload as each server sees it (by GPU model, indexed by server).
 * `cache` holds each server's current measure (NaN when unknown); the caller clears a server's entry
 * when the server changes. `order` lists the servers lowest-numbered first and `pos` gives each its
 * number (the node list's order; the topology's own order when absent).
 */
export function chooseCpuServer(
  policy: PolicyName,
  topo: Topology,
  catalogue: PartitionCatalogue,
  classes: readonly SliceClass[] | readonly (readonly SliceClass[])[],
  books: OpenbBooks,
  cpu: number,
  mem: number,
  rng: () => number,
  cache: Float64Array,
  order?: Int32Array,
  pos?: Int32Array,
): number {
  const fits = (s: number) => books.freeCpu[s]! >= cpu && books.freeMem[s]! >= mem;
  const at = (k: number) => (order ? order[k]! : k);
  const perServer = classes.length > 0 && Array.isArray(classes[0]);
  if (policy === 'first-fit') {
    for (let k = 0; k < topo.serverCount; k++) if (fits(at(k))) return at(k);
    return -1;
  }
  if (policy === 'random') {
    let pick = -1;
    let seen = 0;
    for (let k = 0; k < topo.serverCount; k++) if (fits(at(k)) && rng() * ++seen < 1) pick = at(k);
    return pick;
  }
  const view: SliceView = { free: new Int32Array(32), taken: new Uint32Array(32), count: 0, cpu: 0, mem: 0 };
  let best = -1;
  let bestScore = Infinity;
  for (let k = 0; k < topo.serverCount; k++) {
    const s = at(k);
    if (!fits(s)) continue;
    const cls = perServer ? (classes as readonly (readonly SliceClass[])[])[s]! : (classes as readonly SliceClass[]);
    let score: number;
    if (policy === 'best-fit') {
      let gpuFree = 0;
      const count = topo.layoutOf(s).count;
      for (let i = 0; i < count; i++) gpuFree += books.freeMilli[topo.serverBase[s]! + i]!;
      score = gpuFree / 8000 + (books.freeCpu[s]! - cpu) / 128000;
    } else {
      fill(view, topo, books, s);
      if (Number.isNaN(cache[s]!)) cache[s] = hostOnlyMeasure(policy, cls, catalogue, view);
      const untouched =
        view.cpu === topo.serverCpu[s] && view.mem === topo.serverMem[s] && view.free.subarray(0, view.count).every((f) => f === catalogue.units);
      view.cpu -= cpu;
      view.mem -= mem;
      score = fgdServerRank(rankKind(policy), hostOnlyMeasure(policy, cls, catalogue, view) - cache[s]!, untouched, pos ? pos[s]! : s);
    }
    if (score < bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best;
}

function fill(view: SliceView, topo: Topology, books: OpenbBooks, s: number): void {
  view.count = topo.layoutOf(s).count;
  view.cpu = books.freeCpu[s]!;
  view.mem = books.freeMem[s]!;
  for (let i = 0; i < view.count; i++) view.free[i] = books.freeMilli[topo.serverBase[s]! + i]!;
}
