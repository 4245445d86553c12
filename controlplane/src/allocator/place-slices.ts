import { placementMasks, type PartitionCatalogue, type PartitionProfile } from '../../../core/index.ts';
import type { AllocState } from './alloc-state.ts';
import type { PolicyName } from './policy.ts';
import { fgdServerRank, rankKind, sliceFragment, type SliceView } from './slice-fragment.ts';
import type { SliceClass } from './slice-workload.ts';
import type { Topology } from './topology.ts';

/** One partition instance chosen on a server: accelerator index, first position, positions, units. */
export interface SliceChoice {
  index: number;
  start: number;
  positions: number;
  units: number;
}

export interface SliceNeed {
  zones: readonly number[];
  type: number;
  catalogue: PartitionCatalogue;
  profile: PartitionProfile;
  count: number;
  cpu: number;
  mem: number;
}

/**
 * Scores of servers for one kind of partition request, kept while the server is unchanged (its state
 * version) and the workload classes are the same (their generation): a decision then re-scores only
 * the servers that changed since the last one.
 */
export class SliceScoreCache {
  private readonly byKind = new Map<string, { version: Uint32Array; gen: Uint32Array; score: Float64Array; pieces: (SliceChoice[] | null)[] }>();

  constructor(private readonly servers: number) {}

  kind(key: string) {
    let e = this.byKind.get(key);
    if (!e) {
      e = {
        version: new Uint32Array(this.servers),
        gen: new Uint32Array(this.servers),
        score: new Float64Array(this.servers),
        pieces: new Array<SliceChoice[] | null>(this.servers).fill(null),
      };
      this.byKind.set(key, e);
    }
    return e;
  }
}

export interface SliceContext {
  topo: Topology;
  state: AllocState;
  policy: PolicyName;
  rng: () => number;
  classes: readonly SliceClass[];
  /** Generation of `classes`, and a score cache (not for the random policy, whose scores are draws). */
  generation?: number;
  cache?: SliceScoreCache;
}

/** Fills a view of server `s` for partitioning: free pool units per accelerator, positions taken. */
export function viewOf(topo: Topology, state: AllocState, catalogue: PartitionCatalogue, s: number, view: SliceView): void {
  const count = topo.layoutOf(s).count;
  const base = topo.serverBase[s]!;
  view.count = count;
  view.cpu = state.cpuFree[s]!;
  view.mem = state.memFree[s]!;
  const open = state.draining[s] ? 0 : ~state.faulty[s]! >>> 0;
  for (let i = 0; i < count; i++) {
    const acc = base + i;
    const bit = (1 << i) >>> 0;
    const sliced = state.sliceUnits[acc]! > 0;
    const ok = (open & bit) !== 0 && (sliced || (state.usable[s]! & bit) !== 0);
    view.free[i] = ok ? catalogue.units - state.sliceUnits[acc]! : 0;
    view.taken[i] = ok ? state.slicePositions[acc]! : 0xffffffff;
  }
}

/**
 * Chooses `count` instances of a profile on one server: the server and, for each instance, the
 * accelerator and start position. Partly used accelerators and whole free ones are both candidates
 * (a whole one becomes partitioned); an accelerator held whole never is. Returns undefined when no
 * server can take them all.
 */
export function placeSlices(ctx: SliceContext, need: SliceNeed): { server: number; pieces: SliceChoice[] } | undefined {
  const { topo, state, policy } = ctx;
  const { catalogue, profile } = need;
  const masks = placementMasks(catalogue, profile);
  const view: SliceView = { free: new Int32Array(32), taken: new Uint32Array(32), count: 0, cpu: 0, mem: 0 };
  const fgd = policy === 'fgd' || policy === 'fgd-pack' || policy === 'fgd-pack-cpu';
  let best: { server: number; pieces: SliceChoice[]; score: number } | undefined;
  const pristineSeen = new Set<number>();
  const useCache = ctx.cache && policy !== 'random';
  const cached = useCache ? ctx.cache!.kind(`${profile.name}|${need.count}|${need.cpu}|${need.mem}`) : undefined;
  const gen = (ctx.generation ?? 0) + 1;
  for (const z of need.zones) {
    for (const b of topo.zoneBlocks[z]!.get(need.type) ?? []) {
      for (let s = topo.blockStart[b]!; s < topo.blockEnd[b]!; s++) {
        if (state.draining[s] || state.cpuFree[s]! < need.cpu || state.memFree[s]! < need.mem) continue;
        const layout = topo.layoutOf(s);
        // Servers untouched by anything are interchangeable: score the first of each shape only.
        const pristine = state.usable[s] === layout.fullMask && state.cpuFree[s] === topo.serverCpu[s] && state.memFree[s] === topo.serverMem[s];
        if (pristine) {
          const key = layout.id * 1e9 + topo.serverCpu[s]! + topo.serverMem[s]! * 1e-3;
          if (pristineSeen.has(key)) continue;
          pristineSeen.add(key);
        }
        if (state.usable[s] === 0 && !hasSliced(topo, state, s)) continue;
        if (cached && cached.version[s] === state.version[s] && cached.gen[s] === gen) {
          const pieces = cached.pieces[s];
          if (pieces && (!best || cached.score[s]! < best.score)) best = { server: s, pieces, score: cached.score[s]! };
          if (pieces && policy === 'first-fit') return best;
          continue;
        }
        viewOf(topo, state, catalogue, s, view);
        const before = fgd ? sliceFragment(ctx.classes, catalogue, view) : 0;
        const pieces: SliceChoice[] = [];
        for (let k = 0; k < need.count; k++) {
          const piece = choosePiece(ctx, catalogue, profile, masks, view, fgd);
          if (!piece) break;
          pieces.push(piece);
          view.free[piece.index] = view.free[piece.index]! - piece.units;
          view.taken[piece.index] = (view.taken[piece.index]! | piece.positions) >>> 0;
        }
        if (cached) {
          cached.version[s] = state.version[s]!;
          cached.gen[s] = gen;
          cached.pieces[s] = null;
        }
        if (pieces.length < need.count) continue;
        view.cpu -= need.cpu;
        view.mem -= need.mem;
        const score = serverScore(ctx, catalogue, view, s, before, pristine, fgd);
        if (cached) {
          cached.score[s] = score;
          cached.pieces[s] = pieces;
        }
        if (!best || score < best.score) best = { server: s, pieces, score };
        if (policy === 'first-fit') return best;
      }
    }
  }
  return best && { server: best.server, pieces: best.pieces };
}

function hasSliced(topo: Topology, state: AllocState, s: number): boolean {
  const base = topo.serverBase[s]!;
  for (let i = 0; i < topo.layoutOf(s).count; i++) if (state.sliceUnits[base + i]! > 0) return true;
  return false;
}

/** The instance's place inside a server: per policy, the tightest, first, random or least fragmenting. */
function choosePiece(
  ctx: SliceContext,
  catalogue: PartitionCatalogue,
  profile: PartitionProfile,
  masks: readonly number[],
  view: SliceView,
  fgd: boolean,
): SliceChoice | undefined {
  let best: SliceChoice | undefined;
  let bestScore = Infinity;
  const full = catalogue.units;
  for (let i = 0; i < view.count; i++) {
    const f = view.free[i]!;
    if (f < profile.size) continue;
    const options = catalogue.kind === 'positional' ? masks : [0];
    for (let o = 0; o < options.length; o++) {
      const positions = options[o]!;
      if ((positions & view.taken[i]!) !== 0) continue;
      let score: number;
      if (ctx.policy === 'random') score = ctx.rng();
      else if (ctx.policy === 'first-fit') score = i * 64 + o;
      else if (fgd) {
        const was = view.free[i]!;
        const wasTaken = view.taken[i]!;
        view.free[i] = was - profile.size;
        view.taken[i] = (wasTaken | positions) >>> 0;
        score = sliceFragment(ctx.classes, catalogue, view) + (f === full ? 1e-6 : 0) + i * 1e-9;
        view.free[i] = was;
        view.taken[i] = wasTaken;
      } else {
        // best-fit: the accelerator left with the least room; a partly used one before a whole one.
        score = f - profile.size + (f === full ? full : 0) + o * 1e-3;
      }
      if (score < bestScore) {
        bestScore = score;
        best = { index: i, start: catalogue.kind === 'positional' ? Math.log2(positions & -positions) : -1, positions, units: profile.size };
      }
    }
  }
  return best;
}

function serverScore(ctx: SliceContext, catalogue: PartitionCatalogue, view: SliceView, s: number, before: number, pristine: boolean, fgd: boolean): number {
  const { topo } = ctx;
  if (ctx.policy === 'random') return ctx.rng();
  let freeUnits = 0;
  for (let i = 0; i < view.count; i++) freeUnits += view.free[i]!;
  let leftover = freeUnits / (catalogue.units * view.count);
  if (topo.serverCpu[s] !== Infinity && topo.serverCpu[s]! > 0) leftover += view.cpu / topo.serverCpu[s]!;
  if (topo.serverMem[s] !== Infinity && topo.serverMem[s]! > 0) leftover += view.mem / topo.serverMem[s]!;
  if (!fgd) return leftover + s * 1e-12;
  return fgdServerRank(rankKind(ctx.policy), sliceFragment(ctx.classes, catalogue, view) - before, pristine, s);
}
